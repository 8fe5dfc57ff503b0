// Admin permission actions of the plugin, shown under Roles → Plugins → Aprobaciones.
export const actions = [
  { uid: 'read', displayName: 'Ver el estado y el historial de aprobación', pluginName: 'approval-workflow', section: 'plugins' },
  { uid: 'submit', displayName: 'Enviar a aprobación y retirar el envío', pluginName: 'approval-workflow', section: 'plugins' },
  { uid: 'review', displayName: 'Aprobar, pedir cambios y retirar publicaciones', pluginName: 'approval-workflow', section: 'plugins' },
];
