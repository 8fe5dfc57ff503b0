import ack from './ack';
import circulars from './circulars';

export default { ack, circulars };
