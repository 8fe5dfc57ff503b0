import changeLog from './change-log';
import changeSignal from './change-signal';
import feed from './feed';
import status from './status';
import webhooks from './webhooks';

export default { 'change-log': changeLog, 'change-signal': changeSignal, feed, status, webhooks };
