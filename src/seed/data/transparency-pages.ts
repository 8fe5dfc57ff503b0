import type { Blocks, SeedTransparencyPage } from '../types';

// Portal de Transparencia Estándar (PTE): one page per section. Two monthly
// pages are deliberately overdue (registro-de-visitas, informacion-focalizada)
// to exercise the "desactualizado" warning.

const p = (text: string): Blocks[number] => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const ul = (...items: string[]): Blocks[number] => ({
  type: 'list',
  format: 'unordered',
  children: items.map((text) => ({ type: 'list-item' as const, children: [{ type: 'text' as const, text }] })),
});

export const transparencyPages: SeedTransparencyPage[] = [
  {
    pteSection: 'datos-generales',
    title: 'Datos generales de la entidad',
    slug: 'datos-generales',
    body: [
      p('Información institucional básica de la Municipalidad Provincial de Santa Rosa de la Frontera: marco legal, directorio de funcionarios, organigrama y normas emitidas.'),
      ul(
        'Directorio de la alta dirección y de los responsables de cada unidad orgánica.',
        'Marco legal: Ley N° 27972, Ley Orgánica de Municipalidades, y normas de creación de la provincia.',
        'Normas emitidas por la entidad: ordenanzas, acuerdos de concejo, decretos y resoluciones de alcaldía.',
        'Horario de atención y ubicación de la sede central y de las agencias municipales.',
      ),
    ],
    period: 'on-change',
    lastUpdatedOn: '2026-09-02',
    responsible: 'Secretaría General',
    published: true,
  },
  {
    pteSection: 'planeamiento-y-organizacion',
    title: 'Planeamiento y organización',
    slug: 'planeamiento-y-organizacion',
    body: [
      p('Instrumentos de gestión y planeamiento vigentes de la municipalidad.'),
      ul(
        'Plan de Desarrollo Local Concertado (PDLC) 2023-2030.',
        'Plan Estratégico Institucional (PEI) 2024-2027 y Plan Operativo Institucional (POI) 2026.',
        'Reglamento de Organización y Funciones (ROF) y Texto Único de Procedimientos Administrativos (TUPA).',
        'Cuadro para Asignación de Personal Provisional (CAP-P) y Manual de Perfiles de Puestos.',
      ),
      p('Los documentos se publican en PDF, con la norma que los aprueba y la fecha de su última modificación.'),
    ],
    period: 'annual',
    lastUpdatedOn: '2026-02-27',
    responsible: 'Oficina de Planeamiento y Presupuesto',
    published: true,
  },
  {
    pteSection: 'informacion-presupuestal',
    title: 'Información presupuestal',
    slug: 'informacion-presupuestal',
    body: [
      p('Presupuesto Institucional de Apertura (PIA), Presupuesto Institucional Modificado (PIM) y su ejecución por fuentes de financiamiento, genérica de gasto y metas, según la información registrada en el SIAF.'),
      ul(
        'Ejecución presupuestal de ingresos y gastos al III trimestre de 2026.',
        'Modificaciones presupuestarias aprobadas en el trimestre.',
        'Estados financieros y presupuestarios del ejercicio 2025.',
      ),
      p('Se actualiza dentro de los treinta días calendario siguientes al cierre de cada trimestre.'),
    ],
    period: 'quarterly',
    lastUpdatedOn: '2026-10-24',
    responsible: 'Oficina de Planeamiento y Presupuesto',
    published: true,
  },
  {
    pteSection: 'proyectos-de-inversion',
    title: 'Proyectos de inversión',
    slug: 'proyectos-de-inversion',
    body: [
      p('Relación de inversiones en formulación, ejecución y cierre, con su código único de inversiones, monto viable, avance físico y financiero, y la modalidad de ejecución.'),
      ul(
        'Mejoramiento de la transitabilidad vehicular y peatonal del barrio Nueva Esperanza (culminado).',
        'Mejoramiento del servicio de agua para riego en el sector Chiluyo, Villa Tarucani (en ejecución).',
        'Creación del centro de interpretación turística del complejo fronterizo (expediente técnico).',
      ),
      p('El detalle de cada inversión puede consultarse en el Banco de Inversiones del Ministerio de Economía y Finanzas.'),
    ],
    period: 'quarterly',
    lastUpdatedOn: '2026-10-20',
    responsible: 'Oficina de Programación Multianual de Inversiones',
    published: true,
  },
  {
    pteSection: 'participacion-ciudadana',
    title: 'Participación ciudadana',
    slug: 'participacion-ciudadana',
    body: [
      p('Mecanismos de participación vecinal: presupuesto participativo, audiencias públicas de rendición de cuentas, consejos de coordinación local y prepublicación de proyectos normativos.'),
      ul(
        'Ordenanza, cronograma y actas del Presupuesto Participativo basado en Resultados 2027.',
        'Actas de las audiencias públicas de rendición de cuentas de 2026.',
        'Proyectos de ordenanza prepublicados y formulario para enviar aportes.',
      ),
    ],
    period: 'annual',
    lastUpdatedOn: '2026-11-06',
    responsible: 'Oficina de Planeamiento y Presupuesto',
    published: true,
  },
  {
    pteSection: 'informacion-de-personal',
    title: 'Información de personal',
    slug: 'informacion-de-personal',
    body: [
      p('Relación del personal por régimen laboral (Decreto Legislativo N° 276, Decreto Legislativo N° 728, CAS y obreros), con cargo, dependencia y remuneración mensual, así como la remuneración del alcalde y las dietas de los regidores.'),
      ul(
        'Planilla de personal al III trimestre de 2026.',
        'Convocatorias CAS vigentes y resultados de procesos concluidos.',
        'Remuneración del alcalde y dietas de los regidores según el Acuerdo de Concejo N° 003-2026-MPSRF.',
      ),
      p('No se publican datos personales distintos de los que la normativa de transparencia exige difundir.'),
    ],
    period: 'quarterly',
    lastUpdatedOn: '2026-10-15',
    responsible: 'Oficina de Recursos Humanos',
    published: true,
  },
  {
    pteSection: 'contrataciones',
    title: 'Contrataciones de bienes, servicios y obras',
    slug: 'contrataciones',
    body: [
      p('Plan Anual de Contrataciones y sus modificaciones, procedimientos de selección convocados, órdenes de compra y de servicio, y contratos suscritos, con enlace a la información registrada en el sistema electrónico de contrataciones del Estado.'),
      ul(
        'Plan Anual de Contrataciones 2026 y sus modificatorias.',
        'Órdenes de compra y de servicio emitidas en octubre de 2026.',
        'Relación de penalidades aplicadas a proveedores.',
      ),
    ],
    period: 'monthly',
    lastUpdatedOn: '2026-11-10',
    responsible: 'Oficina de Logística',
    published: true,
  },
  {
    pteSection: 'actividades-oficiales',
    title: 'Actividades oficiales',
    slug: 'actividades-oficiales',
    body: [
      p('Agenda de actividades oficiales del alcalde y de los funcionarios de la alta dirección: ceremonias, reuniones de trabajo con otras entidades, visitas de inspección y sesiones de concejo.'),
      p('Las actividades de carácter reservado se registran sin detalle de los asistentes, conforme a las excepciones previstas en la ley.'),
    ],
    period: 'monthly',
    lastUpdatedOn: '2026-11-18',
    responsible: 'Gerencia de Comunicaciones e Imagen Institucional',
    published: true,
  },
  {
    pteSection: 'acceso-a-la-informacion',
    title: 'Acceso a la información pública',
    slug: 'acceso-a-la-informacion',
    body: [
      p('Formulario de solicitud de acceso a la información pública, funcionario responsable de entregar la información, costos de reproducción y plazos de atención.'),
      ul(
        'Resolución de alcaldía que designa al funcionario responsable de acceso a la información.',
        'Formulario de solicitud (presencial y virtual).',
        'Informe trimestral de solicitudes recibidas, atendidas y denegadas.',
      ),
    ],
    period: 'quarterly',
    lastUpdatedOn: '2026-10-08',
    responsible: 'Secretaría General',
    published: true,
  },
  {
    pteSection: 'registro-de-visitas',
    title: 'Registro de visitas en línea',
    slug: 'registro-de-visitas',
    body: [
      p('Registro de las visitas que reciben los funcionarios de la entidad, con fecha, hora de ingreso y salida, nombre del visitante, entidad de procedencia, funcionario visitado y motivo de la visita.'),
      p('Pendiente de actualización: los registros de julio a octubre de 2026 se encuentran en proceso de digitalización.'),
    ],
    period: 'monthly',
    lastUpdatedOn: '2026-06-30',
    responsible: 'Secretaría General',
    published: true,
  },
  {
    pteSection: 'informacion-adicional',
    title: 'Información adicional',
    slug: 'informacion-adicional',
    body: [
      p('Información de interés ciudadano que la municipalidad difunde voluntariamente.'),
      ul(
        'Comunicados y notas de prensa institucionales.',
        'Programación de radio y televisión municipal.',
        'Información para viajeros sobre el complejo fronterizo y los servicios turísticos de la provincia.',
      ),
    ],
    period: 'on-change',
    lastUpdatedOn: '2026-11-12',
    responsible: 'Gerencia de Comunicaciones e Imagen Institucional',
    published: true,
  },
  {
    pteSection: 'informacion-focalizada',
    title: 'Información focalizada',
    slug: 'informacion-focalizada',
    body: [
      p('Información propia de los gobiernos locales: licencias de funcionamiento y de edificación otorgadas, tributos municipales y beneficiarios de los programas sociales a cargo de la municipalidad.'),
      ul(
        'Licencias de funcionamiento otorgadas en el mes.',
        'Ordenanzas tributarias vigentes y cronograma de pago de arbitrios.',
        'Padrón de beneficiarios del Programa del Vaso de Leche.',
      ),
    ],
    period: 'monthly',
    lastUpdatedOn: '2026-03-31',
    responsible: 'Gerencia de Administración Tributaria',
    published: true,
  },
];
