import changeLog from './change-log';
import feed from './feed';
import status from './status';
import webhooks from './webhooks';

export default { 'change-log': changeLog, feed, status, webhooks };
