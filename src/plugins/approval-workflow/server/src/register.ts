import type { Core } from '@strapi/strapi';
import { createPublicationGate, createRelatedDocumentsTracker } from './middlewares/publication-gate';
import { guardBulkRoutes } from './middlewares/file-guard';

/** Every gated type must exist and have draft & publish; anything else is a start-up error. */
function assertGatedTypes(strapi: Core.Strapi) {
  const { gatedTypes } = strapi.config.get('plugin::approval-workflow') as { gatedTypes: string[] };
  for (const uid of gatedTypes) {
    const contentType: any = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!contentType) throw new Error(`approval-workflow: configuración no válida: el tipo de contenido ${uid} no existe.`);
    if (!contentType.options?.draftAndPublish) {
      throw new Error(`approval-workflow: configuración no válida: ${uid} no tiene borrador y publicación (draftAndPublish).`);
    }
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  assertGatedTypes(strapi);
  strapi.documents.use(createPublicationGate(strapi) as any);
  strapi.documents.use(createRelatedDocumentsTracker(strapi) as any);
  guardBulkRoutes(strapi);
};
