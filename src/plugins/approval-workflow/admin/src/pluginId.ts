export const PLUGIN_ID = 'approval-workflow';

/** Translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;
