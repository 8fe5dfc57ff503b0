// Spanish (and English) labels of the enumeration values the content manager
// shows. The values themselves are the API contract (the website, the CIF,
// validation and the database keep them as they are); only what an editor
// reads is translated.
//
// How they reach the screen (src/admin/app.tsx): Strapi 5.54's enumeration
// select and list filters show `formatMessage({ id: value, defaultMessage: value })`,
// so each value is registered as an admin translation of its own; the list
// view's cells, which show the raw value, get a formatter through the content
// manager's `inject-column-in-table` hook. One label per value across types
// (the translation id is the bare value): tests/api/admin-labels.test.ts
// checks that every value of every enumeration shown has both labels.
type Label = readonly [es: string, en: string];

export const ENUMERATION_LABELS: Record<string, Label> = {
  // broadcast-program.medium
  radio: ['Radio', 'Radio'],
  tv: ['Televisión', 'Television'],
  streaming: ['Transmisión por internet', 'Streaming'],
  // broadcast.schedule-slot.day
  monday: ['Lunes', 'Monday'],
  tuesday: ['Martes', 'Tuesday'],
  wednesday: ['Miércoles', 'Wednesday'],
  thursday: ['Jueves', 'Thursday'],
  friday: ['Viernes', 'Friday'],
  saturday: ['Sábado', 'Saturday'],
  sunday: ['Domingo', 'Sunday'],
  // ceremony.kind
  civic: ['Cívica', 'Civic'],
  inauguration: ['Inauguración', 'Inauguration'],
  commemoration: ['Conmemoración', 'Commemoration'],
  'swearing-in': ['Juramentación', 'Swearing-in'],
  'official-visit': ['Visita oficial', 'Official visit'],
  'council-session': ['Sesión de concejo', 'Council session'],
  religious: ['Religioso', 'Religious'],
  cultural: ['Cultural', 'Cultural'],
  binational: ['Binacional', 'Binational'],
  other: ['Otro', 'Other'],
  // ceremony.invitee.rsvp
  invited: ['Invitado', 'Invited'],
  confirmed: ['Confirmado', 'Confirmed'],
  declined: ['No asistirá', 'Declined'],
  attended: ['Asistió', 'Attended'],
  // institution.sector
  public: ['Público', 'Public'],
  private: ['Privado', 'Private'],
  'civil-society': ['Sociedad civil', 'Civil society'],
  'armed-forces': ['Fuerzas Armadas', 'Armed forces'],
  police: ['Policía Nacional', 'National police'],
  // institution.level, precedence-rank.level, norm.level
  international: ['Internacional', 'International'],
  national: ['Nacional', 'National'],
  regional: ['Regional', 'Regional'],
  provincial: ['Provincial', 'Provincial'],
  district: ['Distrital', 'District'],
  local: ['Local', 'Local'],
  // media-archive-item.kind
  photo: ['Fotografía', 'Photo'],
  audio: ['Audio', 'Audio'],
  video: ['Video', 'Video'],
  'press-clipping': ['Recorte de prensa', 'Press clipping'],
  document: ['Documento', 'Document'],
  // media-archive-item.rights
  own: ['Propios de la municipalidad', 'Owned by the municipality'],
  ceded: ['Cedidos', 'Licensed to us'],
  'cc-by': ['CC BY', 'CC BY'],
  'cc-by-sa': ['CC BY-SA', 'CC BY-SA'],
  cc0: ['CC0', 'CC0'],
  'public-domain': ['Dominio público', 'Public domain'],
  'all-rights-reserved': ['Todos los derechos reservados', 'All rights reserved'],
  // norm.normType (LOM arts. 39–44; regional and national norms)
  ordenanza: ['Ordenanza', 'Municipal ordinance'],
  'acuerdo-de-concejo': ['Acuerdo de Concejo', 'Council agreement'],
  'resolucion-de-concejo': ['Resolución de Concejo', 'Council resolution'],
  'decreto-de-alcaldia': ['Decreto de Alcaldía', 'Mayoral decree'],
  'resolucion-de-alcaldia': ['Resolución de Alcaldía', 'Mayoral resolution'],
  'resolucion-de-gerencia': ['Resolución de Gerencia', 'Management resolution'],
  'ordenanza-regional': ['Ordenanza Regional', 'Regional ordinance'],
  'acuerdo-de-consejo-regional': ['Acuerdo de Consejo Regional', 'Regional council agreement'],
  ley: ['Ley', 'Law'],
  'decreto-legislativo': ['Decreto Legislativo', 'Legislative decree'],
  'decreto-supremo': ['Decreto Supremo', 'Supreme decree'],
  'resolucion-ministerial': ['Resolución Ministerial', 'Ministerial resolution'],
  otra: ['Otra', 'Other'],
  // norm.legalStatus
  draft: ['Proyecto', 'Draft'],
  prepublished: ['Prepublicada', 'Pre-published'],
  promulgated: ['Promulgada', 'Promulgated'],
  'in-force': ['Vigente', 'In force'],
  amended: ['Modificada', 'Amended'],
  repealed: ['Derogada', 'Repealed'],
  // norms.gazette-publication.channel (LOM art. 44)
  'el-peruano': ['Diario Oficial El Peruano', 'El Peruano (official gazette)'],
  'diario-judicial': ['Diario de avisos judiciales', 'Judicial-notices newspaper'],
  carteles: ['Carteles certificados', 'Certified posters'],
  portal: ['Portal institucional', 'Municipal web portal'],
  // protocol.consent-record.channel
  written: ['Por escrito', 'In writing'],
  email: ['Correo electrónico', 'E-mail'],
  'web-form': ['Formulario web', 'Web form'],
  'verbal-recorded': ['Verbal (grabado)', 'Verbal (recorded)'],
  // press-note.category
  institucional: ['Institucional', 'Institutional'],
  obras: ['Obras', 'Public works'],
  salud: ['Salud', 'Health'],
  educacion: ['Educación', 'Education'],
  cultura: ['Cultura', 'Culture'],
  turismo: ['Turismo', 'Tourism'],
  'seguridad-ciudadana': ['Seguridad ciudadana', 'Public safety'],
  frontera: ['Frontera', 'Border'],
  'medio-ambiente': ['Medio ambiente', 'Environment'],
  'desarrollo-social': ['Desarrollo social', 'Social development'],
  transparencia: ['Transparencia', 'Transparency'],
  emergencias: ['Emergencias', 'Emergencies'],
  // transparency-page.pteSection (Portal de Transparencia Estándar)
  'datos-generales': ['Datos generales', 'General information'],
  'planeamiento-y-organizacion': ['Planeamiento y organización', 'Planning and organisation'],
  'informacion-presupuestal': ['Información presupuestal', 'Budget'],
  'proyectos-de-inversion': ['Proyectos de inversión', 'Investment projects'],
  'participacion-ciudadana': ['Participación ciudadana', 'Citizen participation'],
  'informacion-de-personal': ['Información de personal', 'Staff'],
  contrataciones: ['Contrataciones', 'Procurement'],
  'actividades-oficiales': ['Actividades oficiales', 'Official activities'],
  'acceso-a-la-informacion': ['Acceso a la información', 'Access to information'],
  'registro-de-visitas': ['Registro de visitas', 'Visitors log'],
  'informacion-adicional': ['Información adicional', 'Additional information'],
  'informacion-focalizada': ['Información focalizada', 'Targeted information'],
  // transparency-page.period
  monthly: ['Mensual', 'Monthly'],
  quarterly: ['Trimestral', 'Quarterly'],
  annual: ['Anual', 'Annual'],
  'on-change': ['Cuando cambia', 'When it changes'],
};

/** The labels in one admin language, as translation messages keyed by the stored value. */
export function enumerationMessages(locale: 'es' | 'en'): Record<string, string> {
  const index = locale === 'es' ? 0 : 1;
  return Object.fromEntries(Object.entries(ENUMERATION_LABELS).map(([value, labels]) => [value, labels[index]]));
}
