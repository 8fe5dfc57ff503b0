import type { Core } from '@strapi/strapi';
import { buildOpenApi } from '../../../delivery/openapi';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let document: ReturnType<typeof buildOpenApi> | undefined;
  return {
    openapi(ctx: any) {
      // Built once: it depends only on the schemas, fixed for the process' life.
      document ??= buildOpenApi(strapi);
      ctx.body = document;
    },
  };
};
