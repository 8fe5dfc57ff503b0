import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';
import { fieldNotReadable } from '../services/personal-access';
import { validateDirectoryQuery, validateExport, validateImport, validateVerify } from '../validation';

const userOf = (ctx: any) => ({ id: ctx.state.user.id as number, email: ctx.state.user.email as string });
const directoryAccess = (strapi: Core.Strapi, ctx: any) => getService(strapi, 'personal-access').directory(ctx.state.userAbility);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const { page, pageSize, ...filters } = await validateDirectoryQuery(ctx.query);
    ctx.body = await getService(strapi, 'directory').list(filters, directoryAccess(strapi, ctx), page, pageSize);
  },

  async porVerificar(ctx: any) {
    const { page, pageSize, ...filters } = await validateDirectoryQuery(ctx.query);
    ctx.body = await getService(strapi, 'directory').list({ ...filters, porVerificar: true }, directoryAccess(strapi, ctx), page, pageSize);
  },

  async verify(ctx: any) {
    const { documentIds } = await validateVerify(ctx.request.body);
    ctx.body = { data: await getService(strapi, 'verification').markVerified(documentIds) };
  },

  async birthdays(ctx: any) {
    const access = directoryAccess(strapi, ctx);
    const missing = ['birthday', 'givenName', 'familyName', 'active'].find((field) => !access.contactFields.includes(field));
    if (missing) throw fieldNotReadable(missing, 'de los contactos');
    const upcoming = await getService(strapi, 'verification').upcomingBirthdays();
    const readable = (field: string) => access.contactFields.includes(field);
    ctx.body = {
      data: upcoming.map((b: any) => ({
        ...b,
        treatment: readable('treatment') ? b.treatment : null,
        position: readable('position') ? b.position : null,
        institution: access.institutionFields.includes('name') ? b.institution : null,
      })),
    };
  },

  async import(ctx: any) {
    const { csv, dryRun } = await validateImport(ctx.request.body);
    const writable = getService(strapi, 'personal-access').writable(ctx.state.userAbility);
    const importer = getService(strapi, 'csv-import');
    ctx.body = { data: dryRun ? await importer.dryRun(csv, writable) : await importer.commit(csv, writable, userOf(ctx)) };
  },

  async export(ctx: any) {
    const { format, ...selection } = await validateExport(ctx.request.body);
    const file = await getService(strapi, 'exports').export(format as 'csv' | 'vcard', selection, directoryAccess(strapi, ctx), userOf(ctx));
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
