// Admin part of the diario-oficial plugin: the "Publicaciones oficiales" page and a
// side panel on the norm's edit view.
import { File } from '@strapi/icons';
import { PLUGIN_ID, READ_PERMISSION } from './pluginId';
import { NormPanel } from './components/NormPanel';
import es from './translations/es';
import en from './translations/en';

const TRANSLATIONS: Record<string, Record<string, string>> = { es, en };

const prefixed = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: File,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Publicaciones oficiales' },
      permissions: READ_PERMISSION,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Publicaciones oficiales' });
  },

  bootstrap(app: any) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([NormPanel]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({ locale, data: prefixed(TRANSLATIONS[locale] ?? TRANSLATIONS.en) }));
  },
};
