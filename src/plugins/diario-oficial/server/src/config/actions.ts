// Admin permission actions, shown under Settings → Roles → Plugins.
import { PLUGIN_ID } from '../constants';

const action = (uid: string, displayName: string) => ({ section: 'plugins', pluginName: PLUGIN_ID, uid, displayName });

export default [
  action('read', 'Ver solicitudes de publicación'),
  action('create', 'Encolar normas para publicación'),
  action('record', 'Registrar envío, cotización, pago, programación, publicación y rechazo; reintentar'),
  action('cancel', 'Cancelar solicitudes de publicación'),
];
