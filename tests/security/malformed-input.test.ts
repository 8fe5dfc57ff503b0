// Malformed input on every route of the project, generated from the route table
// (`strapi.server.listRoutes()`) and a corpus of malformed values: lists and operator
// objects where a value goes, broken path parameters, bodies that are not objects,
// broken JSON; and broken Content API queries on every content type, for the public and
// for the back office. Never a 500; every refusal has the project's shape, a Spanish
// message and a code; a GET that does answer ignored the parameter (same answer as
// without it); nothing is written: documents, approval states, audit events, publication
// requests, change log and directory audits are all unchanged.
import { app, bearer, createApiToken } from '../helpers/app';
import { fixtures } from '../helpers/fixtures';
import { superAdmin } from './support/callers';
import {
  BODY_NAMES,
  MALFORMED_CONTENT_QUERIES,
  QUERY_NAMES,
  malformedBodies,
  malformedBodyValue,
  malformedPathValues,
  malformedQuery,
  pathValues,
} from './support/corpus';
import { answerOf, isSpanish, sendAll, type Probe } from './support/http';
import { contentTypes, isCoreRoute, projectRoutes, type Route } from './support/schema';

let admin: Record<string, string>;
let fullAccess: Record<string, string>;
let documentId: string;

/** Every row a refused request could have written. */
async function counts() {
  const uids = [
    ...contentTypes().map((ct) => ct.uid),
    'plugin::audit-trail.event',
    'plugin::approval-workflow.approval-state',
    'plugin::diario-oficial.request',
    'plugin::cif-sync.change',
    'plugin::protocol.directory-audit',
    'plugin::upload.file',
  ];
  return Object.fromEntries(await Promise.all(uids.map(async (uid) => [uid, await app().db.query(uid as any).count()])));
}

beforeAll(async () => {
  admin = bearer((await superAdmin()).token);
  fullAccess = bearer(await createApiToken('full-access'));
  documentId = (await app().documents('api::press-note.press-note').create({ data: fixtures.pressNote() } as any)).documentId;
});

const isAdminRoute = (route: Route) => !route.path.startsWith('/api/');

/** The route's path with its parameters filled, one way per plausible value. */
const fill = (route: Route, override: Record<string, string> = {}) => {
  let paths = [route.path];
  for (const name of route.params) {
    const values = override[name] !== undefined ? [override[name]] : pathValues(name, documentId);
    paths = paths.flatMap((p) => values.map((v) => p.replace(`:${name}`, v)));
  }
  return paths;
};

interface Attack extends Probe {
  label: string;
  baseline?: number;
}

/** Each name once per route, as a list or as an operator object, in turn (both shapes reach every name across the routes). */
function attacksOn(route: Route, index: number, headers: Record<string, string>): Attack[] {
  const attacks: Attack[] = [];
  const write = route.method !== 'GET';
  for (const path of fill(route)) {
    QUERY_NAMES.forEach((name, i) => {
      const query = malformedQuery(name, i + index);
      attacks.push({ label: `${route.method} ${path}?${query}`, method: route.method as any, path, query, headers, body: write ? {} : undefined });
    });
    if (write) {
      for (const shape of malformedBodies) attacks.push({ label: `${route.method} ${path} body ${JSON.stringify(shape)}`, method: route.method as any, path, headers, ...shape });
      BODY_NAMES.forEach((name, i) => {
        const value = malformedBodyValue(i + index);
        attacks.push({ label: `${route.method} ${path} {${name}: ${JSON.stringify(value)}}`, method: route.method as any, path, headers, body: { [name]: value } });
      });
    }
  }
  for (const name of route.params) {
    for (const value of malformedPathValues) {
      for (const path of fill(route, { [name]: value })) {
        attacks.push({ label: `${route.method} ${path.slice(0, 120)}`, method: route.method as any, path, headers, body: write ? {} : undefined });
      }
    }
  }
  return attacks;
}

