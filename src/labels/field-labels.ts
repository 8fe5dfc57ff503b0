// Spanish labels for the content manager's edit and list views. Field names
// stay English (they are the API contract); editors read these.
const common = {
  title: 'Título',
  slug: 'Slug (URL)',
  description: 'Descripción',
  body: 'Cuerpo',
  tags: 'Etiquetas',
  name: 'Nombre',
  acronym: 'Siglas',
  email: 'Correo electrónico',
  active: 'Activo',
  isPublic: 'Público en el sitio web',
};

export const FIELD_LABELS: Record<string, Record<string, string>> = {
  'api::press-note.press-note': {
    ...common, lead: 'Entradilla', cover: 'Portada', gallery: 'Galería', category: 'Categoría',
    embargoUntil: 'Embargo hasta', seo: 'SEO', relatedNorms: 'Normas relacionadas',
    relatedCeremonies: 'Ceremonias relacionadas', pressContact: 'Contacto para periodistas', subjects: 'Materias (difusión)',
  },
  'api::broadcast-program.broadcast-program': {
    ...common, medium: 'Medio', station: 'Emisora / canal', frequency: 'Frecuencia', hosts: 'Conductores',
    scheduleSlots: 'Horarios', validFrom: 'Vigente desde', validTo: 'Vigente hasta', script: 'Guion / pauta',
    rundownFile: 'Archivo de pauta', spots: 'Spots',
  },
  'api::media-archive-item.media-archive-item': {
    ...common, kind: 'Tipo', file: 'Archivo', capturedAt: 'Fecha de captura', place: 'Lugar', ceremony: 'Ceremonia',
    credit: 'Crédito', rights: 'Derechos', source: 'Fuente (recorte)', sha256: 'SHA-256', perceptualHash: 'Hash perceptual',
    width: 'Ancho (px)', height: 'Alto (px)', durationSeconds: 'Duración (s)', pageCount: 'Páginas', exif: 'EXIF',
  },
  'api::norm.norm': {
    ...common, normType: 'Tipo de norma', level: 'Nivel', number: 'Número', sumilla: 'Sumilla', issuedBy: 'Emitida por',
    issuedOn: 'Fecha de emisión', bodyFile: 'Texto (PDF firmado)', editableFile: 'Texto editable (DOCX)',
    legalStatus: 'Estado', prepublication: 'Prepublicación', concernsAuthorityPay: 'Sobre remuneración o dietas', concernsArbitrios: 'Sobre arbitrios',
    requiresRatification: 'Requiere ratificación', ratifiedBy: 'Ratificada por', gazettePublication: 'Publicación oficial',
    statedEffectiveFrom: 'Vigencia fijada por la norma', effectiveFrom: 'Vigente desde', amends: 'Modifica a',
    amendedBy: 'Modificada por', repeals: 'Deroga a', repealedBy: 'Derogada por', subjects: 'Materias (difusión)',
  },
  'api::institution.institution': {
    ...common, sector: 'Sector', level: 'Nivel', address: 'Dirección', institutionalPhone: 'Teléfono institucional',
    institutionalEmail: 'Correo institucional', website: 'Sitio web', internalNotes: 'Notas internas', contacts: 'Contactos',
  },
  'api::protocol-contact.protocol-contact': {
    treatment: 'Tratamiento', givenName: 'Nombres', familyName: 'Apellidos', position: 'Cargo', institution: 'Institución',
    precedenceRank: 'Orden de precedencia', precedenceSource: 'Fuente de la precedencia', termStart: 'Inicio del mandato',
    termEnd: 'Fin del mandato', institutionalPhone: 'Teléfono institucional', institutionalEmail: 'Correo institucional',
    personalPhone: 'Teléfono personal (reservado)', personalEmail: 'Correo personal (reservado)',
    personalAddress: 'Dirección personal (reservado)', birthday: 'Cumpleaños (reservado)', assistant: 'Asistente',
    consent: 'Consentimiento (Ley 29733)', lastVerifiedAt: 'Última verificación', active: 'Activo',
    contactKey: 'Clave del contacto', precedence: 'Cargo en el orden de precedencia',
    precedenceOverrideReason: 'Motivo del orden de precedencia explícito',
  },
  'api::precedence-rank.precedence-rank': { rank: 'Orden', officeTitle: 'Cargo', level: 'Nivel', source: 'Fuente' },
  'api::ceremony.ceremony': {
    ...common, kind: 'Tipo', startsAt: 'Inicio', endsAt: 'Fin', venue: 'Lugar', host: 'Anfitrión', invitees: 'Invitados',
    programme: 'Programa', bodiesToNotify: 'Órganos a notificar', archiveItems: 'Archivo audiovisual',
  },
  'api::municipal-body.municipal-body': { ...common, subjects: 'Materias que sigue', recipients: 'Destinatarios de circulares (reservado)' },
  'api::transparency-page.transparency-page': {
    ...common, pteSection: 'Rubro del PTE', attachments: 'Adjuntos', period: 'Periodicidad',
    lastUpdatedOn: 'Última actualización', responsible: 'Responsable',
  },
  'shared.seo': { metaTitle: 'Meta título', metaDescription: 'Meta descripción', shareImage: 'Imagen para compartir', keywords: 'Palabras clave' },
  'shared.press-contact': { name: 'Nombre', position: 'Cargo', phone: 'Teléfono', email: 'Correo electrónico' },
  'broadcast.schedule-slot': { day: 'Día', start: 'Inicio', end: 'Fin' },
  'broadcast.spot': { title: 'Título', durationSeconds: 'Duración (s)', file: 'Archivo' },
  'archive.clipping-source': { outlet: 'Medio', section: 'Sección', page: 'Página', date: 'Fecha' },
  'norms.prepublication': {
    publishedOn: 'Prepublicada el', url: 'Enlace', commentPeriodDays: 'Plazo para comentarios (días)',
    exempted: 'Exonerada', exemptionReason: 'Motivo de la exoneración',
  },
  'norms.gazette-publication': {
    outlet: 'Medio', channel: 'Canal', editionDate: 'Fecha de edición', gazetteId: 'ID de publicación (p. ej. 1835431-1)',
    page: 'Página', certificateReference: 'Constancia judicial (carteles)',
  },
  'dissemination.recipient': { name: 'Nombre', position: 'Cargo', email: 'Correo electrónico' },
  'protocol.assistant': { name: 'Nombre', phone: 'Teléfono', email: 'Correo electrónico' },
  'protocol.consent-record': { consentedOn: 'Fecha', purpose: 'Finalidad', channel: 'Medio', evidence: 'Evidencia (reservado)' },
  'ceremony.invitee': { contact: 'Contacto', rsvp: 'Respuesta', note: 'Nota' },
  'ceremony.programme-item': { time: 'Hora', activity: 'Actividad', responsible: 'Responsable' },
};
