import change from './change/schema.json';
import delivery from './delivery/schema.json';

export default {
  change: { schema: change },
  delivery: { schema: delivery },
};
