// Components that stay back office inside public documents (src/access/content-api.ts,
// BACK_OFFICE_COMPONENTS: a ceremony's guest list). Generated from the schemas: every path
// from a public type, through public relations and components, to such a component, and every
// restricted caller. Populating it (by name, by `*`, nested) leaves it out, and filtering or
// sorting by its fields is refused, so that no answer depends on it. The full-access token is
// the positive control: for it the same populate returns the guest list, which proves the
// path reaches data. And the rule that finds them: a component reachable from a public type
// that links to a type restricted callers never read describes hidden people, so it is listed.
import { http } from '../helpers/app';
import { fixtures, publishedDocument, uploadTestImage } from '../helpers/fixtures';
import { restrictedCallers, trustedCaller, type Caller } from './support/callers';
import { model, pluralOf, publicTypes, type Attribute } from './support/schema';

const { BACK_OFFICE_COMPONENTS } = require('../../dist/src/access/content-api') as { BACK_OFFICE_COMPONENTS: string[] };

const NOTE = 'nota-de-protocolo-reservada';
let callers: Caller[];
let trusted: Caller;

interface ComponentPath {
  root: string;
  /** Attribute names from the root to the back-office component attribute (included). */
  segments: string[];
  component: string;
}

/** Every path from `root` to a back-office component: through components and up to two public relations. */
function componentPaths(root: string): ComponentPath[] {
  const readable = new Set(publicTypes());
  const found: ComponentPath[] = [];
  const walk = (uid: string, segments: string[], hops: number, seen: Set<string>) => {
    for (const [name, attribute] of Object.entries<Attribute>(model(uid).attributes)) {
      if (attribute.private) continue;
      if (attribute.type === 'component') {
        if (BACK_OFFICE_COMPONENTS.includes(attribute.component)) found.push({ root, segments: [...segments, name], component: attribute.component });
        else if (!seen.has(attribute.component)) walk(attribute.component, [...segments, name], hops, new Set([...seen, attribute.component]));
      }
      if (attribute.type === 'relation' && readable.has(attribute.target) && hops < 2 && name !== 'localizations' && !seen.has(attribute.target)) {
        walk(attribute.target, [...segments, name], hops + 1, new Set([...seen, attribute.target]));
      }
    }
  };
  walk(root, [], 0, new Set([root]));
  return found;
}

const cases = () => publicTypes().flatMap(componentPaths);

/** Callers whose permissions let them list the root at all (the cif token reads no archive: 403 for any query). */
async function readersOf(url: string) {
  const readers: Caller[] = [];
  for (const caller of callers) {
    const res = await http().get(url).set(caller.headers);
    if (res.status === 200) readers.push(caller);
    else expect([caller.name, res.status, res.body.error?.details?.code]).toEqual([caller.name, 403, 'FORBIDDEN']);
  }
  expect(readers.length).toBeGreaterThan(0);
  return readers;
}
/** `populate[a][populate][b][populate][c]=true` for the segments of a path. */
const populateOf = (segments: string[]) => `populate${segments.map((s, i) => (i ? `[populate][${s}]` : `[${s}]`)).join('')}=true`;
const filterKey = (segments: string[], field: string) => `filters${[...segments, field].map((s) => `[${s}]`).join('')}`;
/** The first plain field of the component, to filter and sort by. */
const fieldOf = (component: string) => Object.entries<Attribute>(model(component).attributes).find(([, a]) => ['string', 'enumeration'].includes(a.type))![0];

beforeAll(async () => {
  const institution = await publishedDocument('api::institution.institution', fixtures.institution());
  const contact = await publishedDocument('api::protocol-contact.protocol-contact', fixtures.contact(institution.documentId));
  const ceremony = await publishedDocument('api::ceremony.ceremony', {
    ...fixtures.ceremony(true),
    invitees: [{ contact: contact.documentId, rsvp: 'confirmed', note: NOTE }],
  });
  await publishedDocument('api::press-note.press-note', { ...fixtures.pressNote(), relatedCeremonies: [ceremony.documentId] });
  const file = await uploadTestImage('#4a7f3c');
  await publishedDocument('api::media-archive-item.media-archive-item', {
    kind: 'photo', title: 'Foto pública de la ceremonia', file: file.id, rights: 'own', isPublic: true, ceremony: ceremony.documentId,
  });
  callers = await restrictedCallers();
  trusted = await trustedCaller();
}, 120_000);

