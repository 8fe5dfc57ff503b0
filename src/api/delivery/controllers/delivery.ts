import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { documentationFile } from '../../../delivery/openapi';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The documentation plugin's document as JSON: the plugin itself only inlines it in
   * its Swagger UI page. Follows the plugin's "restricted access" setting.
   */
  async openapi(ctx: any) {
    const docs = strapi.plugin('documentation')?.service('documentation');
    if (!docs) throw new errors.NotFoundError('La documentación de la API no está activada.', { code: 'DOCUMENTATION_DISABLED' });
    const { restrictedAccess } = await docs.getDocumentationAccess();
    if (restrictedAccess && !ctx.session?.documentation?.logged) {
      // PolicyError: Strapi turns a ForbiddenError thrown by a handler into a bare 403 without details.
      throw new errors.PolicyError('La documentación de la API es de acceso restringido: inicie sesión en /documentation.', {
        code: 'DOCUMENTATION_RESTRICTED',
      });
    }
    const body = await readFile(documentationFile(strapi), 'utf8').catch((error) => {
      if (error.code !== 'ENOENT') throw error;
      // Production does not generate: the committed file is copied by `strapi build`.
      throw new errors.NotFoundError('El documento OpenAPI no se ha generado.', { code: 'DOCUMENTATION_NOT_GENERATED' });
    });
    ctx.type = 'application/json';
    ctx.body = body;
  },
});
