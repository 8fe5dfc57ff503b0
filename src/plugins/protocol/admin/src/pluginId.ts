export const PLUGIN_ID = 'protocol';

/** Translation key of this plugin. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

const permission = (action: string) => [{ action: `plugin::${PLUGIN_ID}.${action}`, subject: null }];

export const PERMISSIONS = {
  readDirectory: permission('directory.read'),
  readBirthdays: permission('birthdays.read'),
  readSeating: permission('ceremonies.seating'),
  readNotices: permission('ceremonies.notices'),
};
