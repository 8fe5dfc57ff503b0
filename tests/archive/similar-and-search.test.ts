// Finding a photo by a similar photo (archive staff) and by a word (everybody,
// public items only unless archive staff), on SQLite and PostgreSQL alike.
import { app, http, projectToken, bearer } from '../helpers/app';
import { fixtures, publishedDocument, suffix } from '../helpers/fixtures';
import { brighter, photo, recompressed, resized } from './files';
import { archiveStaff, fullAccess, ingest } from './support';

let staff: Record<string, string>;
const ids: Record<string, string> = {};

/** Every item of this file carries it, so that filters can be checked against this file's items only. */
const RUN = `prueba-${suffix()}`;

const add = async (key: string, buffer: Buffer, data: Record<string, unknown>) => {
  const tags = [RUN, ...((data.tags as string[]) ?? [])];
  const res = await ingest(staff, buffer, `${key}.jpg`, { kind: 'photo', rights: 'own', ...data, tags });
  if (res.status !== 201) throw new Error(`${key}: ${res.status} ${JSON.stringify(res.body)}`);
  ids[key] = res.body.data.documentId;
};

let publicCeremony: string;

beforeAll(async () => {
  staff = await archiveStaff();
  publicCeremony = (await publishedDocument('api::ceremony.ceremony', fixtures.ceremony(true))).documentId;

  const original = await photo(501);
  await add('original', original, { title: 'Puente internacional al amanecer', isPublic: true });
  await add('resized', await resized(original), { title: 'Puente internacional (copia reducida)' });
  await add('recompressed', await recompressed(original), { title: 'Puente internacional (recomprimida)' });
  await add('brighter', await brighter(original), { title: 'Puente internacional (más clara)' });
  for (const seed of [502, 503, 504, 505, 506]) await add(`other${seed}`, await photo(seed), { title: `Otra fotografía ${seed}` });

  await add('rio', await photo(601), {
    title: 'Crecida del Río Caplina en Villa Tarucani',
    description: 'Defensa Civil evalúa la crecida.',
    tags: ['Defensa Civil', 'agua'],
    place: 'Villa Tarucani',
    capturedAt: '2026-02-10T15:00:00.000Z',
    isPublic: true,
    ceremony: publicCeremony,
  });
  await add('rioPrivate', await photo(602), {
    title: 'Reunión reservada sobre el río',
    tags: ['agua'],
    capturedAt: '2026-03-01T15:00:00.000Z',
    isPublic: false,
  });
  await add('credit', await photo(603), { title: 'Feria binacional', credit: 'Asociación Río Limpio', capturedAt: '2025-12-15T12:00:00.000Z', isPublic: true });
  const audio = require('./files').wav(1.2);
  const res = await ingest(staff, audio, 'rio.wav', { kind: 'audio', title: 'Entrevista sobre el río', rights: 'own', isPublic: true, capturedAt: '2026-02-11T10:00:00.000Z', tags: [RUN] });
  ids.audio = res.body.data.documentId;
});

describe('near-duplicates', () => {
  const similar = (documentId: string, headers: Record<string, string>, maxDistance?: number) =>
    http().get(`/api/media-archive-items/${documentId}/similar`).set(headers).query(maxDistance === undefined ? {} : { maxDistance });

  it('finds the resized, recompressed and brighter copies, closest first, and no other photo', async () => {
    const res = await similar(ids.original, staff, 10);
    expect(res.status).toBe(200);
    const found = res.body.data.map((d: any) => d.documentId);
    expect(found.sort()).toEqual([ids.resized, ids.recompressed, ids.brighter].sort());
    const distances = res.body.data.map((d: any) => d.distance);
    expect(distances).toEqual([...distances].sort((a: number, b: number) => a - b));
    expect(distances.every((d: number) => d >= 0 && d <= 10)).toBe(true);
    expect(res.body.meta).toMatchObject({ maxDistance: 10, reference: ids.original });
  });

  it('different photos are far apart: none is found from another', async () => {
    for (const seed of [502, 503, 504]) {
      const res = await similar(ids[`other${seed}`], staff, 10);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    }
  });

  it('maxDistance 0 finds only identical hashes', async () => {
    const res = await similar(ids.original, staff, 0);
    expect(res.status).toBe(200);
    expect(res.body.data.every((d: any) => d.distance === 0)).toBe(true);
  });

  it('is for archive staff: refused to the public and the website, allowed to a full-access token', async () => {
    expect((await similar(ids.original, {})).status).toBe(403);
    expect((await similar(ids.original, bearer(await projectToken('website')))).status).toBe(403);
    expect((await similar(ids.original, await fullAccess())).status).toBe(200);
  });

  it('refuses a bad maxDistance and an unknown item', async () => {
    const bad = await similar(ids.original, staff, 99);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_ERROR');
    expect((await similar('no-existe', staff)).status).toBe(404);
  });

  it('sees an item written a moment ago (index refreshed)', async () => {
    const copy = await sharpCopy();
    await add('late', copy, { title: 'Puente internacional (recorte tardío)' });
    const res = await similar(ids.original, staff, 12);
    expect(res.body.data.map((d: any) => d.documentId)).toContain(ids.late);
  });
});

