import changeLog from './change-log';
import changeSignal from './change-signal';
import feed from './feed';
import webhooks from './webhooks';

export default { 'change-log': changeLog, 'change-signal': changeSignal, feed, webhooks };
