// Minimal valid documents of each content type, for tests that need one.
import crypto from 'crypto';
import { app } from './app';
import { approveAndPublish, isGated } from './approval';

export const suffix = () => crypto.randomBytes(3).toString('hex');

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

export const fixtures = {
  institution: () => ({ name: `Institución de prueba ${suffix()}`, sector: 'public', level: 'regional' }),
  municipalBody: () => ({ name: `Órgano de prueba ${suffix()}`, email: `organo-${suffix()}@municipalidad.test` }),
  contact: (institution?: string) => ({
    treatment: 'Señora Regidora',
    givenName: 'Rosa',
    familyName: `Mamani ${suffix()}`,
    position: 'Regidora',
    institution,
    institutionalEmail: 'regidora@municipalidad.test',
    personalPhone: '+51 952 111 222',
    personalEmail: 'rosa.personal@example.com',
    personalAddress: 'Jr. Los Pinos 123',
    birthday: '1980-05-14',
    consent: { consentedOn: '2026-01-10', purpose: 'Directorio protocolar', channel: 'written' },
    active: true,
  }),
  pressNote: () => {
    const s = suffix();
    return { title: `Nota de prensa ${s}`, slug: `nota-de-prensa-${s}`, lead: 'Entradilla.', body: paragraph('Cuerpo.'), category: 'institucional', tags: ['prueba'] };
  },
  broadcastProgram: () => {
    const s = suffix();
    return {
      name: `Programa ${s}`,
      slug: `programa-${s}`,
      medium: 'radio',
      station: 'Radio Frontera 98.5 FM',
      validFrom: '2026-01-01',
      scheduleSlots: [{ day: 'monday', start: '07:00:00.000', end: '08:00:00.000' }],
    };
  },
  norm: () => {
    const s = suffix();
    return {
      normType: 'ordenanza',
      level: 'local',
      number: `Ordenanza N° ${s}-2026-MPSRF`,
      slug: `ordenanza-${s}-2026-mpsrf`,
      title: `Ordenanza de prueba ${s}`,
      issuedBy: 'Concejo Municipal',
      issuedOn: '2026-03-01',
      legalStatus: 'promulgated',
    };
  },
  ceremony: (isPublic: boolean) => {
    const s = suffix();
    return { title: `Ceremonia ${s}`, slug: `ceremonia-${s}`, kind: 'civic', startsAt: '2026-12-10T15:00:00.000Z', venue: 'Plaza de Armas', isPublic };
  },
  transparencyPage: () => {
    const s = suffix();
    return {
      pteSection: 'datos-generales',
      title: `Datos generales ${s}`,
      slug: `datos-generales-${s}`,
      body: paragraph('Contenido.'),
      period: 'annual',
      lastUpdatedOn: '2026-01-15',
      responsible: 'Secretaría General',
    };
  },
};

/** An uploaded image (through the upload plugin and sharp), for media fields. */
export async function uploadTestImage(color = '#2a6f97') {
  const { uploadGeneratedImage } = require('../../dist/src/seed/images');
  // A distinct label makes distinct bytes: the media archive refuses the same file twice.
  return uploadGeneratedImage(app(), { color, label: `Prueba ${suffix()}` }, `prueba-${suffix()}`, 'Imagen de prueba') as Promise<{ id: number }>;
}

/** A published document made through the document service (gated types through the approval workflow). */
export async function publishedDocument(uid: string, data: object, locale?: string) {
  const documents = app().documents(uid as any);
  const created = await documents.create({ data, locale } as any);
  const hasDraftAndPublish = Boolean((app().contentTypes as any)[uid].options?.draftAndPublish);
  if (hasDraftAndPublish) await publishDraft(uid, created.documentId, locale);
  return created;
}

/**
 * Publishes a draft the way its type allows: gated types through the approval workflow.
 * Like the document service's publish, a locale without a draft publishes nothing.
 */
export async function publishDraft(uid: string, documentId: string, locale?: string) {
  const documents = app().documents(uid as any);
  if (!isGated(uid)) await documents.publish({ documentId, locale } as any);
  else if (await documents.findOne({ documentId, locale, status: 'draft' } as any)) await approveAndPublish(uid, documentId, locale);
}
