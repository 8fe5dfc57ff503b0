// Who reads what through the Content API: unauthenticated (Public role), the
// `website` and `cif` tokens, and a full-access token. Nothing private leaks.
import { app, bearer, createApiToken, http, projectToken } from '../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../helpers/fixtures';

type Caller = { name: string; headers: () => Record<string, string> };

const tokens: Record<string, string> = {};
const callers: Caller[] = [
  { name: 'unauthenticated', headers: () => ({}) },
  { name: 'website token', headers: () => bearer(tokens.website) },
  { name: 'cif token', headers: () => bearer(tokens.cif) },
];

const PERSONAL_VALUES = ['rosa.personal@example.com', '+51 952 111 222', 'Jr. Los Pinos 123', '1980-05-14'];

const docs: Record<string, any> = {};

beforeAll(async () => {
  tokens.website = await projectToken('website');
  tokens.cif = await projectToken('cif');
  tokens.full = await createApiToken('full-access');
  tokens.readOnly = await createApiToken('read-only');

  const institution = await app().documents('api::institution.institution').create({ data: fixtures.institution() } as any);
  docs.contact = await app().documents('api::protocol-contact.protocol-contact').create({ data: fixtures.contact(institution.documentId) } as any);
  docs.publicCeremony = await publishedDocument('api::ceremony.ceremony', {
    ...fixtures.ceremony(true),
    host: docs.contact.documentId,
    invitees: [{ contact: docs.contact.documentId, rsvp: 'confirmed' }],
  });
  docs.privateCeremony = await publishedDocument('api::ceremony.ceremony', fixtures.ceremony(false));
  docs.note = await publishedDocument('api::press-note.press-note', {
    ...fixtures.pressNote(),
    relatedCeremonies: [docs.publicCeremony.documentId, docs.privateCeremony.documentId],
  });
  docs.draftNote = await app().documents('api::press-note.press-note').create({ data: fixtures.pressNote() } as any);
  docs.norm = await publishedDocument('api::norm.norm', fixtures.norm());
  docs.program = await publishedDocument('api::broadcast-program.broadcast-program', fixtures.broadcastProgram());
  docs.page = await publishedDocument('api::transparency-page.transparency-page', fixtures.transparencyPage());
  const image = await uploadTestImage();
  docs.publicItem = await publishedDocument('api::media-archive-item.media-archive-item', {
    kind: 'photo', title: 'Foto pública', rights: 'own', isPublic: true, file: image.id, ceremony: docs.privateCeremony.documentId,
  });
  docs.privateItem = await publishedDocument('api::media-archive-item.media-archive-item', {
    kind: 'photo', title: 'Foto reservada', rights: 'own', isPublic: false, file: (await uploadTestImage('#aa0000')).id,
  });
});

const listIds = async (path: string, headers: Record<string, string>, query: Record<string, unknown> = {}) => {
  const res = await http().get(path).set(headers).query({ 'pagination[pageSize]': 100, ...query });
  expect(res.status).toBe(200);
  return res.body.data.map((d: any) => d.documentId) as string[];
};

