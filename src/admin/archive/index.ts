// Admin part of the media archive: the "Importar al archivo" page, a side panel on the
// item's edit view (original, similar photos) and a home page widget for Archivo.
// Registered by src/admin/app.tsx until the archive becomes the media-archive plugin.
import { Images } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ArchivePanel } from './components/ArchivePanel';
import { PERMISSIONS, PLUGIN_ID, t } from './pluginId';
import es from './translations/es.json';
import en from './translations/en.json';

const prefixed = (messages: Record<string, string>) => Object.fromEntries(Object.entries(messages).map(([key, value]) => [t(key), value]));

export const archiveAdmin = {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Images,
      intlLabel: { id: t('plugin.name'), defaultMessage: 'Importar al archivo' },
      permissions: PERMISSIONS.create,
      Component: () => import('./pages/App'),
    } as any);
    app.widgets.register({
      id: 'latest-items',
      pluginId: PLUGIN_ID,
      icon: Images,
      title: { id: t('widget.title'), defaultMessage: 'Últimos ingresos al archivo' },
      link: { label: { id: t('widget.open'), defaultMessage: 'Importar al archivo' }, href: `/plugins/${PLUGIN_ID}` },
      permissions: PERMISSIONS.create,
      component: async () => (await import('./components/HomeWidget')).LatestItemsWidget,
    } as any);
  },

  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as any).addEditViewSidePanel([ArchivePanel]);
  },

  /** Its messages, keyed for the admin's translations (the app passes them to Strapi). */
  translations: { es: prefixed(es), en: prefixed(en) },
};
