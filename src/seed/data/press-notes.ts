import type { SeedPressNote } from '../types';

// Press notes of the Gerencia de Comunicaciones e Imagen Institucional.
// relatedNorms are norm numbers (norms.ts); relatedCeremonies are ceremony
// slugs (ceremonies.ts).

const PRENSA = {
  name: 'Oficina de Prensa',
  position: 'Gerencia de Comunicaciones e Imagen Institucional',
  phone: '+51 52 421 320',
  email: 'prensa@munisantarosafrontera.gob.pe',
};

export const pressNotes: SeedPressNote[] = [
  {
    title: 'Alcalde entrega 2,4 km de pistas y veredas en el barrio Nueva Esperanza',
    slug: 'alcalde-entrega-pistas-y-veredas-en-barrio-nueva-esperanza',
    lead:
      'Más de 3 200 vecinos del barrio Nueva Esperanza cuentan desde hoy con pistas de concreto, veredas accesibles y nuevas áreas verdes, obra ejecutada por administración directa con una inversión de S/ 4,8 millones.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'El alcalde provincial, Javier Arturo Condori Ríos, inauguró la obra ' },
          { type: 'text', text: '«Mejoramiento de la transitabilidad vehicular y peatonal del barrio Nueva Esperanza»', italic: true },
          { type: 'text', text: ', que comprende 2,4 kilómetros de pistas, 4,1 kilómetros de veredas, rampas para personas con discapacidad y señalización horizontal.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Durante la ceremonia, la junta vecinal agradeció que la obra se culminara antes de la temporada de lluvias, lo que evitará el barro y los charcos que cada año dificultaban el paso de escolares y adultos mayores.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La Gerencia de Infraestructura informó que la obra cuenta con un periodo de garantía y que el mantenimiento de las áreas verdes estará a cargo de la Subgerencia de Parques y Jardines.' },
        ],
      },
    ],
    category: 'obras',
    tags: ['obras', 'pistas', 'veredas', 'nueva esperanza'],
    seo: {
      metaTitle: 'Nueva Esperanza estrena 2,4 km de pistas y veredas',
      metaDescription: 'Más de 3 200 vecinos del barrio Nueva Esperanza cuentan con pistas de concreto, veredas accesibles y áreas verdes: una inversión de S/ 4,8 millones.',
      keywords: 'obras, pistas, veredas, Nueva Esperanza, Santa Rosa de la Frontera',
    },
    cover: { color: '#1f6f8b', label: 'Pistas Nueva Esperanza' },
    published: true,
    pressContact: PRENSA,
    relatedCeremonies: ['inauguracion-pistas-veredas-barrio-nueva-esperanza'],
    localizations: {
      en: {
        title: 'Mayor opens 2.4 km of new roads and pavements in the Nueva Esperanza neighbourhood',
        slug: 'mayor-opens-new-roads-and-pavements-in-nueva-esperanza',
        lead:
          'Over 3,200 residents of Nueva Esperanza now have concrete roads, accessible pavements and new green areas, built directly by the municipality with an investment of PEN 4.8 million.',
        seo: {
          metaTitle: 'Nueva Esperanza opens 2.4 km of new roads and pavements',
          metaDescription: 'Over 3,200 residents now have concrete roads, accessible pavements and green areas: a PEN 4.8 million investment by the municipality.',
          keywords: 'public works, roads, Nueva Esperanza',
        },
      },
    },
  },
  {
    title: 'Multitudinaria Procesión de la Bandera celebró el 97.° aniversario de la reincorporación de Tacna al Perú',
    slug: 'procesion-de-la-bandera-celebro-97-aniversario-reincorporacion-tacna',
    lead:
      'Delegaciones escolares, comunidades aymaras, instituciones y vecinos acompañaron el recorrido de la Bandera Nacional por las calles de Santa Rosa de la Frontera en una jornada de profundo civismo.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Como cada 28 de agosto, la provincia rindió homenaje a la Bandera y a los tacneños que mantuvieron viva la peruanidad durante cincuenta años de cautiverio. La ceremonia se inició con el izamiento del Pabellón Nacional en la Plaza de Armas.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Más de cuarenta delegaciones participaron en el recorrido, entre ellas las de las comunidades aymaras de Villa Tarucani, que desfilaron con sus trajes típicos y la wiphala junto a la bandera bicolor.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '«La Bandera nos une en la frontera; es el símbolo de lo que nuestros abuelos defendieron», expresó el alcalde provincial durante su mensaje.' },
        ],
      },
    ],
    category: 'cultura',
    tags: ['día de la bandera', 'civismo', 'tacna', 'procesión'],
    seo: {
      metaTitle: 'Procesión de la Bandera por el 97.° aniversario de Tacna peruana',
      metaDescription: 'Escolares, comunidades aymaras, instituciones y vecinos acompañaron a la Bandera Nacional por las calles de Santa Rosa de la Frontera.',
      keywords: 'Procesión de la Bandera, Tacna, civismo, 28 de agosto',
    },
    cover: { color: '#c8102e', label: 'Procesión de la Bandera' },
    published: true,
    pressContact: PRENSA,
    relatedCeremonies: ['procesion-de-la-bandera-2026'],
  },
  {
    title: 'Municipalidad distribuye agua en cisternas a comunidades altoandinas afectadas por la sequía',
    slug: 'municipalidad-distribuye-agua-en-cisternas-a-comunidades-altoandinas',
    lead:
      'Ante el déficit hídrico declarado en la zona altoandina, la Subgerencia de Defensa Civil abastece con camiones cisterna a 14 comunidades de Villa Tarucani y Pampa Collana, con un promedio de 60 000 litros diarios.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La falta de lluvias en los últimos meses ha reducido el caudal de los bofedales y manantiales que abastecen a las familias y al ganado de camélidos sudamericanos. Por ello, la municipalidad activó su plan de atención con tres camiones cisterna.' },
        ],
      },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Comunidades atendidas' }] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Sector Chiluyo y anexos: lunes, miércoles y viernes.' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Sector Ancocollo y Umapalca: martes y jueves.' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Centros poblados de Pampa Collana: sábados.' }] },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Se recomienda almacenar el agua en recipientes limpios y tapados, y hervirla antes de consumirla.', bold: true },
        ],
      },
    ],
    category: 'emergencias',
    tags: ['sequía', 'agua', 'defensa civil', 'comunidades'],
    seo: {
      metaTitle: 'Agua en cisternas para 14 comunidades altoandinas ante la sequía',
      metaDescription: 'Defensa Civil abastece a Villa Tarucani y Pampa Collana con 60 000 litros diarios de agua en camiones cisterna durante el déficit hídrico.',
      keywords: 'sequía, agua, cisternas, Defensa Civil, zona altoandina',
    },
    cover: { color: '#3a86c8', label: 'Agua para el ande' },
    published: true,
    pressContact: PRENSA,
    localizations: {
      qu: {
        title: 'Municipalidadmi yakuta apachin sallqa ayllukunaman',
        slug: 'municipalidadmi-yakuta-apachin-ayllukunaman',
        lead: 'Ch’aki pacha kasqanrayku, municipalidadmi cisternakunapi yakuta apachin sallqa ayllukunaman.',
      },
    },
  },
  {
    title: 'Comunidades aymaras celebraron el Willkakuti, Año Nuevo Andino Amazónico 5534',
    slug: 'comunidades-aymaras-celebraron-willkakuti-ano-nuevo-andino-5534',
    lead:
      'Al amanecer del 21 de junio, las comunidades aymaras de la provincia recibieron los primeros rayos del sol con ofrendas a la Pachamama, en una ceremonia acompañada por autoridades municipales.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La ceremonia, organizada por la Central de Comunidades Aymaras con apoyo de la municipalidad, se realizó en el mirador de Villa Tarucani, donde los sabios andinos ofrecieron una mesa ritual en agradecimiento por el nuevo ciclo agrícola.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La Gerencia de Desarrollo Social destacó que la celebración forma parte del calendario festivo provincial y del compromiso de la gestión con la revaloración de la lengua y la cultura aymara.' },
        ],
      },
    ],
    category: 'cultura',
    tags: ['aymara', 'willkakuti', 'año nuevo andino', 'cultura viva'],
    seo: {
      metaTitle: 'Willkakuti 5534: comunidades aymaras celebran el Año Nuevo Andino',
      metaDescription: 'Al amanecer del 21 de junio, ofrendas a la Pachamama y los primeros rayos del sol en el mirador de Villa Tarucani, con las autoridades municipales.',
      keywords: 'Willkakuti, Año Nuevo Andino, aymara, cultura viva',
    },
    cover: { color: '#e0a526', label: 'Willkakuti 5534' },
    published: true,
    localizations: {
      ay: {
        title: 'Jallalla Machaq Mara 5534: Willkakuti',
        slug: 'jallalla-machaq-mara-5534-willkakuti',
      },
    },
  },
  {
    title: 'XII Feria Binacional de Integración Perú-Chile-Bolivia se realizará el 13 de diciembre',
    slug: 'xii-feria-binacional-de-integracion-se-realizara-el-13-de-diciembre',
    lead:
      'Más de 180 productores, artesanos y emprendedores de los tres países participarán en la feria, declarada de interés regional por el Gobierno Regional de Tacna, en la explanada del Terminal Terrestre Internacional.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La feria contará con muestra gastronómica, artesanía textil en fibra de alpaca, productos agroindustriales de los valles de Tacna y de la región de Arica y Parinacota, así como una rueda de negocios organizada con la Cámara de Comercio y Producción.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Los consulados generales de Chile y de Bolivia en Tacna confirmaron su participación en la ceremonia de inauguración, prevista para las 10:00 horas.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La Gerencia de Seguridad Ciudadana y la Policía Nacional dispondrán un plan de tránsito en el entorno del terminal y del complejo fronterizo.' },
        ],
      },
    ],
    category: 'frontera',
    tags: ['feria binacional', 'integración', 'chile', 'bolivia', 'emprendimiento'],
    cover: { color: '#2a9d8f', label: 'XII Feria Binacional' },
    published: true,
    seo: {
      metaTitle: 'XII Feria Binacional de Integración Perú-Chile-Bolivia 2026',
      metaDescription: 'El 13 de diciembre, más de 180 expositores de Perú, Chile y Bolivia en Santa Rosa de la Frontera.',
      keywords: 'feria binacional, Tacna, Santa Rosa de la Frontera, Chile, Bolivia',
    },
    pressContact: PRENSA,
    relatedNorms: ['Ordenanza Regional N° 009-2026-CR/GOB.REG.TACNA'],
    relatedCeremonies: ['inauguracion-xii-feria-binacional-integracion-2026'],
    localizations: {
      en: {
        title: '12th Peru-Chile-Bolivia Binational Integration Fair to be held on 13 December',
        slug: '12th-binational-integration-fair-on-13-december',
        lead:
          'Over 180 producers, craftspeople and entrepreneurs from the three countries will take part in the fair, declared of regional interest by the Regional Government of Tacna, at the International Bus Terminal esplanade.',
        seo: {
          metaTitle: '12th Peru-Chile-Bolivia Binational Integration Fair, 13 December',
          metaDescription: 'Over 180 exhibitors from Peru, Chile and Bolivia in Santa Rosa de la Frontera, at the International Bus Terminal esplanade.',
          keywords: 'binational fair, Tacna, Chile, Bolivia',
        },
      },
    },
  },
  {
    title: 'Entra en vigencia nueva ordenanza que ordena el comercio en la vía pública y la Feria Binacional dominical',
    slug: 'entra-en-vigencia-ordenanza-comercio-via-publica-feria-dominical',
    lead:
      'La Ordenanza Municipal N° 012-2026-MPSRF, publicada el 22 de mayo, establece zonas, horarios y requisitos para el comercio en la vía pública y deroga la norma anterior de 2024.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La norma fue prepublicada en el portal institucional durante treinta días, periodo en el que se recibieron 47 aportes de asociaciones de comerciantes, juntas vecinales y la Cámara de Comercio y Producción.' },
        ],
      },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Principales cambios' }] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Empadronamiento gratuito de comerciantes de la Feria Binacional dominical.' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Zonas rígidas en el entorno del complejo fronterizo y del terminal terrestre.' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Horario de la feria: domingos de 6:00 a 16:00 horas.' }] },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'El texto íntegro puede consultarse en la sección de normas del portal institucional.' },
        ],
      },
    ],
    category: 'institucional',
    tags: ['ordenanza', 'comercio', 'feria dominical', 'normas'],
    cover: { color: '#5b3e96', label: 'Ordenanza 012-2026' },
    published: true,
    seo: {
      metaTitle: 'Ordenanza N° 012-2026-MPSRF: comercio en la vía pública',
      metaDescription: 'Zonas, horarios y requisitos para el comercio en la vía pública y la Feria Binacional dominical.',
    },
    pressContact: PRENSA,
    relatedNorms: ['Ordenanza Municipal N° 012-2026-MPSRF', 'Ordenanza Municipal N° 021-2024-MPSRF'],
    localizations: {
      en: {
        title: 'New ordinance on street trading and the Sunday Binational Fair comes into force',
        slug: 'new-ordinance-on-street-trading-and-sunday-fair-in-force',
        lead:
          'Municipal Ordinance No. 012-2026-MPSRF, published on 22 May, sets areas, hours and requirements for street trading and repeals the previous 2024 rule.',
        seo: {
          metaTitle: 'Ordinance No. 012-2026-MPSRF on street trading in force',
          metaDescription: 'Areas, hours and requirements for street trading and the Sunday Binational Fair; the 2024 rule is repealed.',
          keywords: 'ordinance, street trading, Sunday fair',
        },
      },
    },
  },
  {
    title: 'Municipalidad prepublica proyecto de ordenanza sobre ferias navideñas y recibe aportes hasta el 6 de diciembre',
    slug: 'municipalidad-prepublica-proyecto-de-ordenanza-sobre-ferias-navidenas',
    lead:
      'Vecinos, comerciantes e instituciones pueden enviar sus comentarios al proyecto que modifica la Ordenanza Municipal N° 012-2026-MPSRF para incorporar reglas sobre ferias navideñas y de fin de año.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'El proyecto propone zonas autorizadas, aforos máximos, medidas de seguridad coordinadas con Defensa Civil y la prohibición de venta de pirotécnicos no autorizados.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Los aportes se reciben a través del formulario del portal institucional y en la mesa de partes de la Secretaría General, en el horario de atención habitual.' },
        ],
      },
    ],
    category: 'transparencia',
    tags: ['prepublicación', 'participación ciudadana', 'ferias navideñas'],
    seo: {
      metaTitle: 'Proyecto de ordenanza sobre ferias navideñas: aportes hasta el 6/12',
      metaDescription: 'Vecinos, comerciantes e instituciones pueden comentar el proyecto que modifica la Ordenanza N° 012-2026-MPSRF para las ferias de fin de año.',
      keywords: 'prepublicación, ordenanza, ferias navideñas, participación ciudadana',
    },
    cover: { color: '#8d5a97', label: 'Proyecto de ordenanza' },
    published: true,
    pressContact: PRENSA,
    relatedNorms: ['Ordenanza Municipal N° 018-2026-MPSRF'],
  },
  {
    title: 'Campaña de vacunación contra la influenza y el neumococo llega a Villa Tarucani',
    slug: 'campana-de-vacunacion-contra-influenza-y-neumococo-llega-a-villa-tarucani',
    lead:
      'En coordinación con el centro de salud local, la Gerencia de Desarrollo Social trasladó brigadas de vacunación a las comunidades altoandinas, priorizando a niños, gestantes y adultos mayores ante la temporada de heladas.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Las brigadas recorrieron seis comunidades y aplicaron más de 900 dosis. La municipalidad puso a disposición movilidad y un equipo de promotores bilingües castellano-aimara.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Las personas que no pudieron vacunarse pueden acudir al centro de salud de Villa Tarucani, de lunes a sábado, portando su DNI y su carné de vacunación.' },
        ],
      },
    ],
    category: 'salud',
    tags: ['salud', 'vacunación', 'heladas', 'villa tarucani'],
    seo: {
      metaTitle: 'Vacunación contra la influenza y el neumococo en Villa Tarucani',
      metaDescription: 'Brigadas de vacunación llegan a las comunidades altoandinas para proteger a niños, gestantes y adultos mayores ante la temporada de heladas.',
      keywords: 'vacunación, influenza, neumococo, heladas, salud',
    },
    cover: { color: '#43aa8b', label: 'Vacunación en el ande' },
    published: true,
    pressContact: PRENSA,
  },
  {
    title: 'Municipalidad, Migraciones y Consulado de Chile coordinan atención en el complejo fronterizo por fiestas de fin de año',
    slug: 'coordinan-atencion-en-complejo-fronterizo-por-fiestas-de-fin-de-ano',
    lead:
      'Autoridades acordaron reforzar la señalización, el orden del tránsito y la orientación a viajeros ante el incremento del flujo de visitantes chilenos durante diciembre y enero.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'En la reunión se revisó la proyección de viajeros, la habilitación de módulos de orientación turística y la presencia de serenazgo en el entorno del terminal terrestre internacional.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Nota pendiente de aprobación: se publicará después de la reunión del 2 de diciembre, con los acuerdos firmados.', italic: true },
        ],
      },
    ],
    category: 'frontera',
    tags: ['frontera', 'migraciones', 'chile', 'fin de año'],
    seo: {
      metaTitle: 'Complejo fronterizo: atención coordinada por fiestas de fin de año',
      metaDescription: 'Municipalidad, Migraciones y el Consulado de Chile refuerzan señalización, tránsito y orientación a viajeros en diciembre y enero.',
      keywords: 'frontera, complejo fronterizo, Migraciones, Chile, viajeros',
    },
    cover: { color: '#264653', label: 'Complejo fronterizo' },
    published: false,
    pressContact: PRENSA,
  },
  {
    title: 'Semana Turística 2026 ofrecerá rutas de aventura, gastronomía y festival de danzas',
    slug: 'semana-turistica-2026-rutas-de-aventura-gastronomia-y-danzas',
    lead:
      'Del 20 al 27 de septiembre, la provincia celebrará su Semana Turística con caminatas a los bofedales, visitas a las iglesias coloniales de los pueblos altoandinos, un festival gastronómico y el concurso de danzas autóctonas.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La programación, elaborada con operadores turísticos locales y la Cámara de Comercio y Producción, busca atraer a visitantes de Tacna, Arica y La Paz aprovechando la cercanía de la frontera.' },
        ],
      },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Actividades destacadas' }] },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Ruta de los bofedales y avistamiento de vicuñas.' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Festival gastronómico del picante a la tacneña y el asado de alpaca.' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Concurso de danzas autóctonas aymaras.' }] },
        ],
      },
    ],
    category: 'turismo',
    tags: ['turismo', 'semana turística', 'gastronomía', 'danzas'],
    cover: { color: '#f4a261', label: 'Semana Turística 2026' },
    published: true,
    seo: {
      metaTitle: 'Semana Turística 2026 en Santa Rosa de la Frontera',
      metaDescription: 'Del 20 al 27 de septiembre: rutas de aventura, gastronomía y danzas autóctonas en la frontera sur del Perú.',
      keywords: 'turismo, semana turística, Tacna, bofedales, danzas aymaras',
    },
    pressContact: PRENSA,
    localizations: {
      en: {
        title: 'Tourism Week 2026 to offer adventure routes, local food and a dance festival',
        slug: 'tourism-week-2026-adventure-food-and-dance',
        lead:
          'From 20 to 27 September the province celebrates its Tourism Week with hikes to the high-Andean wetlands, visits to colonial churches, a food festival and a traditional dance contest.',
        seo: {
          metaTitle: 'Tourism Week 2026 in Santa Rosa de la Frontera',
          metaDescription: '20-27 September: hikes to the high-Andean wetlands, colonial churches, local food and a traditional dance contest on Peru\'s southern border.',
          keywords: 'tourism, Tourism Week, Tacna, wetlands',
        },
      },
    },
  },
  {
    title: 'Serenazgo y Policía Nacional refuerzan el patrullaje integrado en el centro de la ciudad',
    slug: 'serenazgo-y-policia-nacional-refuerzan-patrullaje-integrado',
    lead:
      'Seis unidades móviles y cuarenta efectivos participan en el patrullaje integrado que se realiza en el cercado, el mercado central y el entorno del terminal terrestre internacional.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La estrategia, aprobada por el Comité Provincial de Seguridad Ciudadana, prioriza los puntos críticos identificados en el mapa del delito y se complementa con el monitoreo de las cámaras de videovigilancia.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Los vecinos pueden reportar incidencias a la central de serenazgo, disponible las 24 horas del día.' },
        ],
      },
    ],
    category: 'seguridad-ciudadana',
    tags: ['seguridad ciudadana', 'serenazgo', 'patrullaje'],
    seo: {
      metaTitle: 'Serenazgo y PNP refuerzan el patrullaje integrado en el centro',
      metaDescription: 'Seis unidades móviles y cuarenta efectivos patrullan el cercado, el mercado central y el entorno del terminal terrestre internacional.',
      keywords: 'seguridad ciudadana, serenazgo, Policía Nacional, patrullaje',
    },
    cover: { color: '#1d3557', label: 'Patrullaje integrado' },
    published: true,
    pressContact: PRENSA,
  },
  {
    title: 'Más de 5 000 personas participaron en el Simulacro Nacional Multipeligro',
    slug: 'mas-de-5000-personas-participaron-en-simulacro-nacional-multipeligro',
    lead:
      'Instituciones educativas, mercados, entidades públicas y vecinos de la provincia evacuaron hacia zonas seguras durante el simulacro ante sismo, en una jornada coordinada por la Subgerencia de Defensa Civil.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'El tiempo promedio de evacuación fue de tres minutos. Los brigadistas municipales evaluaron las rutas de evacuación y la señalización de los principales locales públicos.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Defensa Civil recordó a las familias preparar su mochila de emergencia con agua, alimentos no perecibles, linterna, radio a pilas, botiquín y copias de sus documentos.' },
        ],
      },
    ],
    category: 'emergencias',
    tags: ['defensa civil', 'simulacro', 'sismo', 'prevención'],
    seo: {
      metaTitle: 'Más de 5 000 personas en el Simulacro Nacional Multipeligro',
      metaDescription: 'Colegios, mercados, entidades públicas y vecinos evacuaron a zonas seguras en el simulacro ante sismo coordinado por Defensa Civil.',
      keywords: 'simulacro, sismo, Defensa Civil, gestión del riesgo',
    },
    cover: { color: '#e76f51', label: 'Simulacro multipeligro' },
    published: true,
    pressContact: PRENSA,
  },
  {
    title: 'Municipalidad presenta el Plan de Contingencia ante Lluvias Intensas 2026-2027',
    slug: 'municipalidad-presenta-plan-de-contingencia-ante-lluvias-intensas',
    lead:
      'El plan identifica las quebradas y zonas con mayor riesgo de huaicos, establece la ubicación de almacenes de ayuda humanitaria y fija los protocolos de alerta temprana para la temporada de lluvias.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La Subgerencia de Defensa Civil precisó que el plan será aprobado por resolución de alcaldía y socializado con las juntas vecinales y las comunidades campesinas.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Borrador: esperar la firma de la resolución antes de difundir la nota.', italic: true },
        ],
      },
    ],
    category: 'emergencias',
    tags: ['lluvias', 'huaicos', 'defensa civil', 'plan de contingencia'],
    seo: {
      metaTitle: 'Plan de Contingencia ante Lluvias Intensas 2026-2027',
      metaDescription: 'Quebradas con riesgo de huaicos, almacenes de ayuda humanitaria y protocolos de alerta temprana para la temporada de lluvias.',
      keywords: 'lluvias, huaicos, plan de contingencia, alerta temprana',
    },
    cover: { color: '#457b9d', label: 'Plan ante lluvias' },
    published: false,
    pressContact: PRENSA,
  },
  {
    title: 'Vecinos y escolares plantan 3 000 queñuas en la cabecera de cuenca',
    slug: 'vecinos-y-escolares-plantan-3000-quenuas-en-cabecera-de-cuenca',
    lead:
      'La jornada de forestación con especies nativas busca proteger los bofedales y recuperar la capacidad de retención de agua de la cabecera de cuenca que abastece a la ciudad.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Participaron estudiantes de cinco instituciones educativas, voluntarios de la Universidad Nacional Jorge Basadre Grohmann y comuneros de Villa Tarucani, quienes se comprometieron a cuidar los plantones durante el primer año.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La queñua es un árbol nativo de las alturas que protege el suelo de la erosión y favorece la infiltración del agua de lluvia.' },
        ],
      },
    ],
    category: 'medio-ambiente',
    tags: ['medio ambiente', 'forestación', 'queñua', 'agua'],
    seo: {
      metaTitle: '3 000 queñuas para proteger la cabecera de cuenca',
      metaDescription: 'Vecinos y escolares forestan con especies nativas para proteger los bofedales y el agua que abastece a la ciudad.',
      keywords: 'medio ambiente, queñuas, forestación, bofedales, agua',
    },
    cover: { color: '#588157', label: 'Queñuas para la cuenca' },
    published: true,
  },
  {
    title: 'Programa del Vaso de Leche amplía su atención a 420 nuevos beneficiarios',
    slug: 'programa-del-vaso-de-leche-amplia-su-atencion-a-420-nuevos-beneficiarios',
    lead:
      'Tras la actualización del padrón, el programa atiende ahora a 6 180 niños, gestantes, madres lactantes y adultos mayores en situación de vulnerabilidad de la provincia.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La Gerencia de Desarrollo Social informó que la ampliación prioriza a los centros poblados de la zona altoandina, donde se registran los mayores índices de anemia infantil.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Los comités del Vaso de Leche recibirán una capacitación sobre manipulación de alimentos y rendición de cuentas de los insumos distribuidos.' },
        ],
      },
    ],
    category: 'desarrollo-social',
    tags: ['vaso de leche', 'programas sociales', 'anemia'],
    seo: {
      metaTitle: 'Vaso de Leche suma 420 nuevos beneficiarios',
      metaDescription: 'Con el padrón actualizado, el programa atiende a 6 180 niños, gestantes, madres lactantes y adultos mayores en situación de vulnerabilidad.',
      keywords: 'Vaso de Leche, programas sociales, desarrollo social',
    },
    cover: { color: '#a8dadc', label: 'Vaso de Leche' },
    published: true,
    pressContact: PRENSA,
  },
  {
    title: 'Alcalde rinde cuentas de la gestión en audiencia pública descentralizada en Pampa Collana',
    slug: 'alcalde-rinde-cuentas-en-audiencia-publica-descentralizada-en-pampa-collana',
    lead:
      'En la segunda audiencia pública del año, el alcalde provincial informó sobre la ejecución presupuestal, las obras en marcha y los avances del presupuesto participativo, y respondió las preguntas de los asistentes.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Al cierre del tercer trimestre, la municipalidad alcanzó una ejecución del 68 % de su presupuesto de inversiones. Las cifras presentadas están disponibles en el Portal de Transparencia Estándar.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Los vecinos plantearon consultas sobre el abastecimiento de agua, el mantenimiento de trochas carrozables y la seguridad en el mercado, que fueron absueltas por los gerentes de línea.' },
        ],
      },
    ],
    category: 'transparencia',
    tags: ['rendición de cuentas', 'audiencia pública', 'transparencia'],
    cover: { color: '#6d6875', label: 'Audiencia pública' },
    published: true,
    seo: {
      metaTitle: 'Audiencia pública de rendición de cuentas – MPSRF',
      metaDescription: 'El alcalde provincial informó sobre ejecución presupuestal, obras y presupuesto participativo en Pampa Collana.',
    },
    pressContact: PRENSA,
  },
  {
    title: 'Municipalidad y Universidad Nacional Jorge Basadre Grohmann firman convenio de prácticas preprofesionales',
    slug: 'municipalidad-y-unjbg-firman-convenio-de-practicas-preprofesionales',
    lead:
      'El convenio permitirá que estudiantes de ingeniería, ciencias de la comunicación y ciencias de la salud realicen prácticas en las gerencias municipales y en proyectos de proyección social en la zona de frontera.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'El acuerdo tiene una vigencia de tres años e incluye la elaboración conjunta de estudios sobre recursos hídricos y turismo comunitario en las comunidades aymaras de la provincia.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La primera convocatoria se abrirá en marzo de 2027, al inicio del semestre académico.' },
        ],
      },
    ],
    category: 'educacion',
    tags: ['educación', 'convenio', 'universidad', 'prácticas'],
    seo: {
      metaTitle: 'Convenio con la UNJBG para prácticas preprofesionales',
      metaDescription: 'Estudiantes de ingeniería, comunicación y salud harán prácticas en las gerencias municipales y en proyectos sociales en la frontera.',
      keywords: 'convenio, UNJBG, prácticas preprofesionales, universidad',
    },
    cover: { color: '#003049', label: 'Convenio con la UNJBG' },
    published: true,
    pressContact: PRENSA,
  },
  {
    title: 'Se inicia el proceso de transferencia de gestión municipal 2026-2027',
    slug: 'se-inicia-el-proceso-de-transferencia-de-gestion-municipal-2026-2027',
    lead:
      'La comisión de transferencia de la gestión saliente y el equipo del alcalde electo se instalarán el 5 de diciembre para garantizar la continuidad de los servicios públicos.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La Gerencia Municipal coordina la entrega del informe de rendición de cuentas y transferencia, el inventario de bienes y el estado de las obras en ejecución.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Pendiente: confirmar con la Alcaldía el momento de difusión.', italic: true },
        ],
      },
    ],
    category: 'institucional',
    tags: ['transferencia de gestión', 'alcalde electo', 'institucional'],
    seo: {
      metaTitle: 'Comienza la transferencia de gestión municipal 2026-2027',
      metaDescription: 'La comisión de transferencia y el equipo del alcalde electo se instalan el 5 de diciembre para garantizar la continuidad de los servicios.',
      keywords: 'transferencia de gestión, transparencia, alcalde electo',
    },
    cover: { color: '#b5838d', label: 'Transferencia de gestión' },
    published: false,
  },
  {
    title: 'Feria de salud integral atendió a más de 700 vecinos de Pampa Collana',
    slug: 'feria-de-salud-integral-atendio-a-mas-de-700-vecinos-de-pampa-collana',
    lead:
      'Medicina general, odontología, tamizaje de anemia, despistaje de diabetes e hipertensión y orientación nutricional se ofrecieron de manera gratuita en la plaza principal del distrito.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'La feria fue organizada por la Gerencia de Desarrollo Social con la Municipalidad Distrital de Pampa Collana, la Red de Salud y estudiantes de ciencias de la salud de la universidad.' },
        ],
      },
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Atenciones realizadas' }] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: '312 tamizajes de hemoglobina en niños menores de cinco años.' }] },
          { type: 'list-item', children: [{ type: 'text', text: '185 atenciones odontológicas.' }] },
          { type: 'list-item', children: [{ type: 'text', text: '230 controles de presión arterial y glucosa.' }] },
        ],
      },
    ],
    category: 'salud',
    tags: ['salud', 'anemia', 'pampa collana', 'feria de salud'],
    seo: {
      metaTitle: 'Feria de salud integral atendió a más de 700 vecinos',
      metaDescription: 'Medicina general, odontología, tamizaje de anemia, despistaje de diabetes e hipertensión gratis en la plaza de Pampa Collana.',
      keywords: 'salud, feria de salud, anemia, Pampa Collana',
    },
    cover: { color: '#90be6d', label: 'Feria de salud' },
    published: true,
    pressContact: PRENSA,
  },
  {
    title: 'Inician mantenimiento de la trocha carrozable hacia las comunidades de la zona altoandina',
    slug: 'inician-mantenimiento-de-trocha-carrozable-hacia-comunidades-altoandinas',
    lead:
      'Maquinaria municipal trabaja en 38 kilómetros de la vía que une la capital provincial con las comunidades de Villa Tarucani, con limpieza de cunetas, perfilado y construcción de alcantarillas antes de la temporada de lluvias.',
    body: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Los trabajos se ejecutan con una motoniveladora, un cargador frontal y dos volquetes, y se prevé culminarlos en la segunda quincena de diciembre.' },
        ],
      },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Se recomienda a los conductores transitar con precaución y respetar las indicaciones del personal de obra.' },
        ],
      },
    ],
    category: 'obras',
    tags: ['obras', 'vías', 'mantenimiento', 'zona altoandina'],
    seo: {
      metaTitle: 'Mantenimiento de 38 km de trocha hacia Villa Tarucani',
      metaDescription: 'Maquinaria municipal limpia cunetas, perfila la vía y construye alcantarillas antes de la temporada de lluvias.',
      keywords: 'obras, trocha carrozable, mantenimiento vial, zona altoandina',
    },
    cover: { color: '#9c6644', label: 'Trocha altoandina' },
    published: false,
    pressContact: PRENSA,
  },
];
