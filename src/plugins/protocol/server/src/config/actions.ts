/** Admin permission actions of the plugin (Settings → Roles → Plugins → Protocolo). */
const action = (uid: string, displayName: string, category: string) => ({
  section: 'plugins' as const,
  pluginName: 'protocol',
  uid,
  displayName,
  subCategory: category,
});

export const actions = [
  action('directory.read', 'Ver el directorio protocolar', 'directorio'),
  action('directory.import', 'Importar contactos (CSV)', 'directorio'),
  action('directory.export', 'Exportar contactos (CSV, vCard)', 'directorio'),
  action('directory.verify', 'Marcar contactos como verificados', 'directorio'),
  action('birthdays.read', 'Ver los próximos cumpleaños', 'directorio'),
  action('ceremonies.seating', 'Ver el orden de ubicación de las ceremonias', 'ceremonias'),
  action('ceremonies.notices', 'Ver los avisos de las ceremonias a los órganos municipales', 'ceremonias'),
];
