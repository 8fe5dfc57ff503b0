/**
 * Sample data for a border municipality's communications office. Every
 * record is looked up by a natural key first, so seeding twice adds nothing.
 */
import type { Core, UID } from '@strapi/strapi';
import {
  archiveItems,
  broadcastPrograms,
  ceremonies,
  contacts,
  institutions,
  municipalBodies,
  norms,
  precedenceRanks,
  pressNotes,
  transparencyPages,
} from './data';
import { uploadGeneratedImage } from './images';
import { DEFAULT_LOCALE } from '../bootstrap/locales';

type Summary = Record<string, number>;
type Data = Record<string, unknown>;

const UIDS = {
  body: 'api::municipal-body.municipal-body',
  precedenceRank: 'api::precedence-rank.precedence-rank',
  institution: 'api::institution.institution',
  contact: 'api::protocol-contact.protocol-contact',
  norm: 'api::norm.norm',
  ceremony: 'api::ceremony.ceremony',
  archive: 'api::media-archive-item.media-archive-item',
  pressNote: 'api::press-note.press-note',
  program: 'api::broadcast-program.broadcast-program',
  transparency: 'api::transparency-page.transparency-page',
} satisfies Record<string, UID.ContentType>;

const omit = <T extends object, K extends keyof T>(value: T, ...keys: K[]) => {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy as Omit<T, K>;
};

/** Who the approval workflow's audit trail names for sample content (submitted, approved and published at seeding). */
export const SAMPLE_DATA_ACTOR = { kind: 'system', id: null, name: 'sistema (datos de ejemplo)' } as const;

