import type { SeedPrecedenceRank } from '../types';

// Order of authorities for the protocol directory and the seating order: a
// lower rank goes first. National, then regional, then local authorities, as
// D.S. 100-2005-RE sets them; the exact places could not be checked against
// the decree, so every rank is editable data carrying its source.
export const CUADRO = 'D.S. 100-2005-RE, Cuadro General de Precedencias (verificar)';
export const CUADRO_REGIONAL = 'D.S. 100-2005-RE, Cuadro Regional de Precedencias (verificar)';
export const CONSULAR = 'D.S. 100-2005-RE y Convención de Viena sobre Relaciones Consulares (verificar)';
export const INTERNO = 'Criterio interno de protocolo de la MPSRF (verificar)';

export const precedenceRanks: SeedPrecedenceRank[] = [
  // --- National ---
  { rank: 1, officeTitle: 'Presidente(a) de la República', level: 'national', source: CUADRO },
  { rank: 2, officeTitle: 'Presidente(a) del Congreso de la República', level: 'national', source: CUADRO },
  { rank: 3, officeTitle: 'Presidente(a) del Poder Judicial', level: 'national', source: CUADRO },
  { rank: 4, officeTitle: 'Presidente(a) del Consejo de Ministros', level: 'national', source: CUADRO },
  { rank: 5, officeTitle: 'Ministro(a) de Estado', level: 'national', source: `${CUADRO}; entre ministros, por la fecha de creación del ministerio` },
  { rank: 10, officeTitle: 'Congresista o Diputado(a) de la República', level: 'national', source: CUADRO },
  // --- Regional ---
  { rank: 20, officeTitle: 'Presidente(a) de la Corte Superior de Justicia', level: 'regional', source: CUADRO_REGIONAL },
  { rank: 30, officeTitle: 'Gobernador(a) Regional', level: 'regional', source: CUADRO_REGIONAL },
  { rank: 31, officeTitle: 'Vicegobernador(a) Regional', level: 'regional', source: CUADRO_REGIONAL },
  { rank: 35, officeTitle: 'Obispo de la diócesis', level: 'regional', source: CUADRO_REGIONAL },
  { rank: 40, officeTitle: 'Cónsul General', level: 'international', source: CONSULAR },
  { rank: 42, officeTitle: 'Cónsul adjunto(a)', level: 'international', source: CONSULAR },
  { rank: 45, officeTitle: 'Consejero(a) Regional', level: 'regional', source: CUADRO_REGIONAL },
  // --- Local ---
  { rank: 50, officeTitle: 'Alcalde(sa) Provincial', level: 'local', source: CUADRO_REGIONAL },
  { rank: 60, officeTitle: 'Alcalde(sa) Distrital', level: 'local', source: CUADRO_REGIONAL },
  { rank: 70, officeTitle: 'Teniente Alcalde(sa)', level: 'local', source: CUADRO_REGIONAL },
  { rank: 71, officeTitle: 'Regidor(a) Provincial', level: 'local', source: CUADRO_REGIONAL },
  { rank: 80, officeTitle: 'Jefe(a) militar de la guarnición', level: 'local', source: CUADRO_REGIONAL },
  { rank: 85, officeTitle: 'Comisario(a) de la Policía Nacional', level: 'local', source: CUADRO_REGIONAL },
  { rank: 90, officeTitle: 'Jefe(a) zonal de un organismo nacional', level: 'regional', source: INTERNO },
  { rank: 95, officeTitle: 'Jefe(a) de puesto de control fronterizo', level: 'local', source: INTERNO },
  { rank: 100, officeTitle: 'Rector(a) de universidad', level: 'regional', source: CUADRO_REGIONAL },
  { rank: 140, officeTitle: 'Gerente(a) Regional', level: 'regional', source: INTERNO },
  { rank: 150, officeTitle: 'Presidente(a) de gremio empresarial', level: 'local', source: INTERNO },
  { rank: 160, officeTitle: 'Presidente(a) de organización social o comunal', level: 'local', source: INTERNO },
  { rank: 170, officeTitle: 'Párroco', level: 'local', source: INTERNO },
  { rank: 180, officeTitle: 'Director(a) universitario(a)', level: 'regional', source: INTERNO },
  { rank: 190, officeTitle: 'Gerente(a) de gremio empresarial', level: 'local', source: INTERNO },
  { rank: 195, officeTitle: 'Directivo(a) de organización social o comunal', level: 'local', source: INTERNO },
  { rank: 200, officeTitle: 'Gerente(a) Municipal', level: 'local', source: INTERNO },
  { rank: 210, officeTitle: 'Secretario(a) General de la municipalidad', level: 'local', source: INTERNO },
  { rank: 220, officeTitle: 'Gerente(a) de línea de la municipalidad', level: 'local', source: INTERNO },
  { rank: 240, officeTitle: 'Subgerente(a) de la municipalidad', level: 'local', source: INTERNO },
];
