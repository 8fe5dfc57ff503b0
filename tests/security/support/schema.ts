// Generators over the running application's model: content types, their relation
// paths, and the project's route table. The attack suites build their cases from
// these, so a new type, attribute, relation or route is covered without a new test.
import fs from 'fs';
import path from 'path';
import { app } from '../../helpers/app';

export type Attribute = Record<string, any>;
export type Model = { uid: string; modelType?: string; attributes: Record<string, Attribute>; options?: any; pluginOptions?: any; info?: any };

export const model = (uid: string) => app().getModel(uid as any) as unknown as Model;

/** The project's content types (api::…). */
export const contentTypes = (): Model[] => Object.values(app().contentTypes as Record<string, Model>).filter((ct) => ct.uid.startsWith('api::'));

/** The types restricted callers may read (src/access/content-api.ts), as the build defines them. */
export const publicTypes = (): string[] => [...require('../../../dist/src/access/content-api').CONTENT_API_TYPES];

export const VISIBILITY_FLAG: string = require('../../../dist/src/access/content-api').VISIBILITY_FLAG;

export const pluralOf = (uid: string) => model(uid).info.pluralName as string;
export const hasDraftAndPublish = (uid: string) => Boolean(model(uid).options?.draftAndPublish);
export const isLocalized = (uid: string) => Boolean(model(uid).pluginOptions?.i18n?.localized);
export const isFlagged = (uid: string) => Boolean(model(uid).attributes[VISIBILITY_FLAG]);

const isMorph = (a: Attribute) => a.type === 'relation' && (!a.target || String(a.relation).startsWith('morph'));

/** The attribute a probe filters on: the first plain, public string attribute. */
export function probeAttribute(uid: string): string | null {
  const entry = Object.entries(model(uid).attributes).find(([, a]) => a.type === 'string' && !a.private && !a.regex);
  return entry ? entry[0] : null;
}

export interface RelationPath {
  root: string;
  /** Attribute names from the root, through relations and components. */
  segments: string[];
  /** The content type the path ends in. */
  target: string;
  /** Relations crossed (components do not count). */
  hops: number;
}

/**
 * Every distinct path from `root` through relations and components to a content type, up
 * to `maxHops` relations (private attributes, morph relations, media and admin users left
 * out: Strapi refuses them outright). Paths that cross the same kinds of hop — the same
 * target type in the same direction (owning side or inverse), components, `localizations`
 * — are one case: a norm's `amends` and `repeals` are the same hop for any rule about what
 * a caller sees; the first such path stands for the others. `extendPast` says through
 * which types a path goes on.
 */
export function relationPaths(root: string, maxHops: number, { extendPast = (_uid: string) => true } = {}): RelationPath[] {
  const paths: RelationPath[] = [];
  const shapes = new Set<string>();
  const walk = (uid: string, segments: string[], shape: string, hops: number, componentDepth: number) => {
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      if (attribute.private || isMorph(attribute)) continue;
      if (attribute.type === 'component' && componentDepth < 2) walk(attribute.component, [...segments, name], `${shape}/${attribute.component}`, hops, componentDepth + 1);
      if (attribute.type !== 'relation' || !String(attribute.target).startsWith('api::') || hops >= maxHops) continue;
      if (segments[segments.length - 1] === name) continue;
      const hop = name === 'localizations' ? 'localizations' : `${attribute.mappedBy ? '<' : '>'}${attribute.target}`;
      const nextShape = `${shape}/${hop}`;
      if (shapes.has(nextShape)) continue;
      shapes.add(nextShape);
      const next = [...segments, name];
      paths.push({ root, segments: next, target: attribute.target, hops: hops + 1 });
      if (extendPast(attribute.target)) walk(attribute.target, next, nextShape, hops + 1, 0);
    }
  };
  walk(root, [], '', 0, 0);
  return paths;
}

/** `filters[a][b][c]`-style key for a path and a trailing list of segments. */
export const bracket = (prefix: string, segments: string[]) => `${prefix}${segments.map((s) => `[${s}]`).join('')}`;

export interface Route {
  method: string;
  path: string;
  /** Path parameters, without the colon. */
  params: string[];
}

/** Local plugins (src/plugins/<name>): the project's own. */
const localPlugins = () => fs.readdirSync(path.resolve(__dirname, '../../../src/plugins'));

/**
 * The project's routes from the router itself (`strapi.server.listRoutes()`): every route
 * but Strapi's own (the admin, its plugins' admin and Content API routes, health,
 * uploads). Core routes of the project's content types are included.
 */
export function projectRoutes(): Route[] {
  const local = new Set(localPlugins());
  const foreign = Object.keys(app().plugins).filter((name) => !local.has(name));
  const foreignPaths = new Set<string>();
  for (const name of foreign) {
    const routes = (app().plugin(name) as any).routes;
    const routers = Array.isArray(routes) ? [{ type: 'admin', routes }] : Object.values(routes ?? {});
    for (const router of routers as any[]) {
      for (const route of router.routes ?? []) {
        const prefix = route.config?.prefix ?? `/${name}`;
        foreignPaths.add(`${route.method} ${`${router.type === 'content-api' ? '/api' : ''}${prefix}${route.path}`.replace(/(.)\/$/, '$1')}`);
      }
    }
  }
  // `/` is Strapi's welcome page.
  const foreignPrefixes = ['/admin', '/_health', '/uploads', ...foreign.map((name) => `/${name}/`), ...foreign.map((name) => `/api/${name}/`)];
  const seen = new Set<string>();
  const result: Route[] = [];
  for (const layer of app().server.listRoutes() as any[]) {
    const path = String(layer.path);
    for (const method of (layer.methods as string[]).filter((m) => ['GET', 'POST', 'PUT', 'DELETE'].includes(m))) {
      const key = `${method} ${path}`;
      const owned = foreignPrefixes.some((p) => path.startsWith(p) || `${path}/` === p);
      if (seen.has(key) || foreignPaths.has(key) || owned || path === '/' || path.includes('(')) continue;
      seen.add(key);
      result.push({ method, path, params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]) });
    }
  }
  return result;
}

/** The core routes of a content type (`/api/<plural>` and `/api/<plural>/:id`). */
export const isCoreRoute = (route: Route) =>
  contentTypes().some((ct) => route.path === `/api/${ct.info.pluralName}` || route.path === `/api/${ct.info.pluralName}/:id`);
