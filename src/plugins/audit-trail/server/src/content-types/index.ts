import schema from './event/schema.json';

export default { event: { schema } };
