export const PLUGIN_ID = 'cif-sync';

/** Translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

export const PERMISSIONS = { read: [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }] };
