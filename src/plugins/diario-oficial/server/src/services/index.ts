import calendar from './calendar';
import dispatch from './dispatch';
import events from './events';
import files from './files';
import norms from './norms';
import notifications from './notifications';
import requests from './requests';
import worker from './worker';

export default { calendar, dispatch, events, files, norms, notifications, requests, worker };
