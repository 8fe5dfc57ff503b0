// Cases generated from the content-type schemas and the roles' permissions as
// Strapi holds them: for a role, every path (a field of a type it reads, or a
// field of a type reached through relations and components) that it may not
// read. The ground truth is Strapi's own CASL ability, not the code under test.
import { app } from './support';

export const CM_READ = 'plugin::content-manager.explorer.read';
const NON_SCALAR = ['relation', 'component', 'dynamiczone', 'media'];
/** Types the oracles can compare with $eq / $ne (JSON and rich blocks cannot be compared). */
const COMPARABLE = ['string', 'text', 'richtext', 'email', 'uid', 'enumeration', 'integer', 'biginteger', 'float', 'decimal', 'date', 'datetime', 'time', 'boolean'];
export const TEXT = ['string', 'text', 'richtext', 'email', 'uid', 'enumeration'];
const SYSTEM = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'createdBy', 'updatedBy', 'localizations'];

type Ability = { can: (action: string, subject: string, field?: string) => boolean };

export const contentTypeUids = () => Object.keys(app().contentTypes).filter((uid) => uid.startsWith('api::'));
const attributesOf = (uid: string): Record<string, any> => (app().getModel(uid as any) as any).attributes;

export interface Hop {
  /** The attribute name in the schema it belongs to. */
  key: string;
  /** A relation (into another type) or a component (same type's permissions). */
  kind: 'relation' | 'component';
  target: string;
}

export interface UnreadableCase {
  role: string;
  root: string;
  /** Relations and components walked from the root, then the leaf field. */
  hops: Hop[];
  leaf: string;
  leafType: string;
  /** The type whose permissions decide the leaf, and the leaf's path within it. */
  owner: string;
  ownerPath: string;
  path: string;
}

const readsPath = (ability: Ability, uid: string, path: string) => ability.can(CM_READ, uid, path);

/** Every unreadable comparable leaf reachable from each type the role reads, up to `maxHops` relations deep. */
export function unreadablePaths(role: string, ability: Ability, maxHops = 2): UnreadableCase[] {
  const cases: UnreadableCase[] = [];
  const walk = (root: string, schemaUid: string, owner: string, prefix: string, hops: Hop[], relations: number, reachable: boolean) => {
    for (const [key, attribute] of Object.entries(attributesOf(schemaUid))) {
      if (SYSTEM.includes(key)) continue;
      const ownerPath = prefix ? `${prefix}.${key}` : key;
      const readable = reachable && ability.can(CM_READ, owner) && readsPath(ability, owner, ownerPath);
      if (relations > 0 && !reachable && hops.length > maxHops) continue;
      if (!NON_SCALAR.includes(attribute.type)) {
        if (!readable && COMPARABLE.includes(attribute.type) && attribute.private !== true) {
          cases.push({ role, root, hops, leaf: key, leafType: attribute.type, owner, ownerPath, path: [...hops.map((h) => h.key), key].join('.') });
        }
        continue;
      }
      if (attribute.type === 'component') {
        // Field permissions list a component's own fields ("consent.evidence"), not the component.
        walk(root, attribute.component, owner, ownerPath, [...hops, { key, kind: 'component', target: attribute.component }], relations, reachable);
      } else if (attribute.type === 'relation' && attribute.target.startsWith('api::') && relations < maxHops) {
        // Past a relation the role may follow, the target's own permissions decide; past one it may not, nothing is readable.
        walk(root, attribute.target, attribute.target, '', [...hops, { key, kind: 'relation', target: attribute.target }], relations + 1, readable);
      }
    }
  };
  for (const root of contentTypeUids()) if (ability.can(CM_READ, root)) walk(root, root, root, '', [], 0, true);
  return cases;
}

/** Relation fields (top level and in components) of every type: the relation pickers to try. */
export function relationFields() {
  const fields: Array<{ source: string; field: string; target: string; component: boolean; owner: string; ownerPath: string }> = [];
  for (const uid of contentTypeUids()) {
    for (const [key, attribute] of Object.entries(attributesOf(uid))) {
      if (key === 'localizations') continue;
      if (attribute.type === 'relation' && attribute.target.startsWith('api::')) fields.push({ source: uid, field: key, target: attribute.target, component: false, owner: uid, ownerPath: key });
      if (attribute.type === 'component') {
        for (const [inner, a] of Object.entries(attributesOf(attribute.component))) {
          if (a.type === 'relation' && a.target.startsWith('api::')) {
            fields.push({ source: attribute.component, field: inner, target: a.target, component: true, owner: uid, ownerPath: `${key}.${inner}` });
          }
        }
      }
    }
  }
  return fields;
}

/** Text fields of a type the role reads (where a `_q` hit would be legitimate). */
export const readableText = (ability: Ability, uid: string) =>
  Object.entries(attributesOf(uid))
    .filter(([key, a]) => TEXT.includes(a.type) && ability.can(CM_READ, uid, key))
    .map(([key]) => key);

export const isLocalized = (uid: string) => Boolean((app().getModel(uid as any) as any).pluginOptions?.i18n?.localized);
export const hasDraftAndPublish = (uid: string) => Boolean((app().getModel(uid as any) as any).options?.draftAndPublish);
