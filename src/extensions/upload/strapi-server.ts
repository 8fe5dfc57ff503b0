// Extension of Strapi's upload plugin (the media library and /api/upload):
// the one upload guard for every door (./guard/inspect.ts) and the bytes hash
// and exact byte count of every stored file (./guard/bytes-hash.ts).
import type { Core } from '@strapi/strapi';
import { byteCountAttribute, bytesHashAttribute, BYTE_COUNT_ATTRIBUTE, BYTES_HASH_ATTRIBUTE, registerBytesHash } from './guard/bytes-hash';
import { guardRequestFiles, guardUploadService, strictImageCheck } from './guard/service';

type Route = { method: string; path: string; config?: { middlewares?: unknown[] } };

/** Routes whose request body carries files. */
const FILE_ROUTES: Record<string, string[]> = {
  admin: ['POST /', 'POST /files', 'POST /files/:id/replace'],
  'content-api': ['POST /'],
};

function guardRoutes(strapi: Core.Strapi, plugin: any) {
  for (const [type, keys] of Object.entries(FILE_ROUTES)) {
    const routes: Route[] = plugin.routes[type]?.routes ?? [];
    for (const route of routes) {
      if (!keys.includes(`${route.method} ${route.path}`)) continue;
      route.config = { ...route.config, middlewares: [guardRequestFiles(strapi), ...(route.config?.middlewares ?? [])] };
    }
  }
}

export default (plugin: any) => {
  plugin.contentTypes.file.schema.attributes[BYTES_HASH_ATTRIBUTE] = bytesHashAttribute;
  plugin.contentTypes.file.schema.attributes[BYTE_COUNT_ATTRIBUTE] = byteCountAttribute;

  const createUploadService = plugin.services.upload;
  plugin.services.upload = ({ strapi }: { strapi: Core.Strapi }) => guardUploadService(strapi, createUploadService({ strapi }));

  const { register, bootstrap } = plugin;
  plugin.register = async (context: { strapi: Core.Strapi }) => {
    await register?.(context);
    guardRoutes(context.strapi, plugin);
    const manipulation = context.strapi.plugin('upload').service('image-manipulation');
    manipulation.isFaultyImage = strictImageCheck(context.strapi);
  };
  plugin.bootstrap = async (context: { strapi: Core.Strapi }) => {
    await bootstrap?.(context);
    registerBytesHash(context.strapi);
  };
  return plugin;
};