export function createSeeder(strapi: Core.Strapi) {
  const summary: Summary = {};
  const isLocalized = (uid: UID.ContentType) => Boolean((strapi.contentTypes[uid] as any).pluginOptions?.i18n?.localized);
  const localeOf = (uid: UID.ContentType) => (isLocalized(uid) ? DEFAULT_LOCALE : undefined);

  /** Publishes a document; types gated by the approval workflow go through it (audit trail included). */
  async function publish(uid: UID.ContentType, documentId: string, locale: string) {
    const workflow = strapi.plugin('approval-workflow')?.service('workflow');
    // Generic over types: only draft & publish types have publish() in the generated types.
    if (!workflow?.isGated(uid)) return (strapi.documents(uid) as unknown as { publish(p: object): Promise<unknown> }).publish({ documentId, locale });
    // Recorded in the audit trail like any approval; nobody is e-mailed about sample data.
    return workflow.submitApproveAndPublish({ uid, documentId, locale }, { submitter: SAMPLE_DATA_ACTOR, reviewer: SAMPLE_DATA_ACTOR, notify: false });
  }

  /** documentId of the record matching `filters`, creating it from `build()` when missing. */
  async function ensure(uid: UID.ContentType, filters: Data, build: () => Promise<Data> | Data, shouldPublish = false) {
    const locale = localeOf(uid);
    const existing = await strapi.documents(uid).findFirst({ filters, locale, status: 'draft', fields: ['documentId'] } as any);
    if (existing) return { documentId: existing.documentId as string, created: false };
    const doc = await strapi.documents(uid).create({ data: await build(), locale } as any);
    if (shouldPublish) await publish(uid, doc.documentId, '*');
    summary[uid] = (summary[uid] ?? 0) + 1;
    return { documentId: doc.documentId as string, created: true };
  }

  async function addLocalizations(uid: UID.ContentType, documentId: string, localizations: Record<string, Data> | undefined, shouldPublish: boolean) {
    for (const [locale, data] of Object.entries(localizations ?? {})) {
      await strapi.documents(uid).update({ documentId, locale, data } as any);
      if (shouldPublish) await publish(uid, documentId, locale);
    }
  }

  const keyMaps = {
    bodies: new Map<string, string>(),
    precedenceRanks: new Map<string, string>(),
    institutions: new Map<string, string>(),
    contacts: new Map<string, string>(),
    norms: new Map<string, string>(),
    ceremonies: new Map<string, string>(),
  };
  const resolve = (map: Map<string, string>, kind: string, keys: string[] = []) =>
    keys.map((key) => {
      const id = map.get(key);
      if (!id) throw new Error(`Sample data: unknown ${kind} "${key}"`);
      return id;
    });

  async function seedPrecedenceRanks() {
    for (const rank of precedenceRanks) {
      const { documentId } = await ensure(UIDS.precedenceRank, { officeTitle: rank.officeTitle }, () => ({ ...rank }));
      keyMaps.precedenceRanks.set(rank.officeTitle, documentId);
    }
  }

  async function seedDirectory() {
    for (const body of municipalBodies) {
      keyMaps.bodies.set(body.name, (await ensure(UIDS.body, { name: body.name }, () => ({ ...body }))).documentId);
    }
    for (const institution of institutions) {
      const { documentId } = await ensure(UIDS.institution, { name: institution.name }, () => ({ ...institution }));
      keyMaps.institutions.set(institution.name, documentId);
    }
    for (const contact of contacts) {
      const filters = { givenName: contact.givenName, familyName: contact.familyName, position: contact.position };
      const { documentId } = await ensure(UIDS.contact, filters, () => ({
        ...omit(contact, 'key', 'institution', 'precedenceOffice'),
        contactKey: contact.key,
        institution: resolve(keyMaps.institutions, 'institution', [contact.institution])[0],
        precedence: contact.precedenceOffice ? resolve(keyMaps.precedenceRanks, 'precedence rank', [contact.precedenceOffice])[0] : null,
      }));
      keyMaps.contacts.set(contact.key, documentId);
    }
  }

  async function seedNorms() {
    const created: Array<{ documentId: string; norm: (typeof norms)[number] }> = [];
    for (const norm of norms) {
      const result = await ensure(UIDS.norm, { number: norm.number }, () => omit(norm, 'amends', 'repeals', 'published', 'localizations'));
      keyMaps.norms.set(norm.number, result.documentId);
      if (result.created) created.push({ documentId: result.documentId, norm });
    }
    // Relations between norms need every norm to exist first.
    for (const { documentId, norm } of created) {
      const amends = resolve(keyMaps.norms, 'norm', norm.amends);
      const repeals = resolve(keyMaps.norms, 'norm', norm.repeals);
      if (amends.length || repeals.length) {
        await strapi.documents(UIDS.norm).update({ documentId, locale: DEFAULT_LOCALE, data: { amends, repeals } } as any);
      }
      // A uid is always per locale in Strapi's i18n: each translation carries the slug.
      const localizations = Object.fromEntries(Object.entries(norm.localizations ?? {}).map(([l, t]) => [l, { ...t, slug: norm.slug }]));
      await addLocalizations(UIDS.norm, documentId, localizations, false);
      if (norm.published) await publish(UIDS.norm, documentId, '*');
    }
  }

  async function seedCeremonies() {
    for (const ceremony of ceremonies) {
      const { documentId } = await ensure(
        UIDS.ceremony,
        { slug: ceremony.slug },
        () => ({
          ...omit(ceremony, 'host', 'invitees', 'bodiesToNotify', 'published'),
          host: ceremony.host ? resolve(keyMaps.contacts, 'contact', [ceremony.host])[0] : null,
          invitees: ceremony.invitees.map((invitee) => ({
            ...invitee,
            contact: resolve(keyMaps.contacts, 'contact', [invitee.contact])[0],
          })),
          bodiesToNotify: resolve(keyMaps.bodies, 'municipal body', ceremony.bodiesToNotify),
        }),
        ceremony.published
      );
      keyMaps.ceremonies.set(ceremony.slug, documentId);
    }
  }

  async function seedArchive() {
    for (const item of archiveItems) {
      await ensure(UIDS.archive, { title: item.title }, async () => ({
        ...omit(item, 'image', 'ceremony'),
        file: (await uploadGeneratedImage(strapi, item.image, `archivo-${slugify(item.title)}`, item.title)).id,
        ceremony: item.ceremony ? resolve(keyMaps.ceremonies, 'ceremony', [item.ceremony])[0] : null,
      }));
    }
  }

  async function seedPressNotes() {
    for (const note of pressNotes) {
      const { documentId, created } = await ensure(UIDS.pressNote, { slug: note.slug }, async () => ({
        ...omit(note, 'cover', 'published', 'relatedNorms', 'relatedCeremonies', 'localizations'),
        cover: (await uploadGeneratedImage(strapi, note.cover, `portada-${note.slug}`, note.title)).id,
        relatedNorms: resolve(keyMaps.norms, 'norm', note.relatedNorms),
        relatedCeremonies: resolve(keyMaps.ceremonies, 'ceremony', note.relatedCeremonies),
      }));
      if (!created) continue;
      await addLocalizations(UIDS.pressNote, documentId, note.localizations as Record<string, Data>, false);
      if (note.published) await publish(UIDS.pressNote, documentId, '*');
    }
  }

  async function seedProgrammesAndTransparency() {
    for (const program of broadcastPrograms) {
      await ensure(UIDS.program, { slug: program.slug }, () => omit(program, 'published'), program.published);
    }
    for (const page of transparencyPages) {
      await ensure(UIDS.transparency, { slug: page.slug }, () => omit(page, 'published'), page.published);
    }
  }

  return {
    async run() {
      await seedPrecedenceRanks();
      await seedDirectory();
      await seedNorms();
      await seedCeremonies();
      await seedArchive();
      await seedPressNotes();
      await seedProgrammesAndTransparency();
      return summary;
    },
  };
}

const slugify = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Seeds the sample data; returns how many records of each type it created. */
export const seedSampleData = (strapi: Core.Strapi) => createSeeder(strapi).run();

/** True when none of the office's content exists yet. */
export async function isContentEmpty(strapi: Core.Strapi) {
  for (const uid of Object.values(UIDS)) {
    if ((await strapi.db.query(uid).count()) > 0) return false;
  }
  return true;
}
