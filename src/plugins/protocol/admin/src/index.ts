// Admin part of the protocol plugin: the "Directorio protocolar" page (directory, import,
// export, birthdays), the printable seating list, two side panels on the ceremony's edit
// view (seating order, notices to the bodies) and home page widgets for Protocolo.
import { Calendar, Crown } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS, PLUGIN_ID, t } from './pluginId';
import { NoticesPanel } from './components/NoticesPanel';
import { PluginIcon } from './components/PluginIcon';
import { SeatingPanel } from './components/SeatingPanel';

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
      permissions: PERMISSIONS.readDirectory,
      Component: () => import('./pages/App'),
    });
    app.widgets.register([
      {
        id: 'to-verify',
        pluginId: PLUGIN_ID,
        icon: Crown,
        title: { id: t('widget.toVerify.title'), defaultMessage: 'Contactos por verificar' },
        link: { label: { id: t('widget.toVerify.open'), defaultMessage: 'Abrir el directorio' }, href: `/plugins/${PLUGIN_ID}` },
        permissions: PERMISSIONS.readDirectory,
        component: async () => (await import('./components/HomeWidgets')).ToVerifyWidget,
      },
      {
        id: 'birthdays',
        pluginId: PLUGIN_ID,
        icon: Calendar,
        title: { id: t('birthdays.title'), defaultMessage: 'Cumpleaños de los próximos 14 días' },
        permissions: PERMISSIONS.readBirthdays,
        component: async () => (await import('./components/HomeWidgets')).BirthdaysWidget,
      },
    ] as any);
    app.registerPlugin({ id: PLUGIN_ID, name: 'Protocolo' });
  },

  bootstrap(app: StrapiApp) {
    (app.getPlugin('content-manager').apis as any).addEditViewSidePanel([SeatingPanel, NoticesPanel]);
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
