// Follow-up of circulars in business days (the Diario Oficial's calendar of Peruvian
// holidays): a body that has not acknowledged a circular after `reminderBusinessDays`
// gets a reminder on each of its recipients' links; one still silent
// `escalationBusinessDays` after the reminder is reported to the Gerente. Each step is
// claimed per delivery with a conditional update (and recorded in its audit chain), so
// several instances never remind or report twice.
import type { Core } from '@strapi/strapi';
import { UIDS } from '../constants';
import { businessCalendar, dateIn, getService, pluginConfig } from '../utils/get-service';

type Row = Record<string, any>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const deliveries = () => strapi.db.query(UIDS.delivery);

  async function managersEmails(roleCode: string): Promise<string[]> {
    const users = (await strapi.db.query('admin::user').findMany({
      where: { isActive: true, blocked: false, roles: { code: roleCode } },
      select: ['email'],
    })) as Row[];
    return [...new Set(users.map((u) => u.email as string).filter(Boolean))];
  }

  return {
    async run(at: Date = new Date()) {
      const now = new Date(at.getTime());
      const config = pluginConfig(strapi);
      const calendar = businessCalendar(strapi);
      const events = getService(strapi, 'events');
      const outbox = getService(strapi, 'outbox');
      const today = calendar.today(now);
      const daysSince = (instant: string | Date) => calendar.businessDaysBetween(dateIn(config.timezone, instant), today);

      const open = (await strapi.db.query(UIDS.circular).findMany({ where: { kind: 'circular' }, select: ['id', 'documentId', 'title', 'kind', 'message', 'forCompliance', 'items'] })) as Row[];
      const circularById = new Map(open.map((c) => [c.id, c]));
      if (!open.length) return { reminded: 0, escalated: 0 };
      const rows = (await deliveries().findMany({
        where: { circularId: { $in: open.map((c) => c.id) }, sentAt: { $notNull: true }, escalatedAt: { $null: true } },
        orderBy: { id: 'asc' },
      })) as Row[];
      const acknowledged = new Set(
        ((await deliveries().findMany({ where: { circularId: { $in: open.map((c) => c.id) }, acknowledgedAt: { $notNull: true } }, select: ['circularId', 'bodyDocumentId'] })) as Row[]).map(
          (d) => `${d.circularId}|${d.bodyDocumentId}`
        )
      );

      let reminded = 0;
      const toReport = new Map<number, Set<string>>();
      for (const row of rows) {
        if (acknowledged.has(`${row.circularId}|${row.bodyDocumentId}`)) continue;
        const circular = circularById.get(row.circularId)!;
        if (!row.remindedAt) {
          if (daysSince(row.sentAt) < config.reminderBusinessDays) continue;
          const written = await events.apply(UIDS.delivery, row.id, (current) =>
            current.remindedAt || current.acknowledgedAt
              ? null
              : {
                  data: { remindedAt: now },
                  when: { remindedAt: { $null: true }, acknowledgedAt: { $null: true } },
                  transition: { action: 'delivery.reminded', from: 'sent', to: 'reminded', actor: null, details: { businessDays: config.reminderBusinessDays, email: row.email } },
                }
          );
          if (!written) continue;
          reminded += 1;
          try {
            await outbox.send(written, circular, true);
          } catch (error: any) {
            strapi.log.warn(`[dissemination] reminder to ${row.email} failed: ${error.message}`);
          }
        } else if (daysSince(row.remindedAt) >= config.escalationBusinessDays) {
          const written = await events.apply(UIDS.delivery, row.id, (current) =>
            current.escalatedAt || current.acknowledgedAt
              ? null
              : {
                  data: { escalatedAt: now },
                  when: { escalatedAt: { $null: true }, acknowledgedAt: { $null: true } },
                  transition: { action: 'delivery.escalated', from: 'reminded', to: 'escalated', actor: null, details: { role: config.escalationRoleCode } },
                }
          );
          if (!written) continue;
          const bodies = toReport.get(row.circularId) ?? new Set<string>();
          bodies.add(row.bodyName);
          toReport.set(row.circularId, bodies);
        }
      }

      let escalated = 0;
      if (toReport.size) {
        const to = await managersEmails(config.escalationRoleCode);
        const lines = [...toReport].flatMap(([id, bodies]) => [`• ${circularById.get(id)!.title} (circular n.° ${id}):`, ...[...bodies].sort().map((b) => `    – ${b}`)]);
        escalated = [...toReport.values()].reduce((n, b) => n + b.size, 0);
        if (!to.length) strapi.log.warn('[dissemination] bodies owe acknowledgments and no active Gerente can be told');
        else {
          try {
            await strapi.plugin('email').service('email').send({
              to,
              subject: 'Difusión: órganos sin acuse de recibo tras el recordatorio',
              text: [
                'Los siguientes órganos municipales no han confirmado la recepción de estas circulares, pese al recordatorio:',
                '',
                ...lines,
                '',
                'El detalle está en el panel de administración, página «Difusión».',
              ].join('\n'),
            });
          } catch (error: any) {
            strapi.log.error(`[dissemination] could not tell the Gerente about pending acknowledgments: ${error.message}`);
          }
        }
      }
      return { reminded, escalated };
    },
  };
};
