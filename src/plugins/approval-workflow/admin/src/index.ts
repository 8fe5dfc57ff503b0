// Admin side of the approval workflow: the edit-view panel, the gated Publish button and the inbox page.
import { CheckCircle, Pencil } from '@strapi/icons';
import { ApprovalPanel } from './components/ApprovalPanel';
import { withApprovalGate } from './components/GatedPublishAction';
import { PERMISSIONS, PLUGIN_ID, t } from './pluginId';

const prefixed = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([key, value]) => [t(key), value]));

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: CheckCircle,
      intlLabel: { id: t('plugin.name'), defaultMessage: 'Aprobaciones' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/App'),
    });
    app.widgets.register([
      {
        id: 'in-review',
        pluginId: PLUGIN_ID,
        icon: CheckCircle,
        title: { id: t('widget.in-review.title'), defaultMessage: 'Esperan su aprobación' },
        link: { label: { id: t('widget.open'), defaultMessage: 'Abrir la bandeja' }, href: `/plugins/${PLUGIN_ID}` },
        permissions: PERMISSIONS.review,
        component: async () => (await import('./components/HomeWidgets')).InReviewWidget,
      },
      {
        id: 'changes-requested',
        pluginId: PLUGIN_ID,
        icon: Pencil,
        title: { id: t('widget.changes-requested.title'), defaultMessage: 'Devueltos con cambios' },
        permissions: PERMISSIONS.submit,
        component: async () => (await import('./components/HomeWidgets')).ChangesRequestedWidget,
      },
    ]);
    app.registerPlugin({ id: PLUGIN_ID, name: 'Aprobaciones' });
  },

  bootstrap(app: any) {
    const contentManager = app.getPlugin('content-manager').apis;
    contentManager.addEditViewSidePanel([ApprovalPanel]);
    contentManager.addDocumentAction((actions: any[]) => actions.map((action) => (action.type === 'publish' ? withApprovalGate(action) : action)));
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixed(data), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};
