// Admin part of the dissemination plugin: the "Difusión" page and a side panel on the
// norm's edit view ("Difundir" and the norm's dissemination history).
import { PaperPlane } from '@strapi/icons';
import { PERMISSIONS, PLUGIN_ID, t } from './pluginId';
import { NormPanel } from './components/NormPanel';

const TRANSLATIONS: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  es: () => import('./translations/es.json'),
  en: () => import('./translations/en.json'),
};

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PaperPlane,
      intlLabel: { id: t('plugin.name'), defaultMessage: 'Difusión' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Difusión' });
  },

  bootstrap(app: any) {
    app.getPlugin('content-manager').apis.addEditViewSidePanel([NormPanel]);
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
