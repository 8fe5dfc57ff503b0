// Admin part of the diario-oficial plugin: the "Publicaciones oficiales" page, a side
// panel on the norm's edit view and a home page widget for the roles that keep the queue.
import { File } from '@strapi/icons';
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
      icon: File,
      intlLabel: { id: t('plugin.name'), defaultMessage: 'Publicaciones oficiales' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/App'),
    });
    app.widgets.register({
      id: 'publications-due',
      pluginId: PLUGIN_ID,
      icon: File,
      title: { id: t('widget.title'), defaultMessage: 'Publicaciones por vencer' },
      link: { label: { id: t('widget.link'), defaultMessage: 'Ver todas las solicitudes' }, href: `/plugins/${PLUGIN_ID}` },
      permissions: PERMISSIONS.read,
      component: async () => (await import('./components/HomeWidget')).PublicationsDueWidget,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Publicaciones oficiales' });
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
