import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type services from './services';

type Services = typeof services;
type ServiceName = keyof Services;

/** Typed access to the plugin's services. */
export const getService = <Name extends ServiceName>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> =>
  strapi.plugin('approval-workflow').service(name) as ReturnType<Services[Name]>;

// Canonical JSON and SHA-256 are the audit trail's; the content hash uses the same ones.
export { canonicalJson, sha256 } from '../../../audit-trail/server/src/api';

const KEY_PART = /^[A-Za-z0-9_:.-]+$/;

/**
 * Identifies one locale of one document (non-localised types use '*'). Only ever from plain
 * strings: the key names a state row and an audit chain (the routes validate first).
 */
export const targetKey = (uid: string, documentId: string, locale: string | null) => {
  for (const part of [uid, documentId, locale ?? '*']) {
    if (typeof part !== 'string' || (part !== '*' && !KEY_PART.test(part))) {
      throw new errors.ValidationError('Documento o idioma mal formado.', { code: 'VALIDATION_ERROR', field: 'target' });
    }
  }
  return `${uid}|${documentId}|${locale ?? '*'}`;
};
