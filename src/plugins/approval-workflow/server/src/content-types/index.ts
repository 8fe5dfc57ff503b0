import stateSchema from './approval-state/schema.json';

export default {
  'approval-state': { schema: stateSchema },
};
