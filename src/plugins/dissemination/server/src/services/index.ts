import ackLinks from './ack-links';
import acknowledgments from './acknowledgments';
import audience from './audience';
import bulletin from './bulletin';
import circulars from './circulars';
import content from './content';
import events from './events';
import followUp from './follow-up';
import outbox from './outbox';
import reports from './reports';

export default {
  'ack-links': ackLinks,
  acknowledgments,
  audience,
  bulletin,
  circulars,
  content,
  events,
  'follow-up': followUp,
  outbox,
  reports,
};
