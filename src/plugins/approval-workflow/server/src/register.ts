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

/** Every previewable type must exist and every field its layout names must be one of its attributes. */
function assertPreviewTypes(strapi: Core.Strapi) {
  const { preview } = strapi.config.get('plugin::approval-workflow') as { preview: { types: Record<string, Record<string, unknown>> } };
  for (const [uid, layout] of Object.entries(preview.types)) {
    const contentType: any = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!contentType) throw new Error(`approval-workflow: configuración no válida: preview.types: el tipo de contenido ${uid} no existe.`);
    const fields = ['title', 'kicker', 'lead', 'cover', 'body', 'gallery', 'seo', 'facts', 'attachments'].flatMap((key) => (layout[key] === undefined ? [] : ([] as unknown[]).concat(layout[key])));
    for (const field of fields) {
      if (typeof field !== 'string' || !contentType.attributes[field]) {
        throw new Error(`approval-workflow: configuración no válida: preview.types[${uid}] nombra el campo «${String(field)}», que el tipo no tiene.`);
      }
    }
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  assertGatedTypes(strapi);
  assertPreviewTypes(strapi);
  strapi.documents.use(createPublicationGate(strapi) as any);
  strapi.documents.use(createRelatedDocumentsTracker(strapi) as any);
  guardBulkRoutes(strapi);
};
