// Acknowledgment through the recipient's personal link: opening it (GET, which a link
// prefetcher or a mail scanner also does) shows the circular and records nothing; the
// form's POST records the body's acknowledgment, and for circulars "for compliance" the
// confirmation that the body applied them, once each: a repeated POST changes nothing.
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { getService, pluginConfig } from '../utils/get-service';
import { refusalError } from './ack-links';
import { ackPage } from './render';

type Row = Record<string, any>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function opened(token: unknown) {
    const result = await getService(strapi, 'ack-links').open(token);
    if ('refusal' in result) throw refusalError(result.refusal);
    const circular = await strapi.db.query(UIDS.circular).findOne({ where: { id: result.delivery.circularId } });
    if (!circular || circular.kind !== 'circular') throw refusalError('invalid');
    return { delivery: result.delivery, circular };
  }

  const view = (delivery: Row, circular: Row) => ({
    circular: { title: circular.title, message: circular.message ?? null, forCompliance: Boolean(circular.forCompliance), items: delivery.items ?? circular.items },
    body: { documentId: delivery.bodyDocumentId, name: delivery.bodyName },
    acknowledgedAt: delivery.acknowledgedAt ?? null,
    appliedAt: delivery.appliedAt ?? null,
    applicationNote: delivery.applicationNote ?? null,
  });

  const html = (delivery: Row, circular: Row, token: string, status?: string) =>
    ackPage({ circular, items: delivery.items ?? circular.items, delivery, action: `/api/dissemination/ack/${token}`, timeZone: pluginConfig(strapi).timezone, status });

  return {
    /** What the link shows; writes nothing. */
    async show(token: unknown) {
      const { delivery, circular } = await opened(token);
      return { data: view(delivery, circular), html: html(delivery, circular, token as string) };
    },

    /** Records the acknowledgment (and the application, when asked and confirmed). Idempotent. */
    async confirm(token: unknown, input: { applied?: boolean; note?: string | null }) {
      const { delivery, circular } = await opened(token);
      const events = getService(strapi, 'events');
      const who = `${delivery.bodyName} (${delivery.email})`;
      let row: Row = delivery;
      let changed = false;
      if (!row.acknowledgedAt) {
        const at = new Date();
        const written = await events.apply(UIDS.delivery, delivery.id, (current) =>
          current.acknowledgedAt
            ? null
            : {
                data: { acknowledgedAt: at },
                when: { acknowledgedAt: { $null: true } },
                transition: { action: 'delivery.acknowledged', from: current.status, to: 'acknowledged', actor: who, details: { body: delivery.bodyDocumentId, email: delivery.email } },
              }
        );
        changed ||= Boolean(written);
      }
      if (circular.forCompliance && input.applied) {
        const at = new Date();
        const note = input.note?.trim() || null;
        const written = await events.apply(UIDS.delivery, delivery.id, (current) =>
          current.appliedAt
            ? null
            : {
                data: { appliedAt: at, applicationNote: note },
                when: { appliedAt: { $null: true } },
                transition: { action: 'delivery.applied', from: 'acknowledged', to: 'applied', actor: who, comment: note, details: { body: delivery.bodyDocumentId, email: delivery.email } },
              }
        );
        changed ||= Boolean(written);
      }
      row = (await strapi.db.query(UIDS.delivery).findOne({ where: { id: delivery.id } })) as Row;
      const status = row.appliedAt && changed && input.applied ? 'Aplicación registrada. Gracias.' : changed ? 'Recepción registrada. Gracias.' : 'Esta confirmación ya estaba registrada.';
      return { changed, data: view(row, circular), html: html(row, circular, token as string, status) };
    },
  };
};
