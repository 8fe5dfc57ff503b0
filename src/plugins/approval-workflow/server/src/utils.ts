import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type services from './services';

type Services = typeof services;
type ServiceName = keyof Services;

/** Typed access to the plugin's services. */
export const getService = <Name extends ServiceName>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> =>
  strapi.plugin('approval-workflow').service(name) as ReturnType<Services[Name]>;

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** Identifies one locale of one document (non-localised types use '*'). */
export const targetKey = (uid: string, documentId: string, locale: string | null) => `${uid}|${documentId}|${locale ?? '*'}`;
