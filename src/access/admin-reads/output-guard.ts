// The admin's output guard: what the content manager returns holds only what
// the role may read, at any depth. Strapi removes the fields of the type a
// request is about; a populated relation comes back whole. Here a relation into
// a type the role cannot read keeps only its ids, and one it can read loses the
// fields the role's permissions on that type withhold (through components too).
import { ADMIN_USER_UID, FILE_UID, type ReadableModel } from './readable-model';

type Entity = Record<string, any>;

const isPlainObject = (value: unknown): value is Entity => typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/** What a relation shows of an entry the role may not read: that it exists, nothing of its content. */
const idsOnly = (entry: Entity) => {
  if (!isPlainObject(entry)) return entry;
  if ('count' in entry && Object.keys(entry).length === 1) return entry;
  const out: Entity = {};
  for (const key of ['id', 'documentId', 'locale', 'publishedAt', 'status']) if (key in entry) out[key] = entry[key];
  return out;
};

export function createOutputGuard(model: ReadableModel) {
  function entity(value: Entity, schemaUid: string, typeUid: string, prefix: string): Entity {
    const schema = model.schema(schemaUid);
    if (!schema || !isPlainObject(value)) return value;
    const out: Entity = {};
    for (const [key, field] of Object.entries(value)) {
      const attribute = schema.attributes[key];
      if (!attribute) {
        out[key] = field; // id, status, counts and other computed keys
        continue;
      }
      if (!model.canReadPath(typeUid, join(prefix, key))) continue;
      out[key] = attributeValue(attribute, field, key, typeUid, prefix);
    }
    return out;
  }

  function attributeValue(attribute: any, field: unknown, key: string, typeUid: string, prefix: string): unknown {
    const each = (fn: (v: Entity) => unknown) => (Array.isArray(field) ? field.map((v) => fn(v)) : isPlainObject(field) ? fn(field) : field);
    switch (attribute.type) {
      case 'component':
        return each((v) => entity(v, attribute.component, typeUid, join(prefix, key)));
      case 'dynamiczone':
        return each((v) => (v.__component ? entity(v, v.__component, typeUid, join(prefix, key)) : v));
      case 'relation': {
        const target = attribute.target as string;
        if (target === ADMIN_USER_UID || target === FILE_UID) return field;
        if (!model.canReadType(target)) return each(idsOnly);
        return each((v) => ('count' in v && Object.keys(v).length === 1 ? v : entity(v, target, target, '')));
      }
      default:
        return field;
    }
  }

  return {
    /** An entry (or a list) of `uid` as the role may read it. */
    sanitize<T>(data: T, uid: string): T {
      if (Array.isArray(data)) return data.map((d) => entity(d, uid, uid, '')) as T;
      return (isPlainObject(data) ? entity(data, uid, uid, '') : data) as T;
    },
  };
}
