// Admin permission actions, shown under Settings → Roles → Plugins → Difusión.
import { PLUGIN_ID } from '../constants';

const action = (uid: string, displayName: string) => ({ section: 'plugins', pluginName: PLUGIN_ID, uid, displayName });

export default [
  // Circulars name the bodies' staff (personal data): reading them is a permission of its own.
  action('read', 'Ver circulares, destinatarios, acuses pendientes y reportes'),
  action('send', 'Redactar y enviar circulares a los órganos municipales'),
];
