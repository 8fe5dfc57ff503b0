// What a circular can gather: published norms, press notes and ceremonies, as a snapshot
// of what was sent (the e-mail, the acknowledgment page and the report show the snapshot,
// not what the document became later).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ALL_SUBJECTS, ERRORS, UIDS } from '../constants';

type Row = Record<string, any>;

export interface NormItem {
  documentId: string;
  normType: string;
  level: string;
  number: string;
  title: string;
  sumilla: string | null;
  issuedOn: string | null;
  effectiveFrom: string | null;
  /** The norm's PDF, linked from the e-mail. */
  pdfUrl: string | null;
  subjects: string[];
}
export interface PressNoteItem {
  documentId: string;
  title: string;
  lead: string | null;
  publishedAt: string;
  subjects: string[];
}
export interface CeremonyItem {
  documentId: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  venue: string | null;
}
export interface CircularItems {
  norms: NormItem[];
  pressNotes: PressNoteItem[];
  ceremonies: CeremonyItem[];
}

export const subjectsOf = (row: Row): string[] => (Array.isArray(row?.subjects) ? row.subjects.filter((s: unknown) => typeof s === 'string') : []);

/** A body following `bodySubjects` cares about something touching `itemSubjects`. */
export const follows = (bodySubjects: string[], itemSubjects: string[]) =>
  bodySubjects.includes(ALL_SUBJECTS) || itemSubjects.includes(ALL_SUBJECTS) || itemSubjects.some((s) => bodySubjects.includes(s));

