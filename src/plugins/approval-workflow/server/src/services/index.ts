import contentHash from './content-hash';
import notifications from './notifications';
import workflow from './workflow';
import scheduler from './scheduler';
import inbox from './inbox';

export default {
  'content-hash': contentHash,
  notifications,
  workflow,
  scheduler,
  inbox,
};
