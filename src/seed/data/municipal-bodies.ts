import type { SeedMunicipalBody } from '../types';

// Bodies of the municipality told in time about ceremonies and official
// activities (names are the natural keys used by ceremonies.ts).
export const municipalBodies: SeedMunicipalBody[] = [
  { name: 'Alcaldía', acronym: 'ALC', email: 'alcaldia@munisantarosafrontera.gob.pe' },
  { name: 'Gerencia Municipal', acronym: 'GM', email: 'gerencia.municipal@munisantarosafrontera.gob.pe' },
  { name: 'Secretaría General', acronym: 'SG', email: 'secretaria.general@munisantarosafrontera.gob.pe' },
  { name: 'Gerencia de Seguridad Ciudadana', acronym: 'GSC', email: 'seguridad.ciudadana@munisantarosafrontera.gob.pe' },
  { name: 'Subgerencia de Defensa Civil', acronym: 'SGDC', email: 'defensa.civil@munisantarosafrontera.gob.pe' },
  { name: 'Gerencia de Desarrollo Social', acronym: 'GDS', email: 'desarrollo.social@munisantarosafrontera.gob.pe' },
  { name: 'Gerencia de Infraestructura', acronym: 'GI', email: 'infraestructura@munisantarosafrontera.gob.pe' },
  { name: 'Oficina de Logística', acronym: 'OL', email: 'logistica@munisantarosafrontera.gob.pe' },
];
