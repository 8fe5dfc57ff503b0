// The periodic bulletin: the norms that entered into force in the period, the press notes
// published in it and the ceremonies coming up, to each body according to its subjects;
// one bulletin per period, also when runs overlap (the period's key is unique). The clock
// is moved by running it at a given time (a period far from the other tests' data).
import { app, mailbox } from '../../helpers/app';
import { fixtures, publishedDocument } from '../../helpers/fixtures';
import { CEREMONY, CIRCULAR, DELIVERY, PRESS_NOTE, addressesOf, newBody, publishedNorm, publishedPressNote, rowsOf, service } from './helpers';

// Monday 8 March 2027, 08:00 in Lima: the week from Monday 1 to Sunday 7.
const RUN_AT = '2027-03-08T13:00:00.000Z';
const TITLE = 'Boletín del 01/03/2027 al 07/03/2027';

describe('the weekly bulletin', () => {
  let budget: any;
  let transport: any;
  let norm: any;
  let note: any;
  let ceremony: any;
  let oldNote: any;

  beforeAll(async () => {
    budget = await newBody(['presupuesto'], 1);
    transport = await newBody(['transporte'], 0);
    norm = await publishedNorm({ title: 'Ordenanza del presupuesto participativo 2028', legalStatus: 'in-force', effectiveFrom: '2027-03-02', subjects: ['presupuesto'] });
    note = await publishedPressNote({ title: 'Nueva ruta de transporte urbano al terminal', subjects: ['transporte'] });
    oldNote = await publishedPressNote({ title: 'Nota de la semana anterior', subjects: ['transporte'] });
    // Strings: a Date of the test's realm does not bind.
    await app().db.query(PRESS_NOTE).updateMany({ where: { documentId: note.documentId, publishedAt: { $notNull: true } }, data: { publishedAt: '2027-03-03T15:00:00.000Z' } });
    await app().db.query(PRESS_NOTE).updateMany({ where: { documentId: oldNote.documentId, publishedAt: { $notNull: true } }, data: { publishedAt: '2027-02-26T15:00:00.000Z' } });
    ceremony = await publishedDocument(CEREMONY, { ...fixtures.ceremony(false), title: 'Izamiento dominical del Pabellón Nacional', startsAt: '2027-03-14T14:00:00.000Z' });
  });

  it('goes once per period, even when two runs overlap, to each body with what its subjects follow', async () => {
    const results = await Promise.all([service('bulletin').run(new Date(RUN_AT)), service('bulletin').run(new Date(RUN_AT))]);
    expect(results.filter((id) => id !== null)).toHaveLength(1);
    expect(await service('bulletin').run(new Date('2027-03-08T20:00:00.000Z'))).toBeNull();
    const bulletins = await rowsOf(CIRCULAR, { kind: 'bulletin', periodKey: 'bulletin|2027-03-01|2027-03-08' });
    expect(bulletins).toHaveLength(1);
    expect(bulletins[0].title).toBe(TITLE);

    const toBudget = await mailbox().waitFor((m) => m.subject === TITLE && mailbox().to(budget.email).includes(m));
    expect(toBudget.text).toContain(norm.number);
    expect(toBudget.text).toContain(ceremony.title);
    expect(toBudget.text).not.toContain(note.title);
    expect(toBudget.text).not.toMatch(/\/api\/dissemination\/ack\//); // a bulletin informs; no acknowledgment asked
    const toTransport = await mailbox().waitFor((m) => m.subject === TITLE && mailbox().to(transport.email).includes(m));
    expect(toTransport.text).toContain(note.title);
    expect(toTransport.text).not.toContain(oldNote.title);
    expect(toTransport.text).not.toContain(norm.number);
    await service('outbox').idle();
    for (const address of [...addressesOf(budget), ...addressesOf(transport)]) {
      expect([address, mailbox().to(address).filter((m) => m.subject === TITLE).length]).toEqual([address, 1]);
    }
    const deliveries = await rowsOf(DELIVERY, { circularId: bulletins[0].id });
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
  });

  it("the bulletin counts in the norm's dissemination history, and the chains verify", async () => {
    const history = await service('circulars').normHistory(norm.documentId);
    expect(history.map((h: any) => h.title)).toContain(TITLE);
    expect((await app().plugin('audit-trail').service('chains').verify()).broken).toEqual([]);
  });
});
