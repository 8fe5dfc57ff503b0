import type { Core } from '@strapi/strapi';
import { ensureLocales } from './bootstrap/locales';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { ensureFieldLabels } from './bootstrap/field-labels';
import { closeSelfRegistration } from './bootstrap/registration';
import { isContentEmpty, seedSampleData } from './seed';
import { registerTagsValidation } from './validation/tags';
import { bootstrapArchive, registerArchive } from './archive/bootstrap';
import { registerDocumentation } from './delivery/documentation';
import { registerWebsiteOutputs } from './delivery/website-routes';
import { backgroundWork, trackAfterCommitWork } from './operations/background-work';
import { closeReadinessClients, registerReadiness } from './operations/readiness';
import { registerGracefulShutdown } from './operations/graceful-shutdown';
import { bootstrapAdminReadGuards, registerAdminReadGuards } from './access/admin-reads';
import { settleFileMoves } from './archive/private-files';
import { closePrivateStore } from './archive/private-store';

/** `npm run develop` on an empty database fills it with sample data unless SEED=false. */
async function seedOnFirstDevelop(strapi: Core.Strapi) {
  if (strapi.config.get('environment') !== 'development' || process.env.SEED === 'false') return;
  if (!(await isContentEmpty(strapi))) return;
  strapi.log.info('Empty database: loading the sample data (SEED=false turns this off)…');
  const summary = await seedSampleData(strapi);
  strapi.log.info(`Sample data loaded: ${JSON.stringify(summary)}`);
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    trackAfterCommitWork(strapi);
    registerReadiness(strapi);
    registerGracefulShutdown(strapi);
    registerTagsValidation(strapi);
    registerArchive(strapi);
    registerDocumentation(strapi);
    registerWebsiteOutputs(strapi);
    registerAdminReadGuards(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    bootstrapAdminReadGuards(strapi);
    await ensureLocales(strapi);
    await ensureAdminRoles(strapi);
    await ensurePublicPermissions(strapi);
    await closeSelfRegistration(strapi);
    await ensureFieldLabels(strapi);
    await bootstrapArchive(strapi);
    await seedOnFirstDevelop(strapi);
  },

  /**
   * After the plugins stopped their workers: what commits started (the archive's file moves
   * included) finishes before the database closes, then the object store's connections close.
   */
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    const work = backgroundWork(strapi);
    work.track(settleFileMoves());
    if (!(await work.drain())) strapi.log.warn('Tareas posteriores a transacciones seguían en curso al cerrar.');
    closePrivateStore(strapi);
    closeReadinessClients(strapi);
  },
};
