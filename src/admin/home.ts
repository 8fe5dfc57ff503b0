// The home page shows each role what waits for it: the widgets the office's
// plugins register (each behind its own permission, so a role sees only its
// own), then the user's last edited entries and profile. Strapi's generic
// widgets (project statistics, entries chart, last published, releases) are left out.
import type { StrapiApp } from '@strapi/strapi/admin';

/** Plugins whose widgets come first, in this order. */
export const OFFICE_PLUGINS = ['approval-workflow', 'diario-oficial', 'protocol', 'media-archive', 'cif-sync'];
/** Strapi's own widgets that stay, after the office's. */
const KEPT = ['content-manager.last-edited-entries', 'admin.profile-info'];

interface WidgetArgs {
  id: string;
  pluginId?: string;
}

export function officeHomeWidgets(app: StrapiApp) {
  app.widgets.register(((widgets: WidgetArgs[]) => {
    const rank = (w: WidgetArgs) => OFFICE_PLUGINS.indexOf(w.pluginId ?? '');
    const office = widgets.filter((w) => rank(w) >= 0).sort((a, b) => rank(a) - rank(b));
    const kept = KEPT.flatMap((key) => widgets.filter((w) => `${w.pluginId}.${w.id}` === key));
    return [...office, ...kept];
  }) as any);
}
