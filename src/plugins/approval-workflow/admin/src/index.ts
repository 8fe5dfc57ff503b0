// Admin side of the approval workflow: the edit-view panel, the gated Publish button and the inbox page.
import { CheckCircle } from '@strapi/icons';
import { ApprovalPanel } from './components/ApprovalPanel';
import { withApprovalGate } from './components/GatedPublishAction';
import { PLUGIN_ID, t } from './pluginId';

const prefixed = (data: Record<string, string>) => Object.fromEntries(Object.entries(data).map(([key, value]) => [t(key), value]));

export default {
  register(app: any) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: CheckCircle,
      intlLabel: { id: t('plugin.name'), defaultMessage: 'Aprobaciones' },
      permissions: [{ action: 'plugin::approval-workflow.read', subject: null }],
      Component: () => import('./pages/Inbox'),
    });
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
