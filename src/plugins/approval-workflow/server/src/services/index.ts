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
};
