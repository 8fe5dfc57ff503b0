// The approval workflow for tests that need published press notes or programmes:
// a Redactor submits, a Gerente approves and publishes, through the plugin's real
// workflow service (state, audit trail, the document-service gate).
import crypto from 'crypto';
import { app, http } from './app';

type Actor = { kind: 'admin'; id: number; name: string; email: string };

const workflow = () => app().plugin('approval-workflow').service('workflow');

export const isGated = (uid: string) => Boolean(workflow().isGated(uid));

/** A new active admin user with the role of the given code (no HTTP login), as a workflow actor. */
export async function adminActorWithRole(roleCode: string): Promise<Actor> {
  const role = await app().service('admin::role').findOne({ code: roleCode });
  const email = `${roleCode}-${crypto.randomBytes(4).toString('hex')}@municipalidad.test`;
  const user = await app()
    .service('admin::user')
    .create({ email, firstname: roleCode, lastname: 'Prueba', password: `Clave-${crypto.randomBytes(4).toString('hex')}-A1`, isActive: true, roles: [role.id] });
  return { kind: 'admin', id: user.id, name: `${roleCode} Prueba`, email };
}

let actors: Promise<{ submitter: Actor; reviewer: Actor }> | undefined;
const defaultActors = () =>
  (actors ??= Promise.all([adminActorWithRole('redactor'), adminActorWithRole('gerente-comunicaciones')]).then(([submitter, reviewer]) => ({
    submitter,
    reviewer,
  })));

/** Submits, approves and publishes one locale of a gated document ('*' = every draft locale). */
export async function approveAndPublish(uid: string, documentId: string, locale?: string) {
  await workflow().submitApproveAndPublish({ uid, documentId, locale }, await defaultActors());
}

/** The plugin's admin routes, as the admin panel calls them. */
export function approvals(session: { token: string }) {
  const auth = { Authorization: `Bearer ${session.token}` };
  return {
    status: (uid: string, documentId: string, locale?: string) =>
      http().get(`/approval-workflow/documents/${uid}/${documentId}`).query(locale ? { locale } : {}).set(auth),
    act: (uid: string, documentId: string, action: string, body: object = {}, locale?: string) =>
      http().post(`/approval-workflow/documents/${uid}/${documentId}/actions/${action}`).query(locale ? { locale } : {}).set(auth).send(body),
    queue: (query: object = {}) => http().get('/approval-workflow/queue').query(query).set(auth),
    versions: (uid: string, documentId: string, locale?: string) =>
      http().get(`/approval-workflow/documents/${uid}/${documentId}/versions`).query(locale ? { locale } : {}).set(auth),
    changes: (uid: string, documentId: string, query: { locale?: string; against?: number | string } = {}) =>
      http().get(`/approval-workflow/documents/${uid}/${documentId}/changes`).query(query).set(auth),
    restore: (uid: string, documentId: string, versionId: number | string, body: object = {}, locale?: string) =>
      http().post(`/approval-workflow/documents/${uid}/${documentId}/versions/${versionId}/restore`).query(locale ? { locale } : {}).set(auth).send(body),
  };
}

/** What the panel does before a Publish: the Redactor submits, the Gerente approves (admin routes). */
export async function submitAndApprove(redactor: { token: string }, gerente: { token: string }, uid: string, documentId: string, locale?: string) {
  for (const [session, action] of [
    [redactor, 'submit'],
    [gerente, 'approve'],
  ] as const) {
    const res = await approvals(session).act(uid, documentId, action, {}, locale);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}
