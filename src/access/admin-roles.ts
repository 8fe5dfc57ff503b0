// The office's admin roles and what each may do in the content manager.
// Applied at bootstrap by ../bootstrap/admin-roles.ts; editable in the admin afterwards.
import type { UID } from '@strapi/strapi';
import { BODY_PERSONAL_FIELDS, PERSONAL_FIELDS } from './personal-data';

export type ContentAction = 'create' | 'read' | 'update' | 'delete' | 'publish';

export interface ContentGrant {
  actions: ContentAction[];
  subjects: UID.ContentType[];
  /** Attribute paths withheld from these actions (field-level rule). */
  exceptFields?: string[];
}

export interface AdminRoleDefinition {
  code: string;
  name: string;
  description: string;
  content: ContentGrant[];
  /** Other admin actions (plugins), without subject. */
  plugins: string[];
}

const PRESS_NOTE = 'api::press-note.press-note';
const PROGRAM = 'api::broadcast-program.broadcast-program';
const ARCHIVE = 'api::media-archive-item.media-archive-item';
const NORM = 'api::norm.norm';
const INSTITUTION = 'api::institution.institution';
const CONTACT = 'api::protocol-contact.protocol-contact';
const CEREMONY = 'api::ceremony.ceremony';
const BODY = 'api::municipal-body.municipal-body';
const PRECEDENCE = 'api::precedence-rank.precedence-rank';
const TRANSPARENCY = 'api::transparency-page.transparency-page';

/** The publication-request queue (src/plugins/diario-oficial). */
const PUBLICATION_QUEUE = ['read', 'create', 'record', 'cancel'].map((a) => `plugin::diario-oficial.${a}`);

const ALL: ContentAction[] = ['create', 'read', 'update', 'delete', 'publish'];
const EDIT: ContentAction[] = ['create', 'read', 'update'];

/** Admin actions of the protocol plugin (src/plugins/protocol/server/src/config/actions.ts). */
const PROTOCOL_DIRECTORY = [
  'plugin::protocol.directory.read',
  'plugin::protocol.directory.import',
  'plugin::protocol.directory.export',
  'plugin::protocol.directory.verify',
  'plugin::protocol.ceremonies.seating',
  'plugin::protocol.ceremonies.notices',
];
/** The CIF change feed and its webhook deliveries (src/plugins/cif-sync): read-only, for the Gerente. */
const CIF_SYNC_STATUS = 'plugin::cif-sync.read';
/** Circulars to the municipal bodies (src/plugins/dissemination): reading them shows the bodies' named staff. */
const DISSEMINATION = ['plugin::dissemination.read', 'plugin::dissemination.send'];
/** Upcoming birthdays: Protocolo only. */
const PROTOCOL_BIRTHDAYS = 'plugin::protocol.birthdays.read';

const MEDIA_LIBRARY = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

// The approval workflow (src/plugins/approval-workflow): who submits, who reviews.
const APPROVAL_SUBMIT = ['plugin::approval-workflow.read', 'plugin::approval-workflow.submit'];
const APPROVAL_REVIEW = [...APPROVAL_SUBMIT, 'plugin::approval-workflow.review'];

export const ADMIN_ROLES: AdminRoleDefinition[] = [
  {
    code: 'redactor',
    name: 'Redactor',
    description: 'Redacta notas de prensa, programación de radio/TV y fichas del archivo; las envía a aprobación. No aprueba ni publica.',
    content: [
      { actions: EDIT, subjects: [PRESS_NOTE, PROGRAM, ARCHIVE] },
      { actions: ['read'], subjects: [NORM, CEREMONY, INSTITUTION, TRANSPARENCY, PRECEDENCE] },
      { actions: ['read'], subjects: [CONTACT], exceptFields: PERSONAL_FIELDS },
      { actions: ['read'], subjects: [BODY], exceptFields: BODY_PERSONAL_FIELDS },
    ],
    plugins: [...MEDIA_LIBRARY, ...APPROVAL_SUBMIT],
  },
  {
    code: 'gerente-comunicaciones',
    name: 'Gerente de Comunicaciones',
    description: 'Gerente de Comunicaciones e Imagen Institucional: todo lo del Redactor, además aprueba, pide cambios y publica.',
    content: [{ actions: ALL, subjects: [PRESS_NOTE, PROGRAM, ARCHIVE, NORM, INSTITUTION, CONTACT, CEREMONY, BODY, TRANSPARENCY, PRECEDENCE] }],
    plugins: [...MEDIA_LIBRARY, ...PROTOCOL_DIRECTORY, ...APPROVAL_REVIEW, ...PUBLICATION_QUEUE, CIF_SYNC_STATUS, ...DISSEMINATION],
  },
  {
    code: 'archivo',
    name: 'Archivo',
    description: 'Mantiene el archivo de prensa, audio y fotografía.',
    content: [
      { actions: ['create', 'read', 'update', 'delete'], subjects: [ARCHIVE] },
      { actions: ['read'], subjects: [CEREMONY, PRESS_NOTE] },
    ],
    plugins: MEDIA_LIBRARY,
  },
  {
    code: 'protocolo',
    name: 'Protocolo',
    description: 'Directorio protocolar, rangos de precedencia, instituciones, órganos municipales y ceremonias. Lee los datos personales de los contactos.',
    content: [
      { actions: ['create', 'read', 'update', 'delete'], subjects: [CONTACT, INSTITUTION, BODY, PRECEDENCE] },
      { actions: ALL, subjects: [CEREMONY] },
      { actions: ['read'], subjects: [PRESS_NOTE] },
    ],
    plugins: [...MEDIA_LIBRARY, ...PROTOCOL_DIRECTORY, PROTOCOL_BIRTHDAYS, ...DISSEMINATION],
  },
  {
    code: 'normas',
    name: 'Normas',
    description: 'Catálogo de normas y cola de publicación en el Diario Oficial.',
    content: [
      { actions: ALL, subjects: [NORM] },
      { actions: ['read'], subjects: [TRANSPARENCY, PRESS_NOTE] },
    ],
    plugins: [...MEDIA_LIBRARY, ...PUBLICATION_QUEUE],
  },
];
