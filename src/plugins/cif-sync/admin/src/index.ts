// Admin part of cif-sync: a read-only page on the change feed the CIF reads and the
// delivery log of its signed webhooks, for the Gerente (and whoever gets `cif-sync.read`).
import { ArrowsCounterClockwise } from '@strapi/icons';
import { PERMISSIONS, PLUGIN_ID, t } from './pluginId';

const TRANSLATIONS: Record<string, () => Promise<{ default: Record<string, string> }>> = {
  es: () => import('./translations/es.json'),
  en: () => import('./translations/en.json'),
};

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ArrowsCounterClockwise,
      intlLabel: { id: t('plugin.name'), defaultMessage: 'Sincronización CIF' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/App'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Sincronización CIF' });
  },

  bootstrap() {},

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
