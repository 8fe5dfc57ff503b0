export const PLUGIN_ID = 'diario-oficial';
export const READ_PERMISSION = [{ action: 'plugin::diario-oficial.read', subject: null }];