describe.each(callers)('$name', ({ name, headers }) => {
  const readsAll = name !== 'cif token';

  it.each([
    ['press-notes', 'note', true],
    ['norms', 'norm', true],
    ['transparency-pages', 'page', true],
    ['ceremonies', 'publicCeremony', true],
    ['broadcast-programs', 'program', false],
    ['media-archive-items', 'publicItem', false],
  ])('reads published public %s', async (plural, key, cifReads) => {
    if (!readsAll && !cifReads) {
      const res = await http().get(`/api/${plural}`).set(headers());
      expect(res.status).toBe(403);
      expect(res.body.error.details.code).toBe('FORBIDDEN');
      return;
    }
    expect(await listIds(`/api/${plural}`, headers())).toContain(docs[key].documentId);
    const one = await http().get(`/api/${plural}/${docs[key].documentId}`).set(headers());
    expect(one.status).toBe(200);
  });

  it.each(['protocol-contacts', 'institutions', 'municipal-bodies'])('cannot read %s', async (plural) => {
    const res = await http().get(`/api/${plural}`).set(headers());
    expect(res.status).toBe(403);
    const one = await http().get(`/api/protocol-contacts/${docs.contact.documentId}`).set(headers());
    expect(one.status).toBe(403);
  });

  it('does not see private ceremonies, even by documentId', async () => {
    expect(await listIds('/api/ceremonies', headers())).not.toContain(docs.privateCeremony.documentId);
    const one = await http().get(`/api/ceremonies/${docs.privateCeremony.documentId}`).set(headers());
    expect(one.status).toBe(404);
    // A filter asking for them explicitly changes nothing.
    expect(await listIds('/api/ceremonies', headers(), { 'filters[isPublic]': false })).toEqual([]);
  });

  it('does not see drafts, even when asking for status=draft', async () => {
    expect(await listIds('/api/press-notes', headers(), { status: 'draft' })).not.toContain(docs.draftNote.documentId);
    const one = await http().get(`/api/press-notes/${docs.draftNote.documentId}`).set(headers()).query({ status: 'draft' });
    expect(one.status).toBe(404);
  });

  it('does not reach private ceremonies or contacts through relations', async () => {
    for (const populate of ['*', 'relatedCeremonies', ['relatedCeremonies.host'], { relatedCeremonies: { populate: '*' } }]) {
      const res = await http().get(`/api/press-notes/${docs.note.documentId}`).set(headers()).query({ populate });
      expect(res.status).toBe(200);
      expect(res.body.data.relatedCeremonies.map((c: any) => c.documentId)).toEqual([docs.publicCeremony.documentId]);
      expect(JSON.stringify(res.body)).not.toContain(docs.contact.documentId);
    }
    const ceremony = await http()
      .get(`/api/ceremonies/${docs.publicCeremony.documentId}`)
      .set(headers())
      .query({ populate: { host: true, invitees: { populate: '*' } } });
    expect(ceremony.status).toBe(200);
    expect(ceremony.body.data.host).toBeUndefined();
    const body = JSON.stringify(ceremony.body);
    for (const value of PERSONAL_VALUES) expect(body).not.toContain(value);
  });

  it('does not see private archive items nor a public item’s private ceremony', async () => {
    if (!readsAll) return; // the cif token does not read the archive at all (checked above)
    const ids = await listIds('/api/media-archive-items', headers());
    expect(ids).toContain(docs.publicItem.documentId);
    expect(ids).not.toContain(docs.privateItem.documentId);
    const one = await http().get(`/api/media-archive-items/${docs.publicItem.documentId}`).set(headers()).query({ populate: '*' });
    expect(one.body.data.ceremony).toBeNull();
    expect(one.body.data.exif).toBeUndefined();
  });
});

describe('the right token', () => {
  it('a full-access token reads private ceremonies and archive items (back office)', async () => {
    expect(await listIds('/api/ceremonies', bearer(tokens.full))).toContain(docs.privateCeremony.documentId);
    expect(await listIds('/api/media-archive-items', bearer(tokens.full))).toContain(docs.privateItem.documentId);
  });

  it('the website and cif tokens are custom tokens with exactly their reads', async () => {
    const service = app().service('admin::api-token-content-api');
    for (const name of ['website', 'cif']) {
      const token = await service.getByName(name);
      expect(token.type).toBe('custom');
      const { PUBLIC_FEED_ACTIONS } = require('../../dist/src/access/content-api');
      // Reads only; the CIF change feed's own permission (not a `find`, so that read-only tokens lack it) for the cif token.
      const feed = name === 'cif' ? ['plugin::cif-sync.changes.read'] : [];
      expect(token.permissions.every((p: string) => /\.(find|findOne|search)$/.test(p) || PUBLIC_FEED_ACTIONS.includes(p) || feed.includes(p))).toBe(true);
      expect(token.permissions.some((p: string) => p.includes('protocol-contact') || p.includes('institution'))).toBe(false);
    }
  });

  it('the Public role has exactly the public reads', async () => {
    const role = await app().db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
    const apiActions = role.permissions.map((p: any) => p.action).filter((a: string) => a.startsWith('api::') || a.startsWith('plugin::protocol.')).sort();
    const { PUBLIC_ROLE_ACTIONS } = require('../../dist/src/access/content-api');
    expect(apiActions).toEqual([...PUBLIC_ROLE_ACTIONS].sort());
  });
});
