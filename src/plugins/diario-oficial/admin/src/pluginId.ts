export const PLUGIN_ID = 'diario-oficial';

/** Translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const PERMISSIONS = {
  read: [{ action: 'plugin::diario-oficial.read', subject: null }],
  record: [{ action: 'plugin::diario-oficial.record', subject: null }],
  cancel: [{ action: 'plugin::diario-oficial.cancel', subject: null }],
};
