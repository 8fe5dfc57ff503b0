// The archive's admin part. Its server side is src/archive (admin routes in src/archive/admin.ts);
// laid out as a plugin's admin/src so that it moves unchanged into the media-archive plugin.
export const PLUGIN_ID = 'media-archive';
export const ARCHIVE_UID = 'api::media-archive-item.media-archive-item';

/** Translation key of this part. */
export const t = (key: string) => `${PLUGIN_ID}.${key}`;

/** The content manager's own permissions on archive items decide who sees what. */
export const PERMISSIONS = {
  read: [{ action: 'plugin::content-manager.explorer.read', subject: ARCHIVE_UID }],
  create: [{ action: 'plugin::content-manager.explorer.create', subject: ARCHIVE_UID }],
};
