// Documents for the attack suites, made from the schemas: for every content type two
// visible documents and one hidden one, every value a unique marker, and every relation
// (components' too) linking visible documents to hidden ones, so that any path a query
// can take from a public document ends, somewhere, at something its caller may not see.
//
// What is hidden, per type (the secrets a restricted caller must never confirm):
// - a type no restricted caller reads (protocol contacts, institutions…): all of it;
// - a type with the visibility flag: the published document whose flag is false;
// - a type with draft and publish: the unpublished edit of a published document.
import crypto from 'crypto';
import { app } from '../../helpers/app';
import { publishDraft, uploadTestImage } from '../../helpers/fixtures';
import { VISIBILITY_FLAG, contentTypes, hasDraftAndPublish, isFlagged, model, probeAttribute, publicTypes, type Attribute } from './schema';

export interface SeededType {
  uid: string;
  /** documentIds: two visible (where the type has visible documents at all), one hidden. */
  visible: [string, string];
  hidden: string;
  /** The attribute probes filter on, and the values of it no restricted caller may confirm. */
  probe: string | null;
  secrets: string[];
}

export type Seed = Record<string, SeededType>;

const marker = (label: string) => `sec${label}${crypto.randomBytes(4).toString('hex')}`;

async function valueFor(name: string, attribute: Attribute, mark: string, required: boolean): Promise<unknown> {
  switch (attribute.type) {
    case 'string':
      return attribute.regex ? undefined : mark;
    case 'text':
    case 'richtext':
      return mark;
    case 'uid':
      return mark;
    case 'email':
      return `${mark}@seguridad.test`;
    case 'enumeration':
      return attribute.enum[0];
    case 'integer':
    case 'biginteger':
      return 1;
    case 'decimal':
    case 'float':
      return 1.5;
    case 'boolean':
      return false;
    case 'date':
      return /(to|end|until)/i.test(name) ? '2026-12-31' : '2026-01-15';
    case 'datetime':
      return /(end|until)/i.test(name) ? '2026-06-01T18:00:00.000Z' : '2026-06-01T15:00:00.000Z';
    case 'time':
      return /end/i.test(name) ? '11:00:00.000' : '10:00:00.000';
    case 'json':
      return name === 'tags' ? [mark] : undefined;
    case 'blocks':
      return [{ type: 'paragraph', children: [{ type: 'text', text: mark }] }];
    case 'media': {
      if (!required) return undefined;
      const file = await uploadTestImage(`#${crypto.randomBytes(3).toString('hex')}`);
      return attribute.multiple ? [file.id] : file.id;
    }
    case 'component': {
      const data = await dataFor(attribute.component, mark, {});
      return attribute.repeatable ? [data] : data;
    }
    default:
      return undefined;
  }
}

/** Every attribute a schema lets us fill without a relation, from the marker. */
async function dataFor(uid: string, mark: string, extra: Record<string, unknown>) {
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(model(uid).attributes)) {
    if (attribute.type === 'relation' || attribute.writable === false || ['createdAt', 'updatedAt', 'publishedAt'].includes(name)) continue;
    const value = await valueFor(name, attribute, mark, Boolean(attribute.required));
    if (value !== undefined) data[name] = value;
  }
  return { ...data, ...extra };
}

const isToMany = (attribute: Attribute) => /ToMany$/.test(attribute.relation);
const isOwner = (attribute: Attribute) => attribute.type === 'relation' && !attribute.mappedBy && String(attribute.target).startsWith('api::');

/**
 * The relations of one document: to-many → [first visible, hidden] of the target;
 * to-one → the first visible document points to a hidden one, the others to the first visible.
 */
function relationsFor(uid: string, role: 'v1' | 'v2' | 'hidden', seed: Seed): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(model(uid).attributes)) {
    if (isOwner(attribute) && name !== 'localizations') {
      const target = seed[attribute.target];
      if (target) data[name] = isToMany(attribute) ? [target.visible[0], target.hidden] : role === 'v1' ? target.hidden : target.visible[0];
    }
    if (attribute.type === 'component') {
      const component = model(attribute.component);
      const links = relationsFor(attribute.component, role, seed);
      if (Object.keys(links).length && Object.values(component.attributes).some(isOwner)) data[name] = links;
    }
  }
  return data;
}

/** Components with relations are rewritten whole: their other required fields come back from the marker. */
async function withComponentData(uid: string, links: Record<string, unknown>, mark: string) {
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(links)) {
    const attribute = model(uid).attributes[name];
    if (attribute.type !== 'component') data[name] = value;
    else {
      const full = await dataFor(attribute.component, mark, value as Record<string, unknown>);
      data[name] = attribute.repeatable ? [full] : full;
    }
  }
  return data;
}

/** Makes the documents of every project type, links them, publishes what has to be, and edits drafts. */
export async function seedEveryType(): Promise<Seed> {
  const seed: Seed = {};
  const readable = new Set(publicTypes());
  const types = contentTypes().map((ct) => ct.uid);
  const marks: Record<string, Record<'v1' | 'v2' | 'hidden', string>> = {};

  for (const uid of types) {
    const documents = app().documents(uid as any);
    const m = { v1: marker('v'), v2: marker('w'), hidden: marker('h') };
    marks[uid] = m;
    const flag = (visible: boolean) => (isFlagged(uid) ? { [VISIBILITY_FLAG]: visible } : {});
    const create = async (mark: string, visible: boolean) =>
      (await documents.create({ data: await dataFor(uid, mark, flag(visible)) } as any)).documentId as string;
    const v1 = await create(m.v1, true);
    const v2 = await create(m.v2, true);
    const hidden = await create(m.hidden, false);
    seed[uid] = { uid, visible: [v1, v2], hidden, probe: probeAttribute(uid), secrets: [] };
  }

  for (const uid of types) {
    const documents = app().documents(uid as any);
    const { visible, hidden } = seed[uid];
    for (const [role, documentId] of [['v1', visible[0]], ['v2', visible[1]], ['hidden', hidden]] as const) {
      const links = relationsFor(uid, role, seed);
      if (Object.keys(links).length) {
        await documents.update({ documentId, data: await withComponentData(uid, links, marks[uid][role]) } as any);
      }
    }
  }

  // Published twice: the second time links each published document to the targets published after it.
  const publishable = types.filter(hasDraftAndPublish);
  for (let pass = 0; pass < 2; pass += 1) {
    for (const uid of publishable) {
      const { visible, hidden } = seed[uid];
      // A flagged type's hidden document is published (only the flag hides it); another's stays a draft.
      for (const documentId of isFlagged(uid) ? [...visible, hidden] : visible) await publishDraft(uid, documentId);
    }
  }

  for (const uid of types) {
    const entry = seed[uid];
    const m = marks[uid];
    if (!entry.probe) continue;
    if (!readable.has(uid)) entry.secrets.push(m.v1, m.v2, m.hidden);
    else if (isFlagged(uid)) entry.secrets.push(m.hidden);
    if (readable.has(uid) && hasDraftAndPublish(uid)) {
      // Work after publication, not approved: only the draft carries it.
      const edit = `${m.v1}draft`;
      await app().documents(uid as any).update({ documentId: entry.visible[0], data: { [entry.probe]: edit } } as any);
      entry.secrets.push(edit);
    }
  }
  return seed;
}