/** The failures among the answers: a 5xx, a refusal without the contract, a write that went through, a GET that misread. */
async function failuresOf(attacks: Attack[]) {
  const baselines = new Map<string, string>();
  const gets = [...new Set(attacks.filter((a) => !a.method || a.method === 'GET').map((a) => `${a.path}\n${JSON.stringify(a.headers)}`))];
  const baselineAnswers = await sendAll(gets.map((key) => ({ path: key.split('\n')[0], headers: JSON.parse(key.split('\n')[1]) })));
  gets.forEach((key, i) => baselines.set(key, answerOf(baselineAnswers[i])));

  const answers = await sendAll(attacks);
  const failures: string[] = [];
  answers.forEach((res, i) => {
    const attack = attacks[i];
    const error = res.body?.error;
    if (res.status >= 500) failures.push(`${attack.label}: ${res.status}`);
    else if (res.status >= 400 && !(error?.details?.code && isSpanish(error.message))) failures.push(`${attack.label}: ${res.status} sin código o mensaje en español (${error?.message})`);
    else if (res.status < 400 && attack.method && attack.method !== 'GET') failures.push(`${attack.label}: aceptado (${res.status})`);
    else if (res.status < 400 && answerOf(res) !== baselines.get(`${attack.path}\n${JSON.stringify(attack.headers)}`)) {
      failures.push(`${attack.label}: respondió otra cosa que sin el parámetro`);
    }
  });
  return failures;
}

describe('every custom route of the project', () => {
  const routes = () => projectRoutes().filter((route) => !isCoreRoute(route));

  it('the route table has them (plugins, custom Content API routes, admin routes)', () => {
    const paths = routes().map((r) => `${r.method} ${r.path}`);
    for (const expected of [
      'POST /approval-workflow/documents/:uid/:documentId/actions/:action',
      'GET /diario-oficial/requests/:id',
      'POST /protocol/directory/import',
      'GET /api/cif-sync/changes',
      'GET /api/media-archive-items/search',
      'GET /api/feeds/press-notes.:format',
    ]) {
      expect(paths).toContain(expected);
    }
  });

  it('refuses malformed parameters with a 4xx, a code and a Spanish message, and writes nothing', async () => {
    // A thousand requests or so.
    const before = await counts();
    const attacks = routes().flatMap((route, index) => attacksOn(route, index, isAdminRoute(route) ? admin : fullAccess));
    expect(await failuresOf(attacks)).toEqual([]);
    expect(await counts()).toEqual(before);
  }, 240_000);
});

describe('the Content API of every content type', () => {
  // Allowed to the back office, refused to restricted callers.
  const TRUSTED_MAY = new Set(['publicationFilter=modified']);

  it('answers malformed queries with a 400 and a code, for the public and for a full-access token', async () => {
    const attacks: Attack[] = contentTypes().flatMap((ct) =>
      MALFORMED_CONTENT_QUERIES.flatMap((query) =>
        [
          { who: 'public', headers: {} },
          { who: 'full-access', headers: fullAccess },
        ]
          .filter(({ who }) => who === 'public' || !TRUSTED_MAY.has(query))
          .map(({ who, headers }) => ({ label: `${who} GET /api/${ct.info.pluralName}?${query}`, path: `/api/${ct.info.pluralName}`, query, headers }))
      )
    );
    const answers = await sendAll(attacks);
    const failures = answers.flatMap((res, i) =>
      res.status >= 400 && res.status < 500 && res.body?.error?.details?.code && isSpanish(res.body.error.message) ? [] : [`${attacks[i].label}: ${res.status} ${res.body?.error?.message ?? ''}`]
    );
    expect(failures).toEqual([]);
  });

  it('refuses a write whose query is malformed, before it writes', async () => {
    const before = await counts();
    const queries = ['filters[$or]=x', 'populate[x][y]=1', 'fields[id][x]=1', 'sort[id][x]=asc', 'locale[]=es-PE&locale[]=en'];
    const attacks: Attack[] = contentTypes().flatMap((ct) =>
      queries.flatMap((query) => [
        { label: `POST /api/${ct.info.pluralName}?${query}`, method: 'POST' as const, path: `/api/${ct.info.pluralName}`, query, headers: fullAccess, body: { data: {} } },
        { label: `PUT /api/${ct.info.pluralName}/:id?${query}`, method: 'PUT' as const, path: `/api/${ct.info.pluralName}/${documentId}`, query, headers: fullAccess, body: { data: {} } },
        { label: `DELETE /api/${ct.info.pluralName}/:id?${query}`, method: 'DELETE' as const, path: `/api/${ct.info.pluralName}/${documentId}`, query, headers: fullAccess },
      ])
    );
    const answers = await sendAll(attacks);
    expect(answers.flatMap((res, i) => (res.status >= 400 && res.status < 500 && res.body?.error?.details?.code ? [] : [`${attacks[i].label}: ${res.status}`]))).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
