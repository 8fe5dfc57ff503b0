export const PLUGIN_ID = 'protocol';

/** Translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;
