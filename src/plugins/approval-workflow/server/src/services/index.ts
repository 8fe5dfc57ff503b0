import contentHash from './content-hash';
import notifications from './notifications';
import workflow from './workflow';
import scheduler from './scheduler';
import inbox from './inbox';
import labels from './labels';
import versions from './versions';
import previewTokens from './preview-tokens';
import preview from './preview';
import previewPage from './preview-page';
import editTracking from './edit-tracking';
import gatedFiles from './gated-files';
import hashFormat from './hash-format';

export default {
  'content-hash': contentHash,
  notifications,
  workflow,
  scheduler,
  inbox,
  labels,
  versions,
  'preview-tokens': previewTokens,
  preview,
  'preview-page': previewPage,
  'edit-tracking': editTracking,
  'gated-files': gatedFiles,
  'hash-format': hashFormat,
};
