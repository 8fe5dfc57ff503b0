// What other plugins use of the shared audit trail, typed.
import type { Core } from '@strapi/strapi';
import type chains from './services/chains';

export type AuditTrail = ReturnType<typeof chains>;
export type { AuditEvent, BrokenLink, ChainHead, EventFields, HeadsLoader } from './services/chains';
export { canonicalJson, eventHash, seal, sha256 } from './services/chains';

export const auditTrail = (strapi: Core.Strapi): AuditTrail => strapi.plugin('audit-trail').service('chains') as AuditTrail;
