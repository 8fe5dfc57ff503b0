/**
 * Document-service middleware: the `subjects` of municipal bodies, norms and press notes
 * are keys of the configured list (or `all`), on every write path (content manager,
 * Content API, document service).
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ALL_SUBJECTS, ERRORS, SUBJECT_TYPES } from '../constants';
import { pluginConfig } from '../utils/get-service';

const WRITES = ['create', 'update'];

export const subjectsFromConfiguredList = (strapi: Core.Strapi) => async (context: any, next: () => Promise<any>) => {
  if (!(SUBJECT_TYPES as readonly string[]).includes(context.uid) || !WRITES.includes(context.action)) return next();
  const data = context.params?.data;
  if (data && 'subjects' in data && data.subjects !== null) {
    const known = new Set([ALL_SUBJECTS, ...pluginConfig(strapi).subjects.map((s) => s.key)]);
    const value = data.subjects;
    const valid = Array.isArray(value) && value.length <= 100 && value.every((s) => typeof s === 'string' && known.has(s));
    if (!valid) {
      const { code, message } = ERRORS.INVALID_SUBJECTS;
      const unknown = Array.isArray(value) ? value.filter((s) => !(typeof s === 'string' && known.has(s))) : [];
      throw new errors.ValidationError(message, { code, unknown, errors: [{ path: ['subjects'], message, name: 'ValidationError' }] });
    }
    data.subjects = [...new Set(value as string[])];
  }
  return next();
};
