import contentHash from './content-hash';
import notifications from './notifications';
import workflow from './workflow';
import scheduler from './scheduler';
import inbox from './inbox';
import editTracking from './edit-tracking';
import gatedFiles from './gated-files';
import hashFormat from './hash-format';

export default {
  'content-hash': contentHash,
  notifications,
  workflow,
  scheduler,
  inbox,
  'edit-tracking': editTracking,
  'gated-files': gatedFiles,
  'hash-format': hashFormat,
};
