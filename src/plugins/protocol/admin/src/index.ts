import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID, t } from './pluginId';
import { SeatingPanel } from './components/SeatingPanel';
import { PluginIcon } from './components/PluginIcon';

const TRANSLATIONS: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  es: () => import('./translations/es.json'),
  en: () => import('./translations/en.json'),
};

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: t('menu.directory'), defaultMessage: 'Directorio protocolar' },
      permissions: [{ action: 'plugin::protocol.directory.read', subject: null }],
      Component: () => import('./pages/App'),
    });
    const contentManager = app.getPlugin('content-manager').apis as any;
    contentManager.addEditViewSidePanel([SeatingPanel]);
    app.registerPlugin({ id: PLUGIN_ID, name: 'Protocolo' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = TRANSLATIONS[locale] ?? TRANSLATIONS[locale.split('-')[0]];
        const data = load ? (await load()).default : {};
        return { locale, data: Object.fromEntries(Object.entries(data).map(([key, value]) => [t(key), value])) };
      })
    );
  },
};
