// Field permissions hold for search, sort, filters, fields and populate in the
// admin, at any depth, for every role: the cases are generated from the schemas
// and from each role's permissions as Strapi holds them (tests/security/admin/
// generators.ts). For every field a role may not read — of a type it reads, or
// of a type it reaches through relations and components — the content manager's
// answer must not depend on it (filters with $eq and $ne give the same rows,
// sort ascending and descending the same order, `_q` does not find by it) and
// must not contain it (fields, populate). Relation pickers answer a role that
// may not read the source field or the target type with 403 RELATION_FORBIDDEN,
// malformed picker queries with a 400, never a 500.
import qs from 'qs';
import { abilityOf, adminAuth, app, http, roleCodes } from './support';
import { contentTypeUids, hasDraftAndPublish, isLocalized, readableText, relationFields, TEXT, unreadablePaths, type UnreadableCase } from './generators';
import { buildWorld, valuesAt, type World } from './world';

let world: World;
const abilities: Record<string, any> = {};
const cases: UnreadableCase[] = [];

const list = async (role: string, uid: string, query: Record<string, unknown>) => {
  const res = await http()
    .get(`/content-manager/collection-types/${uid}?${qs.stringify({ pageSize: 100, ...(isLocalized(uid) ? { locale: 'es-PE' } : {}), ...query }, { encodeValuesOnly: true })}`)
    .set(await adminAuth(role));
  if (res.status !== 200) throw new Error(`${role} ${uid} ${JSON.stringify(query)}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body.results as Array<Record<string, any>>;
};

const nest = (keys: string[], leaf: unknown) => keys.reduceRight<any>((acc, key) => ({ [key]: acc }), leaf);
const asQueryValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
const ids = (rows: Array<Record<string, any>>): string[] => rows.map((r) => r.documentId);

beforeAll(async () => {
  world = await buildWorld();
  for (const role of roleCodes()) {
    abilities[role] = await abilityOf(role);
    cases.push(...unreadablePaths(role, abilities[role]));
  }
}, 120_000);

it('generates cases for every role with a restriction, at every depth', () => {
  // Every role but the Gerente's (which reads everything) withholds something from its users.
  for (const role of roleCodes().filter((r) => r !== 'gerente-comunicaciones')) expect([role, cases.some((c) => c.role === role)]).toEqual([role, true]);
  console.log(`admin read cases: ${cases.length} (${roleCodes().map((r) => `${r} ${cases.filter((c) => c.role === r).length}`).join(', ')})`);
  expect(cases.some((c) => c.hops.length === 0)).toBe(true);
  expect(cases.some((c) => c.hops.filter((h) => h.kind === 'relation').length === 2)).toBe(true);
  expect(cases.some((c) => c.hops.some((h) => h.kind === 'component'))).toBe(true);
});

/** The cases of one role on one root type: batched into few requests, checked one by one only on failure. */
const groups = () => {
  const out = new Map<string, UnreadableCase[]>();
  for (const c of cases) out.set(`${c.role}|${c.root}`, [...(out.get(`${c.role}|${c.root}`) ?? []), c]);
  return [...out.values()];
};

const valueCache = new Map<string, unknown>();
async function valueOf(c: UnreadableCase, letter: 'A' | 'B') {
  const key = `${c.root}|${c.path}|${letter}`;
  if (!valueCache.has(key)) valueCache.set(key, (await valuesAt(c.root, world[c.root][letter].documentId, c.path.split('.')))[0] ?? null);
  return valueCache.get(key);
}

const scopeOf = (c: UnreadableCase) => ({ documentId: { $in: [world[c.root].A.documentId, world[c.root].B.documentId] } });

/** $eq / $ne on A's value (or $null / $notNull): if either were applied, A or B would drop out. */
async function filterPair(c: UnreadableCase) {
  const value = await valueOf(c, 'A');
  const keys = c.path.split('.');
  return value === null ? [nest(keys, { $null: true }), nest(keys, { $notNull: true })] : [nest(keys, { $eq: asQueryValue(value) }), nest(keys, { $ne: asQueryValue(value) })];
}

async function filtersHold(group: UnreadableCase[]) {
  const pairs = await Promise.all(group.map(filterPair));
  const [first] = group;
  const both = (rows: string[]) => rows.includes(world[first.root].A.documentId) && rows.includes(world[first.root].B.documentId);
  const hit = ids(await list(first.role, first.root, { filters: { $and: [scopeOf(first), ...pairs.map((p) => p[0])] } }));
  const miss = ids(await list(first.role, first.root, { filters: { $and: [scopeOf(first), ...pairs.map((p) => p[1])] } }));
  return both(hit) && both(miss);
}

async function sortHolds(group: UnreadableCase[]) {
  const [first] = group;
  const sortable: UnreadableCase[] = [];
  for (const c of group) {
    const [a, b] = [await valueOf(c, 'A'), await valueOf(c, 'B')];
    if (a !== b && a !== null && b !== null) sortable.push(c);
  }
  if (!sortable.length) return true;
  const asc = ids(await list(first.role, first.root, { filters: scopeOf(first), sort: sortable.map((c) => `${c.path}:asc`) }));
  const desc = ids(await list(first.role, first.root, { filters: scopeOf(first), sort: sortable.map((c) => `${c.path}:desc`) }));
  return asc.join() === desc.join();
}

async function searchHolds(group: UnreadableCase[]) {
  for (const c of group) {
    const value = await valueOf(c, 'A');
    if (c.hops.length || !TEXT.includes(c.leafType) || typeof value !== 'string' || value.length < 4) continue;
    const row: any = await app().db.query(c.root as any).findOne({ where: { documentId: world[c.root].A.documentId } });
    if (readableText(abilities[c.role], c.root).some((f) => String(row[f] ?? '').includes(value))) continue;
    if (ids(await list(c.role, c.root, { filters: scopeOf(c), _q: value })).includes(world[c.root].A.documentId)) return false;
  }
  return true;
}

/** One request per relation path of the group, asking for every hidden leaf under it. */
async function outputHolds(group: UnreadableCase[]) {
  const [first] = group;
  const byParent = new Map<string, UnreadableCase[]>();
  for (const c of group) {
    const parent = c.path.split('.').slice(0, -1).join('.');
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  for (const [parent, leaves] of byParent) {
    const parents = parent ? parent.split('.') : [];
    const fields = [...new Set(leaves.map((c) => c.leaf))];
    const query = parents.length ? { populate: nest(parents.flatMap((k, i) => (i ? ['populate', k] : [k])), { fields }) } : { fields };
    const rows = await list(first.role, first.root, { filters: scopeOf(first), ...query });
    const reached = rows.flatMap((row) => parents.reduce<any[]>((vs, k) => vs.flatMap((v) => (v == null ? [] : Array.isArray(v[k]) ? v[k] : [v[k]])), [row]));
    if (reached.some((v) => v && typeof v === 'object' && fields.some((f) => f in v))) return false;
  }
  return true;
}

const CHECKS: Record<string, (group: UnreadableCase[]) => Promise<boolean>> = {
  filters: filtersHold,
  sort: sortHolds,
  _q: searchHolds,
  'fields and populate': outputHolds,
};

describe.each(Object.keys(CHECKS))('%s', (param) => {
  it('never depends on, nor shows, a field the role may not read', async () => {
    const failures: string[] = [];
    for (const group of groups()) {
      if (await CHECKS[param](group)) continue;
      // Which ones: each case on its own.
      for (const c of group) if (!(await CHECKS[param]([c]))) failures.push(`${c.role} ${c.root} ${c.path}`);
      if (!failures.length) failures.push(`${group[0].role} ${group[0].root} (together)`);
    }
    expect(failures).toEqual([]);
  }, 240_000);
});

describe('relation pickers', () => {
  it('answer 403 RELATION_FORBIDDEN to a role that may not read the source field or the target type, 200 otherwise, never 500', async () => {
    const failures: string[] = [];
    for (const role of roleCodes()) {
      const ability = abilities[role];
      for (const f of relationFields()) {
        // A component's picker does not say which document it is for: only the target type decides there.
        const readsSource = f.component || (ability.can('plugin::content-manager.explorer.read', f.owner) && ability.can('plugin::content-manager.explorer.read', f.owner, f.ownerPath));
        const allowed = readsSource && ability.can('plugin::content-manager.explorer.read', f.target);
        const query = isLocalized(f.owner) ? { locale: 'es-PE' } : {};
        const res = await http().get(`/content-manager/relations/${f.source}/${f.field}`).query(query).set(await adminAuth(role));
        const ok = allowed ? res.status === 200 : res.status === 403 && res.body.error?.details?.code === 'RELATION_FORBIDDEN';
        if (!ok) {
          failures.push(`${role} ${f.source}.${f.field} → ${res.status} ${res.body.error?.details?.code ?? ''}`);
        }
        if (!f.component && allowed) {
          const existing = await http()
            .get(`/content-manager/relations/${f.source}/${world[f.source].A.documentId}/${f.field}`)
            .query(query)
            .set(await adminAuth(role));
          if (existing.status !== 200) failures.push(`${role} existing ${f.source}.${f.field} → ${existing.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('never return, filter or sort by a field of the target the role may not read', async () => {
    const failures: string[] = [];
    for (const role of roleCodes()) {
      const ability = abilities[role];
      for (const f of relationFields().filter((r) => !r.component)) {
        if (!ability.can('plugin::content-manager.explorer.read', f.owner, f.ownerPath) || !ability.can('plugin::content-manager.explorer.read', f.target)) continue;
        const hidden = unreadablePaths(role, ability, 0).filter((c) => c.root === f.target && c.hops.length === 0);
        for (const c of hidden) {
          const [value] = await valuesAt(f.target, world[f.target].A.documentId, [c.leaf]);
          const base = { ...(isLocalized(f.owner) ? { locale: 'es-PE' } : {}), pageSize: 100 };
          const picker = (extra: object) =>
            adminAuth(role).then((auth) => http().get(`/content-manager/relations/${f.source}/${f.field}?${qs.stringify({ ...base, ...extra }, { encodeValuesOnly: true })}`).set(auth));
          const shown = await picker({ fields: [c.leaf] });
          if (shown.status !== 200 || shown.body.results.some((r: any) => c.leaf in r)) failures.push(`${role} ${f.source}.${f.field} fields=${c.leaf}: ${shown.status}`);
          if (value == null) continue;
          const hit = await picker({ filters: { [c.leaf]: { $eq: asQueryValue(value) } } });
          const miss = await picker({ filters: { [c.leaf]: { $ne: asQueryValue(value) } } });
          if (ids(hit.body.results ?? []).sort().join() !== ids(miss.body.results ?? []).sort().join()) failures.push(`${role} ${f.source}.${f.field} filters ${c.leaf}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answer malformed queries with a coded 400, not a 500', async () => {
    const failures: string[] = [];
    const malformed = [{ fields: ['noExiste'] }, { sort: 'noExiste:asc' }, { sort: 'title:sideways' }, { filters: { noExiste: { $eq: 1 } } }, { filters: { $or: 'x' } }, { populate: { noExiste: true } }];
    for (const f of relationFields().filter((r) => !r.component)) {
      for (const query of malformed) {
        const res = await http()
          .get(`/content-manager/relations/${f.source}/${f.field}?${qs.stringify(query, { encodeValuesOnly: true })}`)
          .set(await adminAuth('gerente-comunicaciones'));
        if (res.status >= 500 || (res.status >= 400 && !res.body.error?.details?.code)) failures.push(`${f.source}.${f.field} ${JSON.stringify(query)} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

it('the Redactor still searches, sorts and filters by what it reads', async () => {
  const contact = 'api::protocol-contact.protocol-contact';
  const a: any = await app().db.query(contact).findOne({ where: { documentId: world[contact].A.documentId } });
  expect(ids(await list('redactor', contact, { _q: a.familyName }))).toContain(a.documentId);
  expect(ids(await list('redactor', contact, { filters: { givenName: { $eq: a.givenName } }, sort: 'familyName:desc' }))).toContain(a.documentId);
  const ceremony = 'api::ceremony.ceremony';
  expect(ids(await list('redactor', ceremony, { filters: { host: { familyName: { $eq: a.familyName } } } }))).toContain(world[ceremony].A.documentId);
  expect(contentTypeUids().every((uid) => !hasDraftAndPublish(uid) || world[uid].A.documentId)).toBe(true);
});
