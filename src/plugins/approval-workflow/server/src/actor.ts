// Who is acting, for the audit trail: an explicit actor set by the workflow
// (scheduler, seeder, our routes) or whoever made the current HTTP request.
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';

export interface Actor {
  kind: 'admin' | 'api-token' | 'user' | 'system';
  id: number | null;
  name: string;
  email?: string | null;
}

interface Scope {
  actor: Actor;
  /** Set while the workflow itself unpublishes (a retraction with its reason). */
  retracting?: boolean;
  /** No e-mails or webhooks (sample data): the audit trail still records everything. */
  silent?: boolean;
}

const storage = new AsyncLocalStorage<Scope>();

export const SCHEDULER: Actor = { kind: 'system', id: null, name: 'sistema (publicación programada)' };
export const CODE: Actor = { kind: 'system', id: null, name: 'sistema (código del servidor)' };

export const adminActor = (user: { id: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string | null }): Actor => ({
  kind: 'admin',
  id: user.id,
  name: [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email || `admin ${user.id}`,
  email: user.email ?? null,
});

export const runAs = <T>(actor: Actor, fn: () => Promise<T>, extra: Omit<Scope, 'actor'> = {}) => storage.run({ actor, ...extra }, fn);

export const isRetracting = () => Boolean(storage.getStore()?.retracting);

export const isSilent = () => Boolean(storage.getStore()?.silent);

/** The actor of the current call: explicit scope first, then the HTTP request's credentials. */
export function currentActor(strapi: Core.Strapi): Actor {
  const scoped = storage.getStore()?.actor;
  if (scoped) return scoped;
  const ctx: any = strapi.requestContext.get();
  const auth = ctx?.state?.auth;
  const strategy = auth?.strategy?.name;
  if (strategy === 'admin' && ctx.state.user) return adminActor(ctx.state.user);
  // Strapi 5.54 names the API-token strategy 'content-api-token' (earlier 5.x: 'api-token').
  if (strategy === 'api-token' || strategy === 'content-api-token') return { kind: 'api-token', id: auth.credentials?.id ?? null, name: `token de API «${auth.credentials?.name ?? '?'}»` };
  if (ctx?.state?.user) return { kind: 'user', id: ctx.state.user.id, name: ctx.state.user.username ?? ctx.state.user.email, email: ctx.state.user.email };
  return CODE;
}

/** True when the current call comes from an HTTP request (admin or Content API). */
export const inHttpRequest = (strapi: Core.Strapi) => Boolean(strapi.requestContext.get());
