import type { SeedNorm } from '../types';

// Norms catalogue. Local and regional norms are fictional; the two national
// norms are real, but their gazette IDs and pages were not checked, so they
// carry only the outlet and edition date.
// MPSRF is outside Lima: municipal norms go to the newspaper that carries the
// judicial notices of the jurisdiction ('diario-judicial') and to the portal.

const DIARIO_JUDICIAL = 'Diario Frontera Sur (avisos judiciales)';

export const norms: SeedNorm[] = [
  {
    normType: 'ley',
    level: 'national',
    number: 'Ley N° 27972',
    slug: 'ley-n-27972',
    title: 'Ley Orgánica de Municipalidades',
    sumilla:
      'Establece las normas sobre la creación, origen, naturaleza, autonomía, organización, finalidad, tipos, competencias, clasificación y régimen económico de las municipalidades, así como la relación entre ellas y con las demás organizaciones del Estado. Sus artículos 39 a 44 regulan las normas municipales y su publicación.',
    issuedBy: 'Congreso de la República',
    issuedOn: '2003-05-26',
    legalStatus: 'in-force',
    gazettePublication: { outlet: 'Diario Oficial El Peruano', channel: 'el-peruano', editionDate: '2003-05-27' },
    effectiveFrom: '2003-05-28',
    published: true,
    localizations: {
      en: {
        title: 'Organic Law of Municipalities',
        sumilla:
          'Sets the rules on the creation, nature, autonomy, organisation, purpose, types, powers and financial regime of Peruvian municipalities. Articles 39 to 44 govern municipal norms and their publication.',
      },
    },
  },
  {
    normType: 'decreto-supremo',
    level: 'national',
    number: 'Decreto Supremo N° 021-2019-JUS',
    slug: 'decreto-supremo-n-021-2019-jus',
    title: 'Decreto Supremo que aprueba el Texto Único Ordenado de la Ley N° 27806, Ley de Transparencia y Acceso a la Información Pública',
    sumilla:
      'Aprueba el TUO de la Ley de Transparencia y Acceso a la Información Pública, que obliga a las entidades públicas a difundir información a través de sus portales de transparencia y a atender las solicitudes de acceso a la información.',
    issuedBy: 'Poder Ejecutivo – Ministerio de Justicia y Derechos Humanos',
    issuedOn: '2019-12-10',
    legalStatus: 'in-force',
    gazettePublication: { outlet: 'Diario Oficial El Peruano', channel: 'el-peruano', editionDate: '2019-12-11' },
    effectiveFrom: '2019-12-12',
    published: true,
  },
  {
    normType: 'ordenanza-regional',
    level: 'regional',
    number: 'Ordenanza Regional N° 009-2026-CR/GOB.REG.TACNA',
    slug: 'ordenanza-regional-n-009-2026-cr-gob-reg-tacna',
    title: 'Ordenanza Regional que declara de interés regional la Feria Binacional de Integración Perú-Chile-Bolivia de Santa Rosa de la Frontera',
    sumilla:
      'Declara de interés regional la Feria Binacional de Integración que se realiza anualmente en la provincia de Santa Rosa de la Frontera y encarga a la Gerencia Regional de Desarrollo Económico brindar asistencia técnica a los productores participantes.',
    issuedBy: 'Consejo Regional de Tacna',
    issuedOn: '2026-06-18',
    legalStatus: 'in-force',
    gazettePublication: {
      outlet: 'Diario Oficial El Peruano',
      channel: 'el-peruano',
      editionDate: '2026-06-27',
      gazetteId: '2471093-1',
      page: '45',
    },
    effectiveFrom: '2026-06-28',
    published: true,
  },
  {
    normType: 'ordenanza',
    level: 'local',
    number: 'Ordenanza Municipal N° 007-2025-MDPC',
    slug: 'ordenanza-municipal-n-007-2025-mdpc',
    title: 'Ordenanza que establece el régimen tributario de los arbitrios municipales de limpieza pública, parques y jardines y serenazgo del distrito de Pampa Collana para el ejercicio 2026',
    sumilla:
      'Aprueba los costos y las tasas de los arbitrios de limpieza pública, parques y jardines y serenazgo para el ejercicio 2026 en el distrito de Pampa Collana, con sus criterios de distribución. Ratificada por la Municipalidad Provincial de Santa Rosa de la Frontera y publicada junto con el acuerdo de ratificación.',
    issuedBy: 'Concejo Municipal de la Municipalidad Distrital de Pampa Collana',
    issuedOn: '2025-11-07',
    legalStatus: 'in-force',
    requiresRatification: true,
    ratifiedBy: 'Acuerdo de Concejo N° 061-2025-MPSRF',
    gazettePublication: {
      outlet: DIARIO_JUDICIAL,
      channel: 'diario-judicial',
      editionDate: '2025-12-18',
      gazetteId: '2418876-1',
      page: 'B-6',
    },
    effectiveFrom: '2025-12-19',
    published: true,
  },
  {
    normType: 'ordenanza',
    level: 'local',
    number: 'Ordenanza Municipal N° 021-2024-MPSRF',
    slug: 'ordenanza-municipal-n-021-2024-mpsrf',
    title: 'Ordenanza que regula el comercio en la vía pública en el cercado de Santa Rosa de la Frontera',
    sumilla:
      'Regulaba las autorizaciones para el comercio en la vía pública en el cercado de la ciudad. Fue derogada por la Ordenanza Municipal N° 012-2026-MPSRF.',
    issuedBy: 'Concejo Municipal Provincial de Santa Rosa de la Frontera',
    issuedOn: '2024-09-12',
    legalStatus: 'repealed',
    gazettePublication: {
      outlet: DIARIO_JUDICIAL,
      channel: 'diario-judicial',
      editionDate: '2024-09-20',
      gazetteId: '2329415-1',
      page: 'A-9',
    },
    effectiveFrom: '2024-09-21',
    published: true,
  },
  {
    normType: 'ordenanza',
    level: 'local',
    number: 'Ordenanza Municipal N° 012-2026-MPSRF',
    slug: 'ordenanza-municipal-n-012-2026-mpsrf',
    title: 'Ordenanza que regula el comercio en la vía pública y el funcionamiento de la Feria Binacional dominical en la provincia de Santa Rosa de la Frontera',
    sumilla:
      'Establece los requisitos, zonas y horarios para el comercio en la vía pública, ordena la Feria Binacional dominical en el entorno del terminal terrestre internacional y fija las infracciones y sanciones aplicables. Deroga la Ordenanza Municipal N° 021-2024-MPSRF.',
    issuedBy: 'Concejo Municipal Provincial de Santa Rosa de la Frontera',
    issuedOn: '2026-05-14',
    legalStatus: 'in-force',
    prepublication: {
      publishedOn: '2026-03-30',
      url: 'https://www.munisantarosafrontera.gob.pe/prepublicaciones/comercio-via-publica-feria-binacional',
      commentPeriodDays: 30,
      exempted: false,
    },
    gazettePublication: {
      outlet: DIARIO_JUDICIAL,
      channel: 'diario-judicial',
      editionDate: '2026-05-22',
      gazetteId: '2452310-1',
      page: 'A-7',
    },
    effectiveFrom: '2026-05-23',
    repeals: ['Ordenanza Municipal N° 021-2024-MPSRF'],
    published: true,
    localizations: {
      en: {
        title: 'Ordinance regulating street trading and the Sunday Binational Fair in the province of Santa Rosa de la Frontera',
        sumilla:
          'Sets the requirements, areas and hours for street trading, organises the Sunday Binational Fair around the international bus terminal and lays down offences and penalties. Repeals Municipal Ordinance No. 021-2024-MPSRF.',
      },
    },
  },
  {
    normType: 'ordenanza',
    level: 'local',
    number: 'Ordenanza Municipal N° 018-2026-MPSRF',
    slug: 'ordenanza-municipal-n-018-2026-mpsrf',
    title: 'Proyecto de Ordenanza que modifica la Ordenanza Municipal N° 012-2026-MPSRF para incorporar el régimen de ferias navideñas y de fin de año',
    sumilla:
      'Proyecto prepublicado para recibir comentarios de la ciudadanía: incorpora un capítulo sobre ferias navideñas y de fin de año, con zonas, aforos y medidas de seguridad coordinadas con Defensa Civil y la Policía Nacional.',
    issuedBy: 'Concejo Municipal Provincial de Santa Rosa de la Frontera',
    issuedOn: '2026-11-06',
    legalStatus: 'prepublished',
    prepublication: {
      publishedOn: '2026-11-06',
      url: 'https://www.munisantarosafrontera.gob.pe/prepublicaciones/ferias-navidenas-2026',
      commentPeriodDays: 30,
      exempted: false,
    },
    amends: ['Ordenanza Municipal N° 012-2026-MPSRF'],
    published: true,
  },
  {
    normType: 'acuerdo-de-concejo',
    level: 'local',
    number: 'Acuerdo de Concejo N° 003-2026-MPSRF',
    slug: 'acuerdo-de-concejo-n-003-2026-mpsrf',
    title: 'Acuerdo de Concejo que fija la remuneración mensual del alcalde y las dietas de los regidores para el ejercicio 2026',
    sumilla:
      'Fija la remuneración mensual del alcalde provincial y las dietas de los regidores para el ejercicio 2026, dentro de los topes establecidos por el Decreto Supremo N° 025-2007-PCM y según la población electoral de la provincia.',
    issuedBy: 'Concejo Municipal Provincial de Santa Rosa de la Frontera',
    issuedOn: '2026-01-15',
    legalStatus: 'in-force',
    concernsAuthorityPay: true,
    gazettePublication: {
      outlet: DIARIO_JUDICIAL,
      channel: 'diario-judicial',
      editionDate: '2026-01-21',
      gazetteId: '2434118-1',
      page: 'A-10',
    },
    effectiveFrom: '2026-01-22',
    published: true,
  },
  {
    normType: 'decreto-de-alcaldia',
    level: 'local',
    number: 'Decreto de Alcaldía N° 009-2026-MPSRF',
    slug: 'decreto-de-alcaldia-n-009-2026-mpsrf',
    title: 'Decreto de Alcaldía que aprueba el Reglamento de la Ordenanza Municipal N° 012-2026-MPSRF, que regula el comercio en la vía pública y la Feria Binacional dominical',
    sumilla:
      'Aprueba el reglamento con los procedimientos de empadronamiento de comerciantes, la asignación de módulos en la Feria Binacional dominical y el cuadro de fiscalización. Firmado; pendiente de publicación en el diario de avisos judiciales.',
    issuedBy: 'Alcaldía de la Municipalidad Provincial de Santa Rosa de la Frontera',
    issuedOn: '2026-11-24',
    legalStatus: 'promulgated',
    published: true,
  },
  {
    normType: 'resolucion-de-alcaldia',
    level: 'local',
    number: 'Resolución de Alcaldía N° 0412-2026-MPSRF',
    slug: 'resolucion-de-alcaldia-n-0412-2026-mpsrf',
    title: 'Resolución de Alcaldía que aprueba el Plan de Contingencia ante Lluvias Intensas 2026-2027',
    sumilla:
      'Aprueba el plan de contingencia provincial ante lluvias intensas, huaicos y desbordes para la temporada diciembre 2026 – marzo 2027, a cargo de la Subgerencia de Defensa Civil. Borrador en revisión por la Oficina de Asesoría Jurídica.',
    issuedBy: 'Alcaldía de la Municipalidad Provincial de Santa Rosa de la Frontera',
    issuedOn: '2026-11-25',
    legalStatus: 'draft',
    published: false,
  },
];
