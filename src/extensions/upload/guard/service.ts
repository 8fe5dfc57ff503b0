// Wires the upload guard (./inspect.ts) into the upload plugin: every door that
// stores bytes ends in the upload service's `upload` or `replace`, so the guard
// wraps those two; the HTTP routes run it first so that their refusal is ours
// (coded, in Spanish) rather than the plugin's generic one. The plugin's own
// decode check becomes the strict one (truncated images refused).
import type { Core } from '@strapi/strapi';
import { decodeCheck, inspectUpload, type IncomingUpload, type UploadGuardLimits } from './inspect';

const DEFAULT_LIMITS: UploadGuardLimits = { maxInputPixels: 100_000_000 };

export const guardLimits = (strapi: Core.Strapi): UploadGuardLimits => ({
  ...DEFAULT_LIMITS,
  ...((strapi.config.get('plugin::upload.guard') as Partial<UploadGuardLimits> | undefined) ?? {}),
});

/** Files already checked in this request (route middleware), so the service does not read them twice. */
const checked = new WeakSet<object>();

const asArray = <T>(files: T | T[] | undefined | null): T[] => (Array.isArray(files) ? files : files ? [files] : []);

/** Checks every file; all or nothing, before any is stored. The real type replaces the declared one. */
export async function guardFiles(strapi: Core.Strapi, files: unknown) {
  for (const file of asArray(files as IncomingUpload | IncomingUpload[])) {
    if (!file || typeof file !== 'object' || checked.has(file)) continue;
    const inspected = await inspectUpload(file, guardLimits(strapi));
    Object.assign(file, { mimetype: inspected.mime, detectedMimeType: inspected.mime });
    checked.add(file);
  }
}

type UploadService = Record<string, any> & {
  upload: (args: { data: any; files: unknown }, opts?: unknown) => Promise<any>;
  replace: (id: unknown, args: { data: any; file: unknown }, opts?: unknown) => Promise<any>;
};

export const guardUploadService = (strapi: Core.Strapi, service: UploadService): UploadService => ({
  ...service,
  async upload(args, opts) {
    await guardFiles(strapi, args?.files);
    return service.upload(args, opts);
  },
  async replace(id, args, opts) {
    await guardFiles(strapi, args?.file);
    return service.replace(id, args, opts);
  },
});

/** Route middleware for the routes that receive files in the request body. */
export const guardRequestFiles = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  await guardFiles(strapi, ctx.request?.files?.files);
  return next();
};

/** The upload plugin's isFaultyImage, strict: a broken image is a coded refusal, not a generic error. */
export const strictImageCheck = (strapi: Core.Strapi) => async (file: { filepath?: string; name?: string }) => {
  if (!file.filepath) return false;
  await decodeCheck(file.name ?? 'imagen', file.filepath, guardLimits(strapi));
  return false;
};