test('the schemas have paths to back-office components (the cases below are not empty)', () => {
  expect(cases().length).toBeGreaterThanOrEqual(2);
});

test('every component a public type reaches that links to a type restricted callers never read is back office', () => {
  const readable = new Set(publicTypes());
  const components = new Set<string>();
  const collect = (uid: string) => {
    for (const attribute of Object.values<Attribute>(model(uid).attributes)) {
      if (attribute.type === 'component' && !components.has(attribute.component)) {
        components.add(attribute.component);
        collect(attribute.component);
      }
    }
  };
  publicTypes().forEach(collect);
  const linkingToBackOffice = [...components].filter((component) =>
    Object.values<Attribute>(model(component).attributes).some((a) => a.type === 'relation' && !readable.has(a.target))
  );
  expect(linkingToBackOffice.length).toBeGreaterThan(0);
  for (const component of linkingToBackOffice) expect(BACK_OFFICE_COMPONENTS).toContain(component);
});

/** The values at `segments` in a Content API answer (lists flattened on the way). */
function valuesAt(data: unknown, segments: string[]): unknown[] {
  let level: unknown[] = [data].flat();
  for (const segment of segments) level = level.flatMap((item: any) => (item && typeof item === 'object' && segment in item ? [item[segment]].flat() : []));
  return level;
}

describe.each(cases().map((c) => [`${c.root} → ${c.segments.join('.')}`, c] as const))('%s', (_name, path) => {
  const url = `/api/${pluralOf(path.root)}`;
  const field = fieldOf(path.component);

  test('the back office reads it (positive control: the path reaches data)', async () => {
    const res = await http().get(`${url}?${populateOf(path.segments)}&pagination[pageSize]=100`).set(trusted.headers);
    expect(res.status).toBe(200);
    expect(JSON.stringify(valuesAt(res.body.data, path.segments))).toContain(NOTE);
  });

  test('no restricted caller gets it populated, by name, by * or nested', async () => {
    const queries = [populateOf(path.segments), path.segments.length === 1 ? 'populate=*' : `${populateOf(path.segments.slice(0, -1)).replace(/=true$/, '')}[populate]=*`];
    for (const caller of await readersOf(url)) {
      for (const query of queries) {
        const res = await http().get(`${url}?${query}&pagination[pageSize]=100`).set(caller.headers);
        expect([caller.name, query, res.status]).toEqual([caller.name, query, 200]);
        expect(JSON.stringify(res.body)).not.toContain(NOTE);
        expect([caller.name, query, valuesAt(res.body.data, path.segments)]).toEqual([caller.name, query, []]);
      }
    }
  });

  test('no restricted caller filters or sorts by its fields', async () => {
    const probes = [
      `${filterKey(path.segments, field)}[$notNull]=true`,
      `filters[$or][0]${filterKey(path.segments, field).slice('filters'.length)}[$startsWith]=n&filters[$or][1][id][$eq]=0`,
      `filters[$not]${filterKey(path.segments, field).slice('filters'.length)}[$null]=true`,
      `sort=${[...path.segments, field].join('.')}:asc`,
    ];
    for (const caller of await readersOf(url)) {
      for (const query of probes) {
        const res = await http().get(`${url}?${query}`).set(caller.headers);
        expect([caller.name, query, res.status, res.body.error?.details?.code]).toEqual([caller.name, query, 400, expect.stringMatching(/^(QUERY_NOT_ALLOWED|INVALID_SORT)$/)]);
      }
    }
  });
});

test('the OpenAPI document offers no back-office component to populate', async () => {
  const res = await http().get('/api/openapi.json');
  expect(res.status).toBe(200);
  const text = JSON.stringify(res.body);
  for (const { segments } of cases().filter((c) => c.segments.length === 1)) expect(text).not.toContain(`"${segments[0]}"`);
});