const absolute = (strapi: Core.Strapi, url: string | null | undefined) => {
  if (!url) return null;
  if (/^https?:\/\//.test(url)) return url;
  return `${String(strapi.config.get('server.absoluteUrl') ?? '').replace(/\/+$/, '')}${url}`;
};

const toNorm = (strapi: Core.Strapi, n: Row): NormItem => ({
  documentId: n.documentId,
  normType: n.normType,
  level: n.level,
  number: n.number,
  title: n.title,
  sumilla: n.sumilla ?? null,
  issuedOn: n.issuedOn ?? null,
  effectiveFrom: n.effectiveFrom ?? null,
  pdfUrl: absolute(strapi, n.bodyFile?.url),
  subjects: subjectsOf(n),
});
const toPressNote = (p: Row): PressNoteItem => ({
  documentId: p.documentId,
  title: p.title,
  lead: p.lead ?? null,
  publishedAt: new Date(p.publishedAt).toISOString(),
  subjects: subjectsOf(p),
});
const toCeremony = (c: Row): CeremonyItem => ({
  documentId: c.documentId,
  title: c.title,
  startsAt: new Date(c.startsAt).toISOString(),
  endsAt: c.endsAt ? new Date(c.endsAt).toISOString() : null,
  venue: c.venue ?? null,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const defaultLocale = async () => strapi.plugin('i18n').service('locales').getDefaultLocale() as Promise<string>;

  /** One published row per document (the default locale's when it is published there). */
  const onePerDocument = async (rows: Row[]) => {
    const locale = await defaultLocale();
    const byDocument = new Map<string, Row>();
    for (const row of rows) {
      const kept = byDocument.get(row.documentId);
      if (!kept || (row.locale === locale && kept.locale !== locale)) byDocument.set(row.documentId, row);
    }
    return [...byDocument.values()];
  };

  /** The published documents of `uid` with those ids, in the order given; unknown or unpublished ids refused. */
  async function published(uid: string, documentIds: string[], populate?: Row) {
    if (!documentIds.length) return [];
    const rows = (await strapi.db.query(uid as any).findMany({ where: { documentId: { $in: documentIds } }, ...(populate ? { populate } : {}) })) as Row[];
    const known = new Set(rows.map((r) => r.documentId));
    const missing = documentIds.filter((id) => !known.has(id));
    if (missing.length) throw new errors.ValidationError(ERRORS.UNKNOWN_CONTENT.message, { code: ERRORS.UNKNOWN_CONTENT.code, type: uid, missing });
    const live = await onePerDocument(rows.filter((r) => r.publishedAt));
    const liveIds = new Set(live.map((r) => r.documentId));
    const unpublished = documentIds.filter((id) => !liveIds.has(id));
    if (unpublished.length) throw new errors.ValidationError(ERRORS.UNPUBLISHED_CONTENT.message, { code: ERRORS.UNPUBLISHED_CONTENT.code, type: uid, unpublished });
    const byId = new Map(live.map((r) => [r.documentId, r]));
    return documentIds.map((id) => byId.get(id)!);
  }

  const SEARCHABLE = {
    norm: { uid: UIDS.norm, fields: ['number', 'title'], label: (r: Row) => `${r.number} — ${r.title}` },
    'press-note': { uid: UIDS.pressNote, fields: ['title'], label: (r: Row) => r.title },
    ceremony: { uid: UIDS.ceremony, fields: ['title'], label: (r: Row) => r.title },
  } as const;

  return {
    /** Published documents of a kind whose number or title contains `q` (the composer's pickers). */
    async search(kind: keyof typeof SEARCHABLE, q: string) {
      const { uid, fields, label } = SEARCHABLE[kind];
      const text = q.trim();
      const rows = (await strapi.db.query(uid as any).findMany({
        where: { publishedAt: { $notNull: true }, ...(text ? { $or: [{ documentId: text }, ...fields.map((f) => ({ [f]: { $containsi: text } }))] } : {}) },
        orderBy: { updatedAt: 'desc' },
        limit: 40,
      })) as Row[];
      return (await onePerDocument(rows)).slice(0, 10).map((r) => ({ documentId: r.documentId, label: label(r), subjects: subjectsOf(r) }));
    },

    async gather(input: { norms?: string[]; pressNotes?: string[]; ceremonies?: string[] }): Promise<CircularItems> {
      const unique = (ids?: string[]) => [...new Set(ids ?? [])];
      const norms = await published(UIDS.norm, unique(input.norms), { bodyFile: true });
      const pressNotes = await published(UIDS.pressNote, unique(input.pressNotes));
      const ceremonies = await published(UIDS.ceremony, unique(input.ceremonies));
      return { norms: norms.map((n) => toNorm(strapi, n)), pressNotes: pressNotes.map(toPressNote), ceremonies: ceremonies.map(toCeremony) };
    },

    /** For the periodic bulletin: norms that entered into force, notes published, ceremonies coming up. */
    async forBulletin(from: Date, to: Date, ceremoniesUntil: Date, fromDate: string, toDate: string): Promise<CircularItems> {
      const norms = await onePerDocument(
        (await strapi.db.query(UIDS.norm).findMany({
          where: { publishedAt: { $notNull: true }, effectiveFrom: { $gte: fromDate, $lte: toDate } },
          populate: { bodyFile: true },
          orderBy: { effectiveFrom: 'asc' },
        })) as Row[]
      );
      // A press note's first publication in the period (a re-publication keeps its place).
      const notes = await onePerDocument(
        (await strapi.db.query(UIDS.pressNote).findMany({
          where: { publishedAt: { $notNull: true, $gte: from, $lt: to } },
          orderBy: { publishedAt: 'asc' },
        })) as Row[]
      );
      const ceremonies = await onePerDocument(
        (await strapi.db.query(UIDS.ceremony).findMany({
          where: { publishedAt: { $notNull: true }, startsAt: { $gte: to, $lt: ceremoniesUntil } },
          orderBy: { startsAt: 'asc' },
        })) as Row[]
      );
      return {
        norms: norms.filter((n) => ['in-force', 'promulgated', 'amended'].includes(n.legalStatus ?? 'in-force')).map((n) => toNorm(strapi, n)),
        pressNotes: notes.map(toPressNote),
        ceremonies: ceremonies.map(toCeremony),
      };
    },
  };
};
