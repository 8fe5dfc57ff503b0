export const PLUGIN_ID = 'approval-workflow';

/** Translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

const permission = (action: string) => [{ action: `plugin::${PLUGIN_ID}.${action}`, subject: null }];

export const PERMISSIONS = {
  read: permission('read'),
  submit: permission('submit'),
  review: permission('review'),
};
