import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { validateDirectoryQuery, validateExport, validateImport, validateVerify } from '../validation';

const userOf = (ctx: any) => ({ id: ctx.state.user.id as number, email: ctx.state.user.email as string });
const readablePersonal = (strapi: Core.Strapi, ctx: any) => getService(strapi, 'personal-access').readable(ctx.state.userAbility);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const { page, pageSize, ...filters } = await validateDirectoryQuery(ctx.query);
    ctx.body = await getService(strapi, 'directory').list(filters, readablePersonal(strapi, ctx), page, pageSize);
  },

  async porVerificar(ctx: any) {
    const { page, pageSize, ...filters } = await validateDirectoryQuery(ctx.query);
    ctx.body = await getService(strapi, 'directory').list({ ...filters, porVerificar: true }, readablePersonal(strapi, ctx), page, pageSize);
  },

  async verify(ctx: any) {
    const { documentIds } = await validateVerify(ctx.request.body);
    ctx.body = { data: await getService(strapi, 'verification').markVerified(documentIds) };
  },

  async birthdays(ctx: any) {
    ctx.body = { data: await getService(strapi, 'verification').upcomingBirthdays() };
  },

  async import(ctx: any) {
    const { csv, dryRun } = await validateImport(ctx.request.body);
    const writable = getService(strapi, 'personal-access').writable(ctx.state.userAbility);
    const importer = getService(strapi, 'csv-import');
    ctx.body = { data: dryRun ? await importer.dryRun(csv, writable) : await importer.commit(csv, writable, userOf(ctx)) };
  },

  async export(ctx: any) {
    const { format, ...selection } = await validateExport(ctx.request.body);
    const file = await getService(strapi, 'exports').export(format as 'csv' | 'vcard', selection, readablePersonal(strapi, ctx), userOf(ctx));
    ctx.set('Content-Type', file.contentType);
    ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
    ctx.set('X-Record-Count', String(file.count));
    ctx.set('X-Personal-Data', String(file.personalData));
    ctx.body = file.body;
  },

  async audit(ctx: any) {
    ctx.body = { data: await getService(strapi, 'audit').latest() };
  },
});
