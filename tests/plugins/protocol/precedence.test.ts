// Precedence order of the directory and the host rule of the seating order.
import { app, adminWithRole, contentManager, type AdminSession } from '../../helpers/app';
import { fixtures, publishedDocument, suffix } from '../../helpers/fixtures';
import { CEREMONY, CONTACT, createContact, createInstitution, createRank, protocolApi } from './helpers';

let protocolo: AdminSession;
const c: Record<string, any> = {};

beforeAll(async () => {
  protocolo = await adminWithRole('protocolo');
  const governorOffice = await createRank(30, 'regional');
  const mayorOffice = await createRank(50);
  const councilOffice = await createRank(71);
  const region = await createInstitution('Gobierno Regional', 'regional');
  const city = await createInstitution('Municipalidad Provincial', 'provincial');
  const other = await createInstitution('Apurímac Municipalidad', 'provincial');
  const tag = suffix();
  c.governor = await createContact({ givenName: 'Elena', familyName: `Gob ${tag}`, position: 'Gobernadora', institution: region.documentId, precedence: governorOffice.documentId });
  c.mayor = await createContact({ givenName: 'Javier', familyName: `Alc ${tag}`, position: 'Alcalde', institution: city.documentId, precedence: mayorOffice.documentId });
  // Same office, ordered by institution then name.
  c.councilB = await createContact({ givenName: 'Berta', familyName: `Reg ${tag}`, position: 'Regidora', institution: city.documentId, precedence: councilOffice.documentId });
  c.councilA = await createContact({ givenName: 'Ana', familyName: `Reg ${tag}`, position: 'Regidora', institution: city.documentId, precedence: councilOffice.documentId });
  c.councilOther = await createContact({ givenName: 'Zoe', familyName: `Reg ${tag}`, position: 'Regidora', institution: other.documentId, precedence: councilOffice.documentId });
  // An explicit place overrides the office's rank.
  c.override = await createContact({
    givenName: 'Oscar', familyName: `Ovr ${tag}`, position: 'Regidor', institution: city.documentId, precedence: councilOffice.documentId,
    precedenceRank: 40, precedenceOverrideReason: 'Decano del cuerpo consular (prueba)',
  });
  c.unranked = await createContact({ givenName: 'Nora', familyName: `Sin ${tag}`, position: 'Vecina notable', institution: city.documentId });
  c.tag = tag;
});

describe('directory order', () => {
  it('lists by precedence (override first, office rank otherwise), then institution, then name; unranked last', async () => {
    const res = await protocolApi(protocolo).get('/directory', { q: c.tag, pageSize: 100 });
    expect(res.status).toBe(200);
    const order = res.body.data.map((d: any) => d.documentId);
    expect(order).toEqual([
      c.governor.documentId,
      c.override.documentId,
      c.mayor.documentId,
      c.councilOther.documentId, // "Apurímac …" sorts before "Municipalidad …"
      c.councilA.documentId,
      c.councilB.documentId,
      c.unranked.documentId,
    ]);
    expect(res.body.data[1].effectiveRank).toBe(40);
    expect(res.body.data[2].precedence.rank).toBe(50);
    expect(res.body.data[6].effectiveRank).toBeNull();
  });

  it('filters by level and sector of the institution', async () => {
    const regional = await protocolApi(protocolo).get('/directory', { q: c.tag, level: 'regional' });
    expect(regional.body.data.map((d: any) => d.documentId)).toEqual([c.governor.documentId]);
    const bad = await protocolApi(protocolo).get('/directory', { level: 'galactic' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.code).toBe('VALIDATION_ERROR');
  });
});

describe('seating order and the host rule', () => {
  const ceremonyWith = (invitees: Array<[any, string]>) =>
    publishedDocument(CEREMONY, {
      ...fixtures.ceremony(false),
      host: c.mayor.documentId,
      invitees: invitees.map(([contact, rsvp]) => ({ contact: contact.documentId, rsvp })),
    });
  const seating = async (documentId: string) => {
    const res = await protocolApi(protocolo).get(`/ceremonies/${documentId}/seating`);
    expect(res.status).toBe(200);
    return res.body.data;
  };

  it('the host mayor presides when no higher authority attends; then right, left, alternating', async () => {
    const ceremony = await ceremonyWith([
      [c.governor, 'declined'],
      [c.councilA, 'confirmed'],
      [c.councilB, 'attended'],
      [c.councilOther, 'confirmed'],
      [c.unranked, 'invited'],
    ]);
    const data = await seating(ceremony.documentId);
    expect(data.hostPresides).toBe(true);
    expect(data.presider.documentId).toBe(c.mayor.documentId);
    expect(data.seats.map((s: any) => [s.order, s.side, s.place, s.contact.documentId])).toEqual([
      [1, 'center', 0, c.mayor.documentId],
      [2, 'right', 1, c.councilOther.documentId],
      [3, 'left', 1, c.councilA.documentId],
      [4, 'right', 2, c.councilB.documentId],
    ]);
    // Seen from the audience, the presider's right is on the left.
    expect(data.rowFromAudience).toEqual([4, 2, 1, 3]);
    expect(data.rsvpCounts).toEqual({ invited: 1, confirmed: 2, declined: 1, attended: 1 });
    expect(data.invitations.map((i: any) => i.documentId)[0]).toBe(c.governor.documentId);
  });

  it('a higher authority who attends presides and the host mayor takes their place by precedence', async () => {
    const ceremony = await ceremonyWith([
      [c.councilA, 'confirmed'],
      [c.governor, 'confirmed'],
      [c.override, 'attended'],
    ]);
    const data = await seating(ceremony.documentId);
    expect(data.hostPresides).toBe(false);
    expect(data.seats.map((s: any) => [s.order, s.side, s.contact.documentId, s.isHost])).toEqual([
      [1, 'center', c.governor.documentId, false],
      [2, 'right', c.override.documentId, false],
      [3, 'left', c.mayor.documentId, true],
      [4, 'right', c.councilA.documentId, false],
    ]);
    // Only institutional data in a seating list.
    expect(JSON.stringify(data)).not.toContain('rosa.personal@example.com');
  });

  it('answers 404 with a code for an unknown ceremony', async () => {
    const res = await protocolApi(protocolo).get('/ceremonies/doesnotexist123/seating');
    expect(res.status).toBe(404);
    expect(res.body.error.details.code).toBe('CEREMONY_NOT_FOUND');
  });
});

describe('an explicit precedence place needs its reason', () => {
  it('in the content manager', async () => {
    const res = await contentManager(protocolo, CONTACT).create({ ...fixtures.contact(), precedenceRank: 12 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('OVERRIDE_REASON_REQUIRED');
    const ok = await contentManager(protocolo, CONTACT).create({ ...fixtures.contact(), precedenceRank: 12, precedenceOverrideReason: 'Decano (prueba)' });
    expect(ok.status).toBe(201);
  });

  it('in the document service, also when only the reason is removed', async () => {
    await expect(app().documents(CONTACT).update({ documentId: c.override.documentId, data: { precedenceOverrideReason: '' } } as any)).rejects.toThrow(
      /necesita su motivo/
    );
    const stored = await app().documents(CONTACT).findOne({ documentId: c.override.documentId } as any);
    expect(stored!.precedenceOverrideReason).toBe('Decano del cuerpo consular (prueba)');
    // Removing the place and its reason together is fine.
    await app().documents(CONTACT).update({ documentId: c.unranked.documentId, data: { precedenceRank: null, precedenceOverrideReason: null } } as any);
  });
});
