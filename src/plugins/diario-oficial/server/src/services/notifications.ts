// E-mails to the Normas role when a request needs a person.
import type { Core } from '@strapi/strapi';

type Row = Record<string, any>;

export const NORMAS_ROLE_CODE = 'normas';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async normasEmails(): Promise<string[]> {
    const users = (await strapi.db.query('admin::user').findMany({
      where: { isActive: true, blocked: false, roles: { code: NORMAS_ROLE_CODE } },
      select: ['email'],
    })) as Row[];
    return [...new Set(users.map((u) => u.email as string).filter(Boolean))];
  },

  /** A failed e-mail is logged, never thrown: the request's state is already recorded. */
  async requestFailed(request: Row) {
    try {
      const to = await this.normasEmails();
      if (!to.length) {
        strapi.log.warn(`[diario-oficial] ${request.reference} failed and no active Normas user can be told`);
        return;
      }
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to,
          subject: `[${request.reference}] Falló el envío de la solicitud de publicación`,
          text: [
            `La solicitud ${request.reference} (${request.normNumber ?? request.normDocumentId}, canal ${request.channel}, medio ${request.outlet})`,
            `no se pudo enviar tras ${request.attempts} intento(s).`,
            `Último error: ${request.lastError ?? 'desconocido'}`,
            '',
            'Corrija el problema y use «Reintentar» en Publicaciones oficiales.',
          ].join('\n'),
        });
    } catch (error: any) {
      strapi.log.error(`[diario-oficial] could not tell the Normas role about ${request.reference}: ${error.message}`);
    }
  },
});
