import request from './request';
import requestEvent from './request-event';

export default { request, 'request-event': requestEvent };
