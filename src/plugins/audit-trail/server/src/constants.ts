export const PLUGIN_ID = 'audit-trail';
export const EVENT_UID = 'plugin::audit-trail.event' as const;
