// The request's timeline: one row per transition, appended, never updated or deleted
// (no route or service method changes a row).
import type { Core } from '@strapi/strapi';
import { REQUEST_EVENT_UID } from '../constants';
import type { Actor } from './requests';

const actorName = (actor: Actor | null) =>
  actor ? [actor.firstname, actor.lastname].filter(Boolean).join(' ') || actor.email || `#${actor.id}` : 'sistema';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(requestId: number, event: { action: string; from: string | null; to: string; actor: Actor | null; details?: object }) {
    await strapi.db.query(REQUEST_EVENT_UID).create({
      data: {
        requestId,
        action: event.action,
        fromState: event.from,
        toState: event.to,
        actorId: event.actor?.id ?? null,
        actorName: actorName(event.actor),
        details: event.details ?? {},
      },
    });
  },

  async timeline(requestId: number) {
    return strapi.db.query(REQUEST_EVENT_UID).findMany({
      where: { requestId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: ['id', 'action', 'fromState', 'toState', 'actorName', 'details', 'createdAt'],
    });
  },
});
