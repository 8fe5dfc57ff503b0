// English names of the content types and components, by their Spanish display name
// (schema `info.displayName`). Strapi's admin uses the display name itself as the
// translation id of a type's name (menu, list title, relations), so the Spanish
// admin shows it as is and the English admin shows these.
export const TYPE_NAMES_EN: Record<string, string> = {
  'Nota de prensa': 'Press note',
  'Programa de radio/TV': 'Radio/TV programme',
  'Archivo audiovisual': 'Media archive item',
  Norma: 'Norm',
  Institución: 'Institution',
  'Contacto protocolar': 'Protocol contact',
  Ceremonia: 'Ceremony',
  'Órgano municipal': 'Municipal body',
  'Rango de precedencia': 'Precedence rank',
  'Página de transparencia': 'Transparency page',
  Asistente: 'Assistant',
  'Consentimiento (Ley 29733)': 'Consent (Ley 29733)',
  'Contacto para periodistas': 'Press contact',
  'Destinatario de circulares': 'Circular recipient',
  'Fuente (recorte)': 'Clipping source',
  Horario: 'Schedule slot',
  Invitado: 'Invitee',
  Prepublicación: 'Pre-publication',
  'Publicación oficial': 'Official publication',
  'Punto del programa': 'Programme item',
  SEO: 'SEO',
  Spot: 'Spot',
};
