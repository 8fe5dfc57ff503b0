// Oracle attacks on the Content API, generated from the schemas. For every public type,
// every path through relations and components (to three relations deep) that ends at a
// type with something hidden (src/access/content-api.ts: back-office types, documents whose
// `isPublic` is false, unpublished edits), and every restricted caller: a filter that
// matches only hidden values must answer exactly like a filter that matches nothing —
// plainly, inside $or and $and, under $not, and in the filters of a populate; and under $not a
// hidden related row must count as no row at all (the "existence" probe). A full-access
// token is the positive control: for it the two answers differ, which proves the path
// really reaches a hidden value (cases it cannot reach are not counted). Sorting through a
// relation to such a type is refused to restricted callers and allowed to the back office.
import { answerOf, sendAll, type Probe } from './support/http';
import { restrictedCallers, trustedCaller, type Caller } from './support/callers';
import { bracket, model, pluralOf, publicTypes, relationPaths, type RelationPath } from './support/schema';
import { seedEveryType, type Seed } from './support/seed';

let seed: Seed;
let callers: Caller[];
let trusted: Caller;

beforeAll(async () => {
  seed = await seedEveryType();
  callers = await restrictedCallers();
  trusted = await trustedCaller();
}, 300_000);

const IMPOSSIBLE = ['zz-no-existe-a', 'zz-no-existe-b'];
const inList = (key: string, values: string[]) => values.map((v, i) => `${key}[$in][${i}]=${encodeURIComponent(v)}`).join('&');

interface Case extends RelationPath {
  attribute: string;
  secrets: string[];
}

/** The cases of one public type: the type itself, and every path from it to a type with secrets. */
function casesOf(root: string): Case[] {
  // A hop into a type restricted callers never read is refused whatever follows: paths stop there.
  const readable = new Set(publicTypes());
  const paths: RelationPath[] = [{ root, segments: [], target: root, hops: 0 }, ...relationPaths(root, 3, { extendPast: (uid) => readable.has(uid) })];
  return paths.flatMap((path) => {
    const target = seed[path.target];
    return target?.probe && target.secrets.length ? [{ ...path, attribute: target.probe, secrets: target.secrets }] : [];
  });
}

type Variant = 'plain' | '$or' | '$and' | '$not' | 'populate' | 'existence';

/** The query of one variant, with `values` as what the filter looks for. */
function queryOf(c: Case, variant: Variant, values: string[]): string | null {
  const leaf = [...c.segments, c.attribute];
  const list = { fields: 'fields[0]=documentId', page: 'pagination[pageSize]=100' };
  switch (variant) {
    case 'plain':
      return [inList(bracket('filters', leaf), values), list.fields, list.page].join('&');
    case '$or':
      return [inList(bracket('filters[$or][0]', leaf), values), 'filters[$or][1][id][$eq]=0', list.fields, list.page].join('&');
    case '$and':
      return [inList(bracket('filters[$and][0]', leaf), values), 'filters[$and][1][id][$notNull]=true', list.fields, list.page].join('&');
    case '$not':
      return [inList(bracket('filters[$not]', leaf), values), list.fields, list.page].join('&');
    case 'existence': {
      // "Has it any related row at all?": under $not, a hidden row must count as no row. The answer
      // is compared with the positive question "has it a related row I may see?" (see `pairOf`).
      if (!c.hops) return null;
      const only = seed[c.root].visible.concat(seed[c.root].hidden).map((id, i) => `filters[$and][1][documentId][$in][${i}]=${id}`).join('&');
      const question = values === IMPOSSIBLE ? inList(bracket('filters[$and][0][$not]', leaf), IMPOSSIBLE) : `${bracket('filters[$and][0]', [...c.segments, 'id'])}[$notNull]=true`;
      return [question, only, list.fields, list.page].join('&');
    }
    case 'populate': {
      const [first, ...rest] = c.segments;
      if (!first || model(c.root).attributes[first]?.type !== 'relation') return null;
      return [inList(bracket(`populate[${first}][filters]`, [...rest, c.attribute]), values), `populate[${first}][fields][0]=documentId`, list.fields, list.page].join('&');
    }
  }
}

const describePath = (c: Case) => `${pluralOf(c.root)}: ${[...c.segments, c.attribute].join('.') || c.attribute}`;

/** Pairs of probes (the secrets, then nothing) whose answers must be equal; returns the cases where they differ. */
async function differing(pairs: Array<{ label: string; path: string; headers: Record<string, string>; secret: string; nothing: string }>) {
  const probes: Probe[] = pairs.flatMap((p) => [
    { path: p.path, query: p.secret, headers: p.headers },
    { path: p.path, query: p.nothing, headers: p.headers },
  ]);
  const answers = await sendAll(probes);
  const failures: string[] = [];
  pairs.forEach((pair, i) => {
    const [withSecret, withNothing] = [answers[2 * i], answers[2 * i + 1]];
    if (withSecret.status >= 500 || withNothing.status >= 500) failures.push(`${pair.label}: ${withSecret.status}/${withNothing.status}`);
    else if (answerOf(withSecret) !== answerOf(withNothing)) failures.push(pair.label);
  });
  return failures;
}

