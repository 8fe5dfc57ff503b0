/**
 * iCalendar (RFC 5545) documents for ceremonies: the public feed and the
 * .ics attached to the notices. Only public ceremony data goes in: title,
 * description, times and venue; never invitees or the host's contact data.
 *
 * Times are local to the office (`timezone`, America/Lima) with its VTIMEZONE,
 * so calendar apps show the hour the office announced. In the feed, an event's
 * DTSTAMP and LAST-MODIFIED are the time its published data last changed and its
 * SEQUENCE counts those changes (`plugin::protocol.calendar-revision`), so the
 * same published ceremonies always give the same bytes, and the same ETag.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { UIDS } from '../constants';
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

export interface RenderedEvent extends CeremonyEvent {
  sequence?: number;
  cancelled?: boolean;
  /** DTSTAMP (and LAST-MODIFIED in the feed); the time of rendering when absent. */
  stamp?: string | Date;
  lastModified?: string | Date;
  url?: string;
}

type CeremonyRow = { documentId: string; locale?: string | null; title: string; slug?: string | null; description?: string | null; startsAt: string; endsAt?: string | null; venue: string; publishedAt?: string | null };
type Revision = { id: number; ceremonyDocumentId: string; fingerprint: string; sequence: number; changedAt: string };

const FEED_FIELDS = ['documentId', 'locale', 'title', 'slug', 'description', 'startsAt', 'endsAt', 'venue', 'publishedAt'];

/** What a calendar app shows of a ceremony, in every published locale: a change of it is a new revision. */
const fingerprintOf = (rows: CeremonyRow[]) =>
  crypto
    .createHash('sha256')
    .update(
      JSON.stringify(
        [...rows]
          .sort((a, b) => String(a.locale).localeCompare(String(b.locale)))
          .map((r) => [r.locale, r.title, r.description ?? null, new Date(r.startsAt).toISOString(), r.endsAt ? new Date(r.endsAt).toISOString() : null, r.venue])
      )
    )
    .digest('hex');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const revisions = () => strapi.db.query(UIDS.calendarRevision);

  return {
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

    render(name: string, events: RenderedEvent[], method: CalendarMethod = 'PUBLISH') {
      const { timezone } = pluginConfig(strapi);
      const calendar = ical({
        name,
        method: ICalCalendarMethod[method],
        prodId: { company: 'Municipalidad', product: 'protocolo', language: 'ES' },
        // No calendar-wide zone: ical-generator would write DTSTAMP in it, and RFC 5545 wants UTC
        // there. The events carry TZID, the generator writes their VTIMEZONE.
        timezone: { name: null, generator: (zone: string) => tzlib_get_ical_block(zone)[0] },
      });
      calendar.x('X-WR-TIMEZONE', timezone);
      for (const event of events) {
        calendar.createEvent({
          id: event.uid,
          summary: event.title,
          description: event.description ?? undefined,
          start: new TZDate(new Date(event.startsAt).getTime(), timezone),
          end: event.endsAt ? new TZDate(new Date(event.endsAt).getTime(), timezone) : undefined,
          timezone,
          location: event.venue,
          sequence: event.sequence ?? 0,
          status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
          ...(event.stamp ? { stamp: new Date(event.stamp) } : {}),
          ...(event.lastModified ? { lastModified: new Date(event.lastModified) } : {}),
          ...(event.url ? { url: event.url } : {}),
        });
      }
      // RFC 5545 §3.1: every content line ends with CRLF, the last one too.
      return `${calendar.toString().replace(/\r\n$/, '')}\r\n`;
    },

    /** The feed's name in a locale: that locale's, its language's, English, then Spanish. */
    nameFor(locale: string) {
      const names = pluginConfig(strapi).calendarNames;
      return names[locale] ?? names[locale.split('-')[0]] ?? names.en ?? names['es-PE'] ?? Object.values(names)[0];
    },

    /**
     * Records a new revision when what the feed shows of a ceremony changed (any published
     * locale): SEQUENCE + 1 and a new DTSTAMP. Called after every write of a ceremony;
     * a conditional update keeps two instances from counting one change twice.
     */
    async recordRevision(documentId: string) {
      const rows = (await strapi.db.query(UIDS.ceremony).findMany({
        select: FEED_FIELDS,
        where: { documentId, publishedAt: { $notNull: true } },
      })) as CeremonyRow[];
      // Unpublished or deleted: the revision stays, so a later publication goes on counting.
      if (!rows.length) return;
      const fingerprint = fingerprintOf(rows);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const current = (await revisions().findOne({ where: { ceremonyDocumentId: documentId } })) as Revision | null;
        if (current?.fingerprint === fingerprint) return;
        const changedAt = new Date();
        if (!current) {
          await revisions().create({ data: { ceremonyDocumentId: documentId, fingerprint, sequence: 0, changedAt } });
          return;
        }
        const { count } = await revisions().updateMany({
          where: { id: current.id, sequence: current.sequence },
          data: { fingerprint, sequence: current.sequence + 1, changedAt },
        });
        if (count > 0) return;
      }
    },

    /** Drops the revision of a ceremony no version of which is left. */
    async forgetRevision(documentId: string) {
      const left = await strapi.db.query(UIDS.ceremony).count({ where: { documentId } });
      if (!left) await revisions().deleteMany({ where: { ceremonyDocumentId: documentId } });
    },

    /** Published public ceremonies from `feedDaysBack` days ago on, in the given locale. */
    async publicFeed(locale: string) {
      const { feedDaysBack, calendarEventUrl } = pluginConfig(strapi);
      const since = new Date(Date.now() - feedDaysBack * 86_400_000).toISOString();
      const ceremonies = (await strapi.documents(UIDS.ceremony).findMany({
        status: 'published',
        locale,
        filters: { isPublic: true, startsAt: { $gte: since } },
        fields: ['title', 'slug', 'description', 'startsAt', 'endsAt', 'venue', 'publishedAt'],
        sort: ['startsAt:asc', 'id:asc'],
      } as any)) as CeremonyRow[];
      const known = ceremonies.length
        ? ((await revisions().findMany({ where: { ceremonyDocumentId: { $in: ceremonies.map((c) => c.documentId) } } })) as Revision[])
        : [];
      const revisionOf = new Map(known.map((r) => [r.ceremonyDocumentId, r]));
      const urlOf = (c: CeremonyRow) => {
        if (!calendarEventUrl) return undefined;
        let complete = true;
        const url = calendarEventUrl.replace(/\{(locale|slug|documentId)\}/g, (_m, name: string) => {
          const value = name === 'locale' ? locale : (c as any)[name];
          if (!value) complete = false;
          return encodeURIComponent(String(value ?? ''));
        });
        return complete ? url : undefined;
      };
      return this.render(
        this.nameFor(locale),
        ceremonies.map((c) => {
          const revision = revisionOf.get(c.documentId);
          // A ceremony published before revisions were kept: its publication is its last change.
          const stamp = revision?.changedAt ?? c.publishedAt ?? c.startsAt;
          return { ...this.eventOf(c), sequence: revision?.sequence ?? 0, stamp, lastModified: stamp, url: urlOf(c) };
        })
      );
    },
  };
};
