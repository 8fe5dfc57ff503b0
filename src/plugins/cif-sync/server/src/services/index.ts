import changeLog from './change-log';
import feed from './feed';
import webhooks from './webhooks';

export default { 'change-log': changeLog, feed, webhooks };