const stats = { reachable: 0, probed: 0, classes: new Set<string>() };

describe.each(publicTypes())('%s', (root) => {
  it('answers a filter on hidden values exactly like a filter on nothing, for every restricted caller, on every path', async () => {
    const cases = casesOf(root);
    const path = `/api/${pluralOf(root)}`;

    // Positive control: the back office sees the hidden values through the path.
    const controls = cases.map((c) => ({
      label: describePath(c),
      path,
      headers: trusted.headers,
      secret: queryOf(c, 'plain', c.secrets)!,
      nothing: queryOf(c, 'plain', IMPOSSIBLE)!,
    }));
    const reachableLabels = new Set(await differing(controls));
    const reachable = cases.filter((c) => reachableLabels.has(describePath(c)));
    stats.reachable += reachable.length;
    for (const c of reachable) {
      const last = c.segments[c.segments.length - 1];
      stats.classes.add(last === 'localizations' ? 'unpublished edit' : publicTypes().includes(c.target) ? (c.hops ? 'hidden document' : 'hidden root') : 'back-office type');
    }

    // Callers differ only in the types they may read: every one of them near the root; deeper, the
    // Public role (reads least), a read-only token (Strapi lets it find everything) and a custom token
    // that was given a back-office type. The grouping operators, which keep the polarity, for the
    // public near the root.
    const pairs = reachable.flatMap((c) => {
      const deep = c.hops >= 2;
      const who = deep ? callers.filter((k) => ['public', 'read-only token', 'other custom token'].includes(k.name)) : callers;
      const variants = (caller: Caller): Variant[] => {
        if (caller.name === 'public') return deep ? ['plain', '$not', 'existence', 'populate'] : ['plain', '$not', 'existence', 'populate', '$or', '$and'];
        if (!deep) return ['plain', '$not', 'existence'];
        return caller.name === 'read-only token' ? ['plain', 'existence'] : ['plain'];
      };
      return who.flatMap((caller) =>
        variants(caller).flatMap((variant) => {
          const secret = queryOf(c, variant, c.secrets);
          const nothing = queryOf(c, variant, IMPOSSIBLE);
          return secret && nothing ? [{ label: `${caller.name} ${variant} ${describePath(c)}`, path, headers: caller.headers, secret, nothing }] : [];
        })
      );
    });
    stats.probed += pairs.length;
    expect(await differing(pairs)).toEqual([]);
  });

  it('refuses to sort through a relation to a type with hidden rows, and lets the back office do it', async () => {
    const path = `/api/${pluralOf(root)}`;
    const sorts = relationPaths(root, 2)
      .filter((p) => seed[p.target]?.probe)
      .map((p) => `sort=${[...p.segments, seed[p.target].probe].join('.')}:asc&fields[0]=documentId`);
    const who = callers.filter((k) => ['public', 'read-only token', 'website token'].includes(k.name));
    const probes: Probe[] = sorts.flatMap((query) => [trusted, ...who].map((caller) => ({ path, query, headers: caller.headers })));
    const answers = await sendAll(probes);
    const failures: string[] = [];
    answers.forEach((res, i) => {
      const { query, headers } = probes[i];
      const isTrusted = headers === trusted.headers;
      if (isTrusted ? res.status !== 200 : !(res.status === 400 && res.body.error.details.code === 'QUERY_NOT_ALLOWED') && res.status !== 403) {
        failures.push(`${isTrusted ? 'full-access' : who.find((k) => k.headers === headers)!.name} ${query}: ${res.status}`);
      }
    });
    expect(failures).toEqual([]);
  });
});

describe('the archive search', () => {
  it('matches nothing for a ceremony the caller may not see, like for one that does not exist', async () => {
    const hidden = seed['api::ceremony.ceremony'].hidden;
    const probe = (ceremony: string, headers: Record<string, string>) => ({ path: '/api/media-archive-items/search', query: `ceremony=${ceremony}`, headers });
    const [control, controlNothing] = await sendAll([probe(hidden, trusted.headers), probe('zzzzzzzzzzzzzzzzzzzzzzzz', trusted.headers)]);
    expect(answerOf(control)).not.toBe(answerOf(controlNothing));
    const readers = callers.filter((c) => ['public', 'website token', 'read-only token'].includes(c.name));
    const answers = await sendAll(readers.flatMap((c) => [probe(hidden, c.headers), probe('zzzzzzzzzzzzzzzzzzzzzzzz', c.headers)]));
    readers.forEach((caller, i) => expect([caller.name, answerOf(answers[2 * i])]).toEqual([caller.name, answerOf(answers[2 * i + 1])]));
  });
});

describe('the probes', () => {
  it('are not vacuous: the back office reaches every kind of hidden value through some path', () => {
    expect([...stats.classes].sort()).toEqual(['back-office type', 'hidden document', 'hidden root', 'unpublished edit']);
    expect(stats.probed).toBeGreaterThan(stats.reachable);
  });
});
