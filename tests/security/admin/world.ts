// Two documents (A and B) of every content type, each linked through every
// relation it owns (and every component holding a relation) to the document of
// the same letter of the target type: what the generated attacks read through.
// Drafts only, in the default locale. A type without a fixture fails here, so a
// new type cannot slip past the suite.
import { app } from './support';
import { fixtures, uploadTestImage } from '../../helpers/fixtures';
import { contentTypeUids } from './generators';

export type Letter = 'A' | 'B';
export type World = Record<string, Record<Letter, { documentId: string }>>;

const FIXTURES: Record<string, (letter: Letter) => Promise<Record<string, unknown>>> = {
  'api::institution.institution': async () => ({ ...fixtures.institution(), internalNotes: `Nota interna ${Math.random().toString(36).slice(2, 8)}` }),
  'api::municipal-body.municipal-body': async () => ({ ...fixtures.municipalBody(), active: true }),
  'api::protocol-contact.protocol-contact': async (l) => ({
    ...fixtures.contact(),
    personalPhone: l === 'A' ? '+51 952 604 118' : '+51 961 300 227',
    personalEmail: `persona-${l.toLowerCase()}-${Math.random().toString(36).slice(2, 6)}@example.com`,
    personalAddress: l === 'A' ? 'Jr. Los Pinos 123' : 'Av. Bolognesi 456',
    birthday: l === 'A' ? '1980-05-14' : '1975-11-02',
  }),
  'api::press-note.press-note': async () => fixtures.pressNote(),
  'api::broadcast-program.broadcast-program': async () => fixtures.broadcastProgram(),
  'api::norm.norm': async () => fixtures.norm(),
  'api::ceremony.ceremony': async (l) => ({ ...fixtures.ceremony(l === 'A'), description: `Ceremonia ${l}` }),
  'api::transparency-page.transparency-page': async () => fixtures.transparencyPage(),
  'api::precedence-rank.precedence-rank': async (l) => ({ rank: l === 'A' ? 11 : 12, officeTitle: `Cargo ${l} ${Math.random().toString(36).slice(2, 6)}`, level: 'local', source: 'Prueba' }),
  'api::media-archive-item.media-archive-item': async (l) => ({
    kind: 'photo',
    title: `Foto de archivo ${l}`,
    rights: 'own',
    isPublic: l === 'A',
    file: (await uploadTestImage(l === 'A' ? '#224488' : '#884422')).id,
  }),
};

const attributesOf = (uid: string): Record<string, any> => (app().getModel(uid as any) as any).attributes;

/** A component value with its required fields filled and its relations linked. */
function componentWith(uid: string, link: (target: string) => string | undefined) {
  const value: Record<string, unknown> = {};
  let linked = false;
  for (const [key, a] of Object.entries(attributesOf(uid))) {
    if (a.type === 'relation' && a.target.startsWith('api::') && !a.mappedBy) {
      const id = link(a.target);
      if (id) {
        value[key] = id;
        linked = true;
      }
    } else if (a.required) value[key] = a.default ?? (a.type === 'enumeration' ? a.enum[0] : a.type === 'boolean' ? false : 'x');
  }
  return linked ? value : null;
}

export async function buildWorld(): Promise<World> {
  const world: World = {};
  for (const uid of contentTypeUids()) {
    const make = FIXTURES[uid];
    if (!make) throw new Error(`tests/security/admin/world.ts: no fixture for ${uid}; add one so the generated attacks cover it.`);
    world[uid] = {} as World[string];
    for (const letter of ['A', 'B'] as Letter[]) world[uid][letter] = await app().documents(uid as any).create({ data: await make(letter) } as any);
  }
  for (const uid of contentTypeUids()) {
    for (const letter of ['A', 'B'] as Letter[]) {
      const other: Letter = letter === 'A' ? 'B' : 'A';
      const link = (target: string) => world[target]?.[target === uid ? other : letter]?.documentId;
      const data: Record<string, unknown> = {};
      for (const [key, a] of Object.entries(attributesOf(uid))) {
        if (key === 'localizations') continue;
        if (a.type === 'relation' && a.target.startsWith('api::') && !a.mappedBy) {
          const id = link(a.target);
          if (id) data[key] = /Many$/.test(a.relation) ? [id] : id;
        }
        if (a.type === 'component') {
          const value = componentWith(a.component, link);
          if (value) data[key] = a.repeatable ? [value] : value;
        }
      }
      if (!Object.keys(data).length) continue;
      try {
        await app().documents(uid as any).update({ documentId: world[uid][letter].documentId, data } as any);
      } catch (error: any) {
        throw new Error(`world: linking ${uid} ${letter} (${Object.keys(data).join(', ')}): ${error.message}`);
      }
    }
  }
  return world;
}

/** The values at the end of a path from one document's draft, as the database holds them. */
export async function valuesAt(uid: string, documentId: string, keys: string[]): Promise<unknown[]> {
  const populate = keys.slice(0, -1).reduceRight<any>((acc, key) => ({ [key]: acc === true ? true : { populate: acc } }), true);
  const where: Record<string, unknown> = { documentId };
  if ((app().getModel(uid as any) as any).options?.draftAndPublish) where.publishedAt = null;
  const row = await app().db.query(uid as any).findOne({ where, populate: keys.length > 1 ? populate : undefined });
  let values: unknown[] = [row];
  for (const key of keys) values = values.flatMap((v: any) => (v == null ? [] : Array.isArray(v[key]) ? v[key] : [v[key]]));
  return values;
}