const sharpCopy = async () => require('sharp')(await photo(501)).resize(800).jpeg({ quality: 70 }).toBuffer();

describe('search', () => {
  const search = (query: Record<string, unknown>, headers: Record<string, string> = {}) =>
    http().get('/api/media-archive-items/search').set(headers).query(query);
  const found = (res: any) => res.body.data.map((d: any) => d.documentId);

  it('"rio" finds "Río", accent- and case-insensitive, for the public only among public items', async () => {
    for (const q of ['rio', 'RÍO', 'Rio Caplina']) {
      const res = await search({ q });
      expect(res.status).toBe(200);
      expect(found(res)).toContain(ids.rio);
      expect(found(res)).not.toContain(ids.rioPrivate);
    }
  });

  it('ranks a title match above a credit match', async () => {
    const order = found(await search({ q: 'rio' }));
    // "Asociación Río Limpio" in the credit matches too, below the title "Crecida del Río Caplina".
    expect(order).toEqual(expect.arrayContaining([ids.rio, ids.credit]));
    expect(order.indexOf(ids.rio)).toBeLessThan(order.indexOf(ids.credit));
  });

  it('searches description, tags and place', async () => {
    expect(found(await search({ q: 'evalúa' }))).toContain(ids.rio);
    expect(found(await search({ q: 'defensa civil' }))).toContain(ids.rio);
    expect(found(await search({ q: 'tarucani' }))).toContain(ids.rio);
  });

  it('filters by kind, dates, ceremony and tags', async () => {
    const mine = (query: Record<string, unknown>) => search({ ...query, tags: [RUN, query.tags].filter(Boolean).join(',') });
    expect(found(await mine({ q: 'rio', kind: 'audio' }))).toEqual([ids.audio]);
    expect(found(await mine({ q: 'rio', kind: 'photo' }))).not.toContain(ids.audio);
    expect(found(await mine({ from: '2026-02-10', to: '2026-02-10' }))).toEqual([ids.rio]);
    expect(found(await mine({ from: '2026-02-01', to: '2026-02-28' })).sort()).toEqual([ids.rio, ids.audio].sort());
    expect(found(await search({ ceremony: publicCeremony }))).toEqual([ids.rio]);
    expect(found(await mine({ tags: 'agua' }))).toEqual([ids.rio]);
    expect(found(await mine({ tags: 'agua,defensa civil', q: 'crecida' }))).toEqual([ids.rio]);
    expect(found(await search({ tags: 'defensa civil', q: 'reunion' }, staff))).toEqual([]);
  });

  it('archive staff and a full-access token search private items too', async () => {
    expect(found(await search({ q: 'reunion reservada' }, staff))).toContain(ids.rioPrivate);
    expect(found(await search({ q: 'reunion reservada' }, await fullAccess()))).toContain(ids.rioPrivate);
    expect(found(await search({ q: 'reunion reservada' }))).toEqual([]);
    expect(found(await search({ q: 'reunion reservada' }, bearer(await projectToken('website'))))).toEqual([]);
  });

  it('pages the results and says how many there are', async () => {
    const first = await search({ q: 'puente', tags: RUN, pageSize: 2, page: 1 }, staff);
    expect(first.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2, total: 5, pageCount: 3 });
    const third = await search({ q: 'puente', tags: RUN, pageSize: 2, page: 3 }, staff);
    expect(third.body.data).toHaveLength(1);
    expect(new Set([...found(first), ...found(third)]).size).toBe(3);
    const beyond = await search({ q: 'puente', tags: RUN, pageSize: 2, page: 4 }, staff);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta.pagination).toMatchObject({ page: 4, total: 5, pageCount: 3 });
  });

  it('shows each result with its file and its ceremony, a private ceremony hidden from the public', async () => {
    const inResults = async (q: string, documentId: string, headers: Record<string, string> = {}) =>
      (await search({ q }, headers)).body.data.find((d: any) => d.documentId === documentId);
    const rio = await inResults('crecida caplina', ids.rio);
    expect(rio.file.formats).toHaveProperty('thumbnail');
    expect(rio.ceremony).toMatchObject({ documentId: publicCeremony, isPublic: true });
    expect(rio.ceremony.publishedAt).toBeTruthy();
    expect((await inResults('crecida caplina', ids.rio, staff)).ceremony).toMatchObject({ documentId: publicCeremony });

    const privateCeremony = (await publishedDocument('api::ceremony.ceremony', fixtures.ceremony(false))).documentId;
    await app().documents('api::media-archive-item.media-archive-item' as any).update({ documentId: ids.credit, data: { ceremony: privateCeremony } } as any);
    const credit = await inResults('feria binacional', ids.credit);
    expect(credit).toBeDefined();
    expect(credit.ceremony ?? null).toBeNull();
    expect((await inResults('feria binacional', ids.credit, staff)).ceremony).toMatchObject({ documentId: privateCeremony });
  });

  it('serves each page as the query engine loads it and the Content API sanitizer leaves it, for every caller', async () => {
    // The route loads the page in one statement on PostgreSQL and sanitizes through a
    // projection (src/archive/search-page.ts, the CIF feed's sanitizeOutput): both are
    // compared here with the query engine's findMany and the sanitizer itself.
    const service = app().service('api::media-archive-item.media-archive-item') as any;
    const spy = jest.spyOn(service, 'sanitizeItems');
    const callers: Array<[Record<string, string>, boolean]> = [[{}, true], [bearer(await projectToken('website')), true], [staff, false]];
    try {
      for (const [headers, restricted] of callers) {
        // Distinct page sizes: no answer comes from the response cache.
        for (const [n, query] of [{ q: 'rio' }, { q: 'feria binacional' }, { tags: RUN, page: 2 }, { q: 'puente internacional', tags: RUN }].entries()) {
          spy.mockClear();
          const pageSize = 3 + n;
          const res = await search({ ...query, pageSize }, headers);
          expect(res.status).toBe(200);
          expect(spy).toHaveBeenCalledTimes(1);
          const [items, auth] = spy.mock.calls[0] as [any[], unknown];
          const { ids } = await service.search({ ...query, tags: query.tags ? [query.tags] : [], page: query.page ?? 1, pageSize, onlyPublic: restricted });
          expect(items.map((item) => item.id)).toEqual(ids);
          const expected = await service.itemsInOrder(ids, restricted);
          expect(items).toEqual(expected);
          const sanitized = await app().contentAPI.sanitize.output(expected, app().getModel('api::media-archive-item.media-archive-item'), { auth } as any);
          // Staff get private items' files as signed links (src/archive/private-files.ts); the rest is equal.
          const unsigned = JSON.parse(JSON.stringify(res.body.data).replace(/(\/media-archive\/files\/[^"?]+)\?expires=\d+&signature=[\w-]+/g, '$1'));
          expect(unsigned).toEqual(sanitized);
          // Same keys in the same order (the query engine sets its populated relations in
          // whichever order their queries finish, so those two are left out of the order).
          const keys = (list: any[]) => list.map((item) => Object.keys(item).filter((key) => key !== 'file' && key !== 'ceremony'));
          expect(keys(res.body.data)).toEqual(keys(sanitized as any[]));
          expect(res.body.data.map((item: any) => Object.keys(item.file ?? {}))).toEqual((sanitized as any[]).map((item) => Object.keys(item.file ?? {})));
        }
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('answers without EXIF and refuses bad parameters in Spanish', async () => {
    const res = await search({ q: 'rio' });
    expect(JSON.stringify(res.body)).not.toMatch(/exif/i);
    for (const query of [{ kind: 'pintura' }, { from: 'ayer' }, { page: 0 }]) {
      const bad = await search(query);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.code).toBe('VALIDATION_ERROR');
    }
  });

  it('follows edits and deletions', async () => {
    const staffHeaders = staff;
    await app().documents('api::media-archive-item.media-archive-item' as any).update({ documentId: ids.other505, data: { title: 'Mercado de Tacna', isPublic: true } } as any);
    expect(found(await search({ q: 'mercado tacna' }))).toEqual([ids.other505]);
    await app().documents('api::media-archive-item.media-archive-item' as any).delete({ documentId: ids.other505 } as any);
    expect(found(await search({ q: 'mercado tacna' }, staffHeaders))).toEqual([]);
  });
});
