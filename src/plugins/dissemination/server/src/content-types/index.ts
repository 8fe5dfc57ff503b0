import circular from './circular/schema.json';
import delivery from './delivery/schema.json';

export default {
  circular: { schema: circular },
  delivery: { schema: delivery },
};
