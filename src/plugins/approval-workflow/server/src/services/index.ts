import contentHash from './content-hash';
import auditTrail from './audit-trail';
import notifications from './notifications';
import workflow from './workflow';
import scheduler from './scheduler';
import inbox from './inbox';

export default {
  'content-hash': contentHash,
  'audit-trail': auditTrail,
  notifications,
  workflow,
  scheduler,
  inbox,
};
