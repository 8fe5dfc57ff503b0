import type { SeedMunicipalBody } from '../types';

// Bodies of the municipality told in time about ceremonies and official
// activities, and the subjects they follow for circulars and bulletins (names are the
// natural keys used by ceremonies.ts).
export const municipalBodies: SeedMunicipalBody[] = [
  { name: 'Alcaldía', acronym: 'ALC', email: 'alcaldia@munisantarosafrontera.gob.pe', subjects: ['all'] },
  { name: 'Gerencia Municipal', acronym: 'GM', email: 'gerencia.municipal@munisantarosafrontera.gob.pe', subjects: ['all'] },
  { name: 'Secretaría General', acronym: 'SG', email: 'secretaria.general@munisantarosafrontera.gob.pe', subjects: ['transparencia', 'personal'] },
  { name: 'Gerencia de Seguridad Ciudadana', acronym: 'GSC', email: 'seguridad.ciudadana@munisantarosafrontera.gob.pe', subjects: ['seguridad-ciudadana', 'transporte'] },
  { name: 'Subgerencia de Defensa Civil', acronym: 'SGDC', email: 'defensa.civil@munisantarosafrontera.gob.pe', subjects: ['seguridad-ciudadana', 'medio-ambiente'] },
  { name: 'Gerencia de Desarrollo Social', acronym: 'GDS', email: 'desarrollo.social@munisantarosafrontera.gob.pe', subjects: ['programas-sociales'] },
  { name: 'Gerencia de Infraestructura', acronym: 'GI', email: 'infraestructura@munisantarosafrontera.gob.pe', subjects: ['desarrollo-urbano', 'contrataciones', 'medio-ambiente'] },
  { name: 'Oficina de Logística', acronym: 'OL', email: 'logistica@munisantarosafrontera.gob.pe', subjects: ['contrataciones', 'presupuesto'] },
];
