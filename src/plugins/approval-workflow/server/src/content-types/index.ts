import stateSchema from './approval-state/schema.json';
import eventSchema from './approval-event/schema.json';

export default {
  'approval-state': { schema: stateSchema },
  'approval-event': { schema: eventSchema },
};
