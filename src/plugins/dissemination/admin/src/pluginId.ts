export const PLUGIN_ID = 'dissemination';

/** Translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const PERMISSIONS = {
  read: [{ action: 'plugin::dissemination.read', subject: null }],
  send: [{ action: 'plugin::dissemination.send', subject: null }],
};
