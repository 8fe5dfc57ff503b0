import type { SeedBroadcastProgram } from '../types';

// Radio, TV and streaming programming of the municipality. Stations are
// fictional. Times are local (America/Lima), 'HH:mm:ss.SSS'.

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

export const broadcastPrograms: SeedBroadcastProgram[] = [
  {
    name: 'Santa Rosa Informa',
    slug: 'santa-rosa-informa',
    description:
      'Noticiero municipal matinal: obras, servicios, convocatorias y avisos de Defensa Civil, con entrevistas a gerentes y dirigentes vecinales.',
    medium: 'radio',
    station: 'Radio Frontera Sur',
    frequency: '98.5 FM',
    hosts: 'Equipo de prensa de la Gerencia de Comunicaciones e Imagen Institucional',
    scheduleSlots: WEEKDAYS.map((day) => ({ day, start: '07:00:00.000', end: '07:30:00.000' })),
    validFrom: '2026-01-05',
    validTo: '2026-12-31',
    script: [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Estructura del programa' }] },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'Cortina musical y saludo (1 min).' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Titulares del día (4 min).' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Entrevista con un funcionario o dirigente (15 min).' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Avisos de servicio y cierre (10 min).' }] },
        ],
      },
    ],
    spots: [
      { title: 'Paga tus arbitrios a tiempo y obtén descuentos', durationSeconds: 30 },
      { title: 'Mochila de emergencia: prepárate para la temporada de lluvias', durationSeconds: 45 },
    ],
    published: true,
  },
  {
    name: 'Municipio en Acción',
    slug: 'municipio-en-accion',
    description:
      'Magacín televisivo semanal con reportajes sobre las obras, los programas sociales y la vida cultural de la provincia.',
    medium: 'tv',
    station: 'Frontera TV – Canal 5',
    frequency: 'Canal 5 (señal abierta)',
    hosts: 'Verónica Flores Zapata y Martín Copa Alanoca',
    scheduleSlots: [
      { day: 'saturday', start: '19:00:00.000', end: '19:30:00.000' },
      { day: 'sunday', start: '12:00:00.000', end: '12:30:00.000' },
    ],
    validFrom: '2026-03-07',
    spots: [
      { title: 'XII Feria Binacional de Integración: te esperamos el 13 de diciembre', durationSeconds: 30 },
      { title: 'Vacúnate contra la influenza', durationSeconds: 20 },
      { title: 'Semana Turística 2026', durationSeconds: 40 },
    ],
    published: true,
  },
  {
    name: 'Voces Aymaras de la Frontera',
    slug: 'voces-aymaras-de-la-frontera',
    description:
      'Programa bilingüe aimara-castellano con información municipal, música andina y avisos para las comunidades de la zona altoandina, producido con la Central de Comunidades Aymaras.',
    medium: 'radio',
    station: 'Radio Altiplano Sur',
    frequency: '1240 AM',
    hosts: 'Justina Apaza Choque y Nilo Yupanqui Condori',
    scheduleSlots: [
      { day: 'sunday', start: '05:30:00.000', end: '06:30:00.000' },
      { day: 'wednesday', start: '05:30:00.000', end: '06:00:00.000' },
    ],
    validFrom: '2026-02-01',
    validTo: '2026-12-20',
    spots: [{ title: 'Horario de las cisternas de agua en las comunidades', durationSeconds: 60 }],
    published: true,
  },
  {
    name: 'Conexión Municipal en Vivo',
    slug: 'conexion-municipal-en-vivo',
    description:
      'Transmisión en vivo por las redes sociales oficiales de las sesiones de concejo, audiencias públicas y ceremonias protocolares.',
    medium: 'streaming',
    station: 'Redes sociales oficiales de la MPSRF (Facebook Live y YouTube)',
    hosts: 'Gerencia de Comunicaciones e Imagen Institucional',
    scheduleSlots: [{ day: 'thursday', start: '10:00:00.000', end: '12:00:00.000' }],
    validFrom: '2026-01-15',
    spots: [{ title: 'Suscríbete a los canales oficiales de la municipalidad', durationSeconds: 15 }],
    published: true,
  },
  {
    name: 'Frontera Segura',
    slug: 'frontera-segura',
    description:
      'Microprograma radial de seguridad ciudadana y prevención de riesgos, con la participación del serenazgo, la Policía Nacional y Defensa Civil. En revisión: pendiente de aprobación por la Gerente de Comunicaciones.',
    medium: 'radio',
    station: 'Radio Frontera Sur',
    frequency: '98.5 FM',
    hosts: 'Walter Arce Limache e Iván Chipana Rojas',
    scheduleSlots: [
      { day: 'tuesday', start: '18:00:00.000', end: '18:15:00.000' },
      { day: 'friday', start: '18:00:00.000', end: '18:15:00.000' },
    ],
    validFrom: '2026-12-01',
    validTo: '2027-03-31',
    spots: [
      { title: 'Denuncia a tiempo: central de serenazgo 24 horas', durationSeconds: 30 },
      { title: 'Qué hacer ante un huaico', durationSeconds: 45 },
    ],
    published: false,
  },
];
