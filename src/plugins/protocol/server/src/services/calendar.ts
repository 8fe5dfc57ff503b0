/**
 * iCalendar (RFC 5545) documents for ceremonies: the public feed and the
 * .ics attached to the notices. Only public ceremony data goes in: title,
 * description, times and venue; never invitees or the host's contact data.
 */
import type { Core } from '@strapi/strapi';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { pluginConfig } from '../utils/get-service';

export interface CeremonyEvent {
  uid: string;
  title: string;
  description: string | null;
  startsAt: string;
  endsAt: string | null;
  venue: string;
}

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  eventOf(ceremony: { documentId: string; title: string; description?: string | null; startsAt: string; endsAt?: string | null; venue: string }): CeremonyEvent {
    return {
      uid: `ceremonia-${ceremony.documentId}@${pluginConfig(strapi).calendarDomain}`,
      title: ceremony.title,
      description: ceremony.description ?? null,
      startsAt: new Date(ceremony.startsAt).toISOString(),
      endsAt: ceremony.endsAt ? new Date(ceremony.endsAt).toISOString() : null,
      venue: ceremony.venue,
    };
  },

  render(name: string, events: Array<CeremonyEvent & { sequence?: number; cancelled?: boolean }>, method: CalendarMethod = 'PUBLISH') {
    const calendar = ical({
      name,
      method: ICalCalendarMethod[method],
      prodId: { company: 'Municipalidad', product: 'protocolo', language: 'ES' },
    });
    for (const event of events) {
      calendar.createEvent({
        id: event.uid,
        summary: event.title,
        description: event.description ?? undefined,
        start: new Date(event.startsAt),
        end: event.endsAt ? new Date(event.endsAt) : undefined,
        location: event.venue,
        sequence: event.sequence ?? 0,
        status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    return calendar.toString();
  },

  /** Published public ceremonies from `feedDaysBack` days ago on, in the given locale. */
  async publicFeed(locale: string) {
    const since = new Date(Date.now() - pluginConfig(strapi).feedDaysBack * 86_400_000).toISOString();
    const ceremonies = (await strapi.documents('api::ceremony.ceremony').findMany({
      status: 'published',
      locale,
      filters: { isPublic: true, startsAt: { $gte: since } },
      fields: ['title', 'description', 'startsAt', 'endsAt', 'venue'],
      sort: ['startsAt:asc'],
    } as any)) as any[];
    return this.render(
      'Ceremonias y actividades oficiales',
      ceremonies.map((c) => this.eventOf(c))
    );
  },
});
