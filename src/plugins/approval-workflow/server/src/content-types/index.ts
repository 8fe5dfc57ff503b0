import stateSchema from './approval-state/schema.json';
import versionSchema from './version/schema.json';

export default {
  'approval-state': { schema: stateSchema },
  version: { schema: versionSchema },
};
