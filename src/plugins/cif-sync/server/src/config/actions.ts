// Admin permission actions (Settings → Roles → Plugins → Sincronización CIF).
import { PLUGIN_ID } from '../constants';

export const actions = [{ section: 'plugins' as const, pluginName: PLUGIN_ID, uid: 'read', displayName: 'Ver el estado de la sincronización con el CIF' }];

export const PERMISSIONS = { read: `plugin::${PLUGIN_ID}.read` } as const;
