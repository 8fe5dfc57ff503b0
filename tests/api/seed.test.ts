// npm run seed fills the database with the sample data; a second run adds nothing.
import { app, http } from '../helpers/app';

describe('sample data', () => {
  // Seeds every sample record twice through the document service: slow on a busy machine.
  it('creates every sample record once and nothing on a second run', async () => {
    const { seedSampleData } = require('../../dist/src/seed');
    const data = require('../../dist/src/seed/data');

    const first = await seedSampleData(app());
    expect(first).toEqual({
      'api::precedence-rank.precedence-rank': data.precedenceRanks.length,
      'api::municipal-body.municipal-body': data.municipalBodies.length,
      'api::institution.institution': data.institutions.length,
      'api::protocol-contact.protocol-contact': data.contacts.length,
      'api::norm.norm': data.norms.length,
      'api::ceremony.ceremony': data.ceremonies.length,
      'api::media-archive-item.media-archive-item': data.archiveItems.length,
      'api::press-note.press-note': data.pressNotes.length,
      'api::broadcast-program.broadcast-program': data.broadcastPrograms.length,
      'api::transparency-page.transparency-page': data.transparencyPages.length,
    });
    expect(data.pressNotes.length).toBeGreaterThanOrEqual(20);
    expect(data.contacts.length).toBeGreaterThanOrEqual(40);
    // National, then regional, then local authorities; every contact points to a seeded office.
    const ranks = data.precedenceRanks.map((r: any) => r.rank);
    expect(ranks).toEqual([...ranks].sort((a: number, b: number) => a - b));
    const firstLocal = data.precedenceRanks.find((r: any) => r.level === 'local').rank;
    expect(data.precedenceRanks.filter((r: any) => r.level === 'national').every((r: any) => r.rank < firstLocal)).toBe(true);
    const linked = await app()
      .documents('api::protocol-contact.protocol-contact')
      .findMany({ filters: { contactKey: 'alcalde-provincial' }, populate: ['precedence'] } as any);
    expect(linked[0].precedence.officeTitle).toBe('Alcalde(sa) Provincial');
    expect(data.transparencyPages.map((p: any) => p.pteSection).sort()).toHaveLength(12);

    const counts = async () =>
      Promise.all(['api::press-note.press-note', 'api::protocol-contact.protocol-contact', 'api::precedence-rank.precedence-rank', 'plugin::upload.file'].map((uid) => app().db.query(uid as any).count()));
    const before = await counts();
    expect(await seedSampleData(app())).toEqual({});
    expect(await counts()).toEqual(before);
  }, 180000); // press notes and programmes go through the approval workflow (submit, approve, publish, audit trail)

  it('publishes localisations and keeps drafts unpublished', async () => {
    const data = require('../../dist/src/seed/data');
    const published = data.pressNotes.filter((n: any) => n.published).length;
    const seededSlugs = data.pressNotes.map((n: any) => n.slug);
    const live = await app()
      .documents('api::press-note.press-note')
      .findMany({ status: 'published', filters: { slug: { $in: seededSlugs } }, limit: 100 } as any);
    expect(live).toHaveLength(published);
  });

  it('every published press note has its SEO, and the website can build its social card from the API alone', async () => {
    const data = require('../../dist/src/seed/data');
    for (const note of data.pressNotes.filter((n: any) => n.published)) {
      const [found] = (await app().documents('api::press-note.press-note').findMany({ status: 'published', filters: { slug: note.slug }, fields: ['documentId'] } as any)) as any[];
      const locales = [['es-PE', note.seo], ...Object.entries(note.localizations ?? {}).map(([locale, t]: [string, any]) => [locale, t.seo])];
      for (const [locale, seo] of locales) {
        const res = await http().get(`/api/press-notes/${found.documentId}`).query({ locale });
        expect(res.status).toBe(200);
        const { openGraph, twitter, jsonLd } = res.body.meta;
        if (locale === 'es-PE' || seo) {
          expect(seo?.metaTitle).toBeTruthy();
          expect(openGraph['og:title']).toBe(seo.metaTitle);
          expect(openGraph['og:description']).toBe(seo.metaDescription);
        }
        expect(openGraph['og:image']).toMatch(/^https?:\/\/.+\/uploads\//);
        expect(openGraph['og:image:alt']).toBeTruthy();
        expect(twitter['twitter:card']).toBe('summary_large_image');
        expect(jsonLd.headline.length).toBeLessThanOrEqual(110);
      }
    }
  });
});
