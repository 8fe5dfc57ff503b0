import type { Core } from '@strapi/strapi';
import type services from './services';

type Services = typeof services;
type ServiceName = keyof Services;

/** Typed access to the plugin's services. */
export const getService = <Name extends ServiceName>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> =>
  strapi.plugin('approval-workflow').service(name) as ReturnType<Services[Name]>;

// Canonical JSON and SHA-256 are the audit trail's; the content hash uses the same ones.
export { canonicalJson, sha256 } from '../../../audit-trail/server/src/api';

/** Identifies one locale of one document (non-localised types use '*'). */
export const targetKey = (uid: string, documentId: string, locale: string | null) => `${uid}|${documentId}|${locale ?? '*'}`;
