// Personal data under Ley 29733: readable only by the roles listed here.
export const PROTOCOL_CONTACT_UID = 'api::protocol-contact.protocol-contact';

/** Attribute paths (as in admin field permissions) holding personal data. */
export const PERSONAL_FIELDS = ['personalPhone', 'personalEmail', 'personalAddress', 'birthday', 'consent.evidence'];

/** Admin role codes allowed to read personal contact data. */
export const PERSONAL_DATA_ROLES = ['protocolo', 'gerente-comunicaciones'];

/** A municipal body's named recipients of circulars (names and e-mails of its staff). */
export const BODY_PERSONAL_FIELDS = ['recipients'];
