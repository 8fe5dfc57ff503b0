// Shapes of the sample data in ./data. Relations are written as natural keys
// (an institution's name, a norm's number, a contact's key) and resolved to
// documentIds by the seeder, so the data files stay readable.

/** Strapi "blocks" rich text. */
export type Blocks = Array<
  | { type: 'paragraph'; children: Array<{ type: 'text'; text: string; bold?: boolean; italic?: boolean }> }
  | { type: 'heading'; level: 2 | 3; children: Array<{ type: 'text'; text: string }> }
  | { type: 'list'; format: 'unordered' | 'ordered'; children: Array<{ type: 'list-item'; children: Array<{ type: 'text'; text: string }> }> }
>;

/** A picture the seeder draws with sharp (nothing is downloaded). */
export interface GeneratedImage {
  /** Base colour, CSS hex, e.g. '#1f6f8b'. */
  color: string;
  /** Short caption drawn on the image. */
  label: string;
}

export interface SeedInstitution {
  name: string;
  acronym?: string;
  sector: 'public' | 'private' | 'civil-society' | 'international' | 'religious' | 'armed-forces' | 'police';
  level: 'national' | 'regional' | 'provincial' | 'district' | 'local' | 'international';
  address?: string;
  institutionalPhone?: string;
  institutionalEmail?: string;
  website?: string;
  internalNotes?: string;
}

export interface SeedPrecedenceRank {
  rank: number;
  officeTitle: string;
  level: 'national' | 'regional' | 'local' | 'international';
  source?: string;
}

export interface SeedContact {
  /** Stable natural key, e.g. 'alcalde-provincial'. */
  key: string;
  treatment: string;
  givenName: string;
  familyName: string;
  position: string;
  /** Institution name, as in institutions.ts. */
  institution: string;
  /** Office title, as in precedence-ranks.ts. */
  precedenceOffice?: string;
  /** Explicit place overriding the office's rank, with its reason. */
  precedenceRank?: number;
  precedenceOverrideReason?: string;
  precedenceSource?: string;
  termStart?: string; // YYYY-MM-DD
  termEnd?: string;
  institutionalPhone?: string;
  institutionalEmail?: string;
  personalPhone?: string;
  personalEmail?: string;
  personalAddress?: string;
  birthday?: string;
  assistant?: { name: string; phone?: string; email?: string };
  consent?: { consentedOn: string; purpose: string; channel: 'written' | 'email' | 'web-form' | 'verbal-recorded' | 'other' };
  lastVerifiedAt?: string; // ISO datetime
  active: boolean;
}

export interface SeedLocalizedText {
  title: string;
  slug: string;
  lead?: string;
  body?: Blocks;
  /** Search and social metadata (localised like the title). */
  seo?: { metaTitle?: string; metaDescription?: string; keywords?: string };
}

export interface SeedPressNote extends SeedLocalizedText {
  category:
    | 'institucional' | 'obras' | 'salud' | 'educacion' | 'cultura' | 'turismo' | 'seguridad-ciudadana'
    | 'frontera' | 'medio-ambiente' | 'desarrollo-social' | 'transparencia' | 'emergencias';
  tags: string[];
  cover: GeneratedImage;
  published: boolean;
  pressContact?: { name: string; position?: string; phone?: string; email?: string };
  /** Norm numbers, as in norms.ts. */
  relatedNorms?: string[];
  /** Ceremony slugs, as in ceremonies.ts. */
  relatedCeremonies?: string[];
  /** Translations keyed by locale code ('en', 'qu', 'ay'). */
  localizations?: Partial<Record<'en' | 'qu' | 'ay', SeedLocalizedText>>;
}

export interface SeedBroadcastProgram {
  name: string;
  slug: string;
  description?: string;
  medium: 'radio' | 'tv' | 'streaming';
  station: string;
  frequency?: string;
  hosts?: string;
  scheduleSlots: Array<{ day: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday'; start: string; end: string }>; // 'HH:mm:ss.SSS'
  validFrom: string;
  validTo?: string;
  script?: Blocks;
  spots?: Array<{ title: string; durationSeconds?: number }>;
  published: boolean;
}

export interface SeedNorm {
  normType:
    | 'ordenanza' | 'acuerdo-de-concejo' | 'resolucion-de-concejo' | 'decreto-de-alcaldia' | 'resolucion-de-alcaldia'
    | 'resolucion-de-gerencia' | 'ordenanza-regional' | 'acuerdo-de-consejo-regional' | 'ley' | 'decreto-legislativo'
    | 'decreto-supremo' | 'resolucion-ministerial' | 'otra';
  level: 'local' | 'regional' | 'national';
  number: string;
  slug: string;
  title: string;
  sumilla?: string;
  issuedBy: string;
  issuedOn: string;
  legalStatus: 'draft' | 'prepublished' | 'promulgated' | 'in-force' | 'amended' | 'repealed';
  concernsAuthorityPay?: boolean;
  requiresRatification?: boolean;
  ratifiedBy?: string;
  prepublication?: { publishedOn?: string; url?: string; commentPeriodDays?: number; exempted?: boolean; exemptionReason?: string };
  gazettePublication?: { outlet: string; channel: 'el-peruano' | 'diario-judicial' | 'carteles' | 'portal' | 'other'; editionDate: string; gazetteId?: string; page?: string };
  effectiveFrom?: string;
  /** Norm numbers this norm amends / repeals. */
  amends?: string[];
  repeals?: string[];
  published: boolean;
  localizations?: Partial<Record<'en' | 'qu' | 'ay', { title: string; sumilla?: string }>>;
}

export interface SeedCeremony {
  title: string;
  slug: string;
  description?: string;
  kind: 'civic' | 'inauguration' | 'commemoration' | 'swearing-in' | 'official-visit' | 'council-session' | 'religious' | 'cultural' | 'binational' | 'other';
  startsAt: string;
  endsAt?: string;
  venue: string;
  /** Contact key of the host. */
  host?: string;
  invitees: Array<{ contact: string; rsvp: 'invited' | 'confirmed' | 'declined' | 'attended'; note?: string }>;
  programme: Array<{ time?: string; activity: string; responsible?: string }>;
  isPublic: boolean;
  /** Municipal body names, as in municipal-bodies.ts. */
  bodiesToNotify: string[];
  published: boolean;
}

export interface SeedMunicipalBody {
  name: string;
  acronym?: string;
  email: string;
  /** What the body follows for circulars and bulletins (config/plugins.ts → dissemination.subjects). */
  subjects?: string[];
}

export interface SeedTransparencyPage {
  pteSection:
    | 'datos-generales' | 'planeamiento-y-organizacion' | 'informacion-presupuestal' | 'proyectos-de-inversion'
    | 'participacion-ciudadana' | 'informacion-de-personal' | 'contrataciones' | 'actividades-oficiales'
    | 'acceso-a-la-informacion' | 'registro-de-visitas' | 'informacion-adicional' | 'informacion-focalizada';
  title: string;
  slug: string;
  body: Blocks;
  period: 'monthly' | 'quarterly' | 'annual' | 'on-change';
  lastUpdatedOn: string;
  responsible: string;
  published: boolean;
}

export interface SeedArchiveItem {
  kind: 'photo';
  title: string;
  description?: string;
  image: GeneratedImage;
  capturedAt?: string;
  place?: string;
  /** Ceremony slug. */
  ceremony?: string;
  credit?: string;
  rights: 'own' | 'ceded' | 'cc-by' | 'cc-by-sa' | 'cc0' | 'public-domain' | 'all-rights-reserved';
  tags: string[];
  isPublic: boolean;
}
