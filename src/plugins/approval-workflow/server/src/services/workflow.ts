/**
 * The approval workflow: per document locale, a state row and its audit chain.
 * Every change of state is a conditional UPDATE on the row's sequence inside a
 * transaction (compare-and-swap), so of two reviewers acting at once exactly
 * one succeeds; the event is appended in the same transaction, and e-mails and
 * webhooks go out only after the commit.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { STATE_UID, STATE_LABELS, VERSIONED_ACTIONS, type ApprovalState, type EventAction, type UserAction } from '../constants';
import { isSilent, runAs, type Actor } from '../actor';
import { approvalOutdated, approvalRequired, commentRequired, forbidden, invalidTransition, notFound, selfApprovalForbidden } from '../errors';
import { getService, targetKey } from '../utils';
import { auditTrail } from '../../../../audit-trail/server/src/api';

export interface Target {
  uid: string;
  documentId: string;
  locale: string | null;
}

export interface ActRequest extends Partial<Target> {
  uid: string;
  documentId: string;
  locale?: string | null;
  action: UserAction;
  actor: Actor;
  comment?: string | null;
  publishAt?: string | Date | null;
  /** The hash the reviewer saw; approving fails with APPROVAL_OUTDATED if the draft changed since. */
  expectedHash?: string | null;
}

type StateRow = {
  id: number;
  targetKey: string;
  state: ApprovalState;
  sequence: number;
  headHash: string | null;
  approvedHash: string | null;
  approvedAt: string | null;
  approvedById: number | null;
  submittedById: number | null;
  submittedAt: string | null;
  publishAt: string | Date | null;
  /** Admin users who changed this locale's content since its last approval: ",12,15," (see addEditor). */
  editorIds?: string | null;
};

interface Move {
  target: Target;
  row: StateRow;
  to: ApprovalState;
  action: EventAction;
  actor: Actor;
  title: string;
  comment?: string | null;
  contentHash?: string | null;
  publishAt?: string | null;
  patch?: Record<string, unknown>;
  cancelledPublishAt?: string | null;
}

const ACTION_LABELS: Record<EventAction, string> = {
  submit: 'enviar a aprobación',
  withdraw: 'retirar el envío',
  approve: 'aprobar',
  'request-changes': 'pedir cambios',
  unpublish: 'retirar la publicación',
  publish: 'publicar',
  invalidate: 'invalidar la aprobación',
  restore: 'restaurar una versión',
  'review-reset': 'reiniciar la revisión',
  rehash: 'actualizar la huella del contenido',
};

/** Which states each user action starts from. */
const FROM: Record<Exclude<UserAction, 'unpublish'>, ApprovalState[]> = {
  submit: ['draft', 'changes-requested'],
  withdraw: ['in-review'],
  approve: ['in-review'],
  'request-changes': ['in-review'],
};

const CLEARED_APPROVAL = { approvedHash: null, approvedAt: null, approvedById: null, publishAt: null, claimToken: null, claimedUntil: null };

/** The actor of the one-off carrying over of approvals to a new hash format. */
const HASH_UPGRADE: Actor = { kind: 'system', id: null, name: 'sistema (actualización de la huella de contenido)' };

const isEditor = (row: { editorIds?: string | null }, adminId: number) => Boolean(row.editorIds?.includes(`,${adminId},`));

/** What assertPublishable found: enough to record the publication afterwards. */
export interface Publishable {
  target: Target;
  row: StateRow;
  contentHash: string;
  title: string;
}

const toIso = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString() : null);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const hashes = () => getService(strapi, 'content-hash');
  const audit = () => auditTrail(strapi);

  /**
   * Whether the reviewer is the author of the draft under review. Strapi's `updatedBy` also
   * moves when a reviewer publishes or retracts (the content manager saves the draft as it is),
   * so a last save that left content already approved once under four-eyes does not count.
   */
  async function authoredCurrentContent(row: any, draft: any, contentHash: string, actor: Actor) {
    // An editor of this locale since its last approval, from any locale or path (edit tracking), or its last saver.
    if (!isEditor(row, actor.id!) && (draft.updatedBy?.id ?? null) !== actor.id) return false;
    const history = await audit().history(row.targetKey);
    return !history.some((event: any) => event.action === 'approve' && event.contentHash === contentHash);
  }
  const notifications = () => getService(strapi, 'notifications');
  const config = () => strapi.config.get('plugin::approval-workflow') as { gatedTypes: string[]; selfApproval: 'forbid' | 'allow' };

  const isLocalized = (uid: string) => Boolean((strapi.contentType(uid as any) as any)?.pluginOptions?.i18n?.localized);

  const titleOf = (draft: Record<string, any> | null, documentId: string) => (draft?.title ?? draft?.name ?? documentId) as string;

  async function findState(target: Target): Promise<StateRow | null> {
    return strapi.db.query(STATE_UID).findOne({ where: { targetKey: targetKey(target.uid, target.documentId, target.locale) } });
  }

  /** The state row of a target, created as `draft` if missing (INSERT … ON CONFLICT DO NOTHING: safe when two requests race). */
  async function ensureState(target: Target): Promise<StateRow> {
    const key = targetKey(target.uid, target.documentId, target.locale);
    const existing = await findState(target);
    if (existing) return existing;
    const meta = strapi.db.metadata.get(STATE_UID);
    const column = (name: string) => (meta.attributes[name] as any).columnName ?? name;
    const now = new Date();
    const row = {
      [column('documentId')]: crypto.randomBytes(12).toString('hex'),
      [column('targetKey')]: key,
      [column('targetUid')]: target.uid,
      [column('targetDocumentId')]: target.documentId,
      [column('targetLocale')]: target.locale,
      [column('state')]: 'draft',
      [column('sequence')]: 0,
      [column('createdAt')]: now,
      [column('updatedAt')]: now,
    };
    await strapi.db.transaction(({ trx }) => trx(meta.tableName).insert(row).onConflict(column('targetKey')).ignore());
    return (await findState(target))!;
  }

  /**
   * Records an admin user as an editor of a locale: an atomic append on the state
   * row (",12," + "15,"), in the caller's transaction, so that concurrent edits
   * by two people both count.
   */
  async function addEditor(target: Target, adminId: number) {
    const row = await ensureState(target);
    if (isEditor(row, adminId)) return;
    const meta = strapi.db.metadata.get(STATE_UID);
    const column = (meta.attributes.editorIds as any).columnName ?? 'editor_ids';
    const marker = `,${adminId},`;
    await strapi.db.transaction(({ trx }) =>
      trx(meta.tableName)
        .where('id', row.id)
        .andWhere((q: any) => q.whereNull(column).orWhere(column, 'not like', `%${marker}%`))
        .update({ [column]: strapi.db.connection.raw(`COALESCE(??, ',') || ?`, [column, `${adminId},`]) })
    );
  }

  /** Applies one state change with its audit event; throws INVALID_TRANSITION if someone else moved first. */
  async function move({ target, row, to, action, actor, title, comment, contentHash, publishAt, patch, cancelledPublishAt }: Move) {
    return strapi.db.transaction(async ({ onCommit }) => {
      const event = audit().seal(
        {
          chainKey: row.targetKey,
          targetUid: target.uid,
          targetDocumentId: target.documentId,
          targetLocale: target.locale,
          action,
          fromState: row.state,
          toState: to,
          actorKind: actor.kind,
          actorId: actor.id,
          actorName: actor.name,
          comment: comment ?? null,
          contentHash: contentHash ?? null,
          publishAt: publishAt ?? null,
          occurredAt: new Date().toISOString(),
        },
        row
      );
      const { count } = await strapi.db.query(STATE_UID).updateMany({
        where: { id: row.id, state: row.state, sequence: row.sequence },
        data: { ...patch, state: to, sequence: event.sequence, headHash: event.hash },
      });
      if (count !== 1) {
        throw invalidTransition(`Otra persona cambió el estado de este documento al mismo tiempo; no se pudo ${ACTION_LABELS[action]}. Recargue e intente de nuevo.`, {
          action,
        });
      }
      await audit().append(event);
      // The versions store keeps what was approved or published, in this same transaction.
      if ((VERSIONED_ACTIONS as readonly string[]).includes(action)) await getService(strapi, 'versions').capture({ target, event, row });
      // Returned, not voided: the app tracks after-commit work so that shutdown waits for it.
      if (!isSilent()) onCommit(() => notifications().announce({ event, title, submittedById: (patch?.submittedById as number) ?? row.submittedById, cancelledPublishAt }));
      return event;
    });
  }

  async function resolveLocale(uid: string, locale?: string | null): Promise<string | null> {
    if (!isLocalized(uid)) return null;
    return locale || ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string);
  }

  async function hasPublishedVersion({ uid, documentId, locale }: Target) {
    const count = await strapi.db.query(uid as any).count({ where: { documentId, publishedAt: { $notNull: true }, ...(locale ? { locale } : {}) } });
    return count > 0;
  }

  async function draftLocales(uid: string, documentId: string): Promise<Array<string | null>> {
    if (!isLocalized(uid)) return [null];
    const drafts = await strapi.db.query(uid as any).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] });
    return drafts.map((d: any) => d.locale as string);
  }

  return {
    isGated: (uid: string) => config().gatedTypes.includes(uid),
    isLocalized,
    resolveLocale,
    findState,
    draftLocales,

    /** Publishes one locale as `actor`, through the document service and its gate. */
    async publish({ uid, documentId, locale }: Target, actor: Actor) {
      return runAs(actor, () => strapi.documents(uid as any).publish({ documentId, locale: locale ?? undefined } as any), { silent: isSilent() });
    },

    /**
     * The documented system path (sample data, test set-up): submit, approve and publish
     * each locale ('*' = every draft locale) as the given actors, recording every step in
     * the audit trail like any other transition. Nothing skips the gate.
     */
    async submitApproveAndPublish(
      { uid, documentId, locale }: { uid: string; documentId: string; locale?: string | null },
      { submitter, reviewer, notify = true }: { submitter: Actor; reviewer: Actor; notify?: boolean }
    ) {
      const locales = locale === '*' ? await draftLocales(uid, documentId) : [await resolveLocale(uid, locale)];
      const steps = async () => {
        for (const each of locales) {
          const target = { uid, documentId, locale: each };
          let state = (await findState(target))?.state ?? 'draft';
          if (state === 'draft' || state === 'changes-requested') {
            await this.act({ ...target, action: 'submit', actor: submitter });
            state = 'in-review';
          }
          if (state === 'in-review') await this.act({ ...target, action: 'approve', actor: reviewer });
          await this.publish(target, reviewer);
        }
      };
      return notify ? steps() : runAs(reviewer, steps, { silent: true });
    },

    /** State, hashes and history of one document locale, for the admin panel and the API. */
    async status(uid: string, documentId: string, locale?: string | null) {
      const target = { uid, documentId, locale: await resolveLocale(uid, locale) };
      const [row, currentHash, published] = await Promise.all([findState(target), hashes().draftHash(uid, documentId, target.locale), hasPublishedVersion(target)]);
      if (currentHash === null && !row) throw notFound('No existe este documento en el idioma indicado.');
      const history = row ? await audit().history(row.targetKey) : [];
      return {
        uid,
        documentId,
        locale: target.locale,
        state: (row?.state ?? 'draft') as ApprovalState,
        approvedHash: row?.approvedHash ?? null,
        currentHash,
        isApprovedVersion: Boolean(row?.approvedHash && row.approvedHash === currentHash),
        editedSinceApproval: Boolean(row?.approvedHash && currentHash && row.approvedHash !== currentHash),
        publishAt: toIso(row?.publishAt),
        submittedById: row?.submittedById ?? null,
        approvedById: row?.approvedById ?? null,
        hasPublishedVersion: published,
        history: history.map(({ id: _id, documentId: _d, createdAt: _c, updatedAt: _u, publishedAt: _p, locale: _l, ...event }: any) => event),
      };
    },

    /** A user's transition: submit, withdraw, approve, request-changes, unpublish. */
    async act(request: ActRequest) {
      const { uid, documentId, action, actor } = request;
      const target: Target = { uid, documentId, locale: await resolveLocale(uid, request.locale) };
      const draft = await hashes().loadDraft(uid, documentId, target.locale);
      if (!draft) throw notFound('No existe este documento en el idioma indicado.');
      const contentHash = hashes().hashOf(uid, draft);
      const title = titleOf(draft, documentId);
      const comment = request.comment?.trim() || null;
      const row = await ensureState(target);
      const base = { target, row, actor, title, comment, contentHash };

      if (action === 'unpublish') {
        if (!comment) throw commentRequired('retirar una publicación');
        if (!(await hasPublishedVersion(target))) throw invalidTransition('Este documento no está publicado en ese idioma.', { action, state: row.state });
        const to: ApprovalState = row.state === 'approved' || row.state === 'published' ? 'draft' : row.state;
        return strapi.db.transaction(async () => {
          await runAs(actor, () => strapi.documents(uid as any).unpublish({ documentId, locale: target.locale ?? undefined } as any), { retracting: true });
          return move({ ...base, to, action, patch: to === 'draft' ? CLEARED_APPROVAL : {} });
        });
      }

      if (!FROM[action].includes(row.state)) {
        throw invalidTransition(`No se puede ${ACTION_LABELS[action]}: el documento está «${STATE_LABELS[row.state]}».`, { action, state: row.state });
      }

      switch (action) {
        case 'submit':
          return move({ ...base, to: 'in-review', action, patch: { ...CLEARED_APPROVAL, submittedById: actor.id, submittedAt: new Date() } });
        case 'withdraw':
          if (row.submittedById !== actor.id) throw forbidden('Solo quien envió el documento a aprobación puede retirar el envío.');
          return move({ ...base, to: 'draft', action });
        case 'request-changes':
          if (!comment) throw commentRequired('pedir cambios');
          return move({ ...base, to: 'changes-requested', action });
        case 'approve': {
          if (config().selfApproval !== 'allow' && actor.id !== null && (row.submittedById === actor.id || (await authoredCurrentContent(row, draft, contentHash, actor)))) {
            throw selfApprovalForbidden();
          }
          if (request.expectedHash && request.expectedHash !== contentHash) throw approvalOutdated(target.locale, { approvedHash: request.expectedHash, currentHash: contentHash });
          const publishAt = toIso(request.publishAt);
          // Editors count from one approval to the next.
          return move({ ...base, to: 'approved', action, publishAt, patch: { approvedHash: contentHash, approvedAt: new Date(), approvedById: actor.id, publishAt, editorIds: null } });
        }
        default:
          throw invalidTransition(`Acción desconocida: ${action}.`);
      }
    },

    /**
     * Throws unless this locale's draft may be published: approved (or already published)
     * and unchanged since the approval, and not before its scheduled time.
     * Returns what recordPublication needs, or null when the locale has no draft.
     */
    async assertPublishable(target: Target): Promise<Publishable | null> {
      const draft = await hashes().loadDraft(target.uid, target.documentId, target.locale);
      if (!draft) return null;
      const row = await findState(target);
      const contentHash = hashes().hashOf(target.uid, draft);
      if (!row || (row.state !== 'approved' && row.state !== 'published')) throw approvalRequired(target.locale, row?.state ?? 'draft');
      if (row.approvedHash !== contentHash) throw approvalOutdated(target.locale, { approvedHash: row.approvedHash, currentHash: contentHash });
      if (row.state === 'approved' && row.publishAt && new Date(row.publishAt) > new Date()) {
        throw invalidTransition(`Está programado para publicarse el ${toIso(row.publishAt)}; no se publica antes.`, { state: row.state, publishAt: toIso(row.publishAt) });
      }
      return { target, row, contentHash, title: titleOf(draft, target.documentId) };
    },

    /** Records a publication that assertPublishable allowed and the document service carried out. */
    async recordPublication(checked: Publishable, actor: Actor) {
      return move({ ...checked, actor, to: 'published', action: 'publish', patch: { publishAt: null, claimToken: null, claimedUntil: null } });
    },

    /** After an edit: voids an approval the current draft no longer matches (state back to draft, event logged). */
    async revalidate(target: Target, actor: Actor, comment = 'El contenido cambió después de la aprobación; la aprobación quedó sin efecto.') {
      const row = await findState(target);
      if (!row || (row.state !== 'approved' && row.state !== 'published')) return null;
      const draft = await hashes().loadDraft(target.uid, target.documentId, target.locale);
      if (!draft) return null;
      const contentHash = hashes().hashOf(target.uid, draft);
      if (contentHash === row.approvedHash) return null;
      return move({
        target,
        row,
        actor,
        title: titleOf(draft, target.documentId),
        to: 'draft',
        action: 'invalidate',
        comment,
        contentHash,
        patch: { publishAt: null, claimToken: null, claimedUntil: null },
        cancelledPublishAt: row.state === 'approved' ? toIso(row.publishAt) : null,
      });
    },

    /** After services/versions.ts wrote an earlier version into the draft: back to draft, to be approved again. */
    async recordRestore(target: Target, actor: Actor, { comment, contentHash }: { comment: string; contentHash: string | null }) {
      const row = await ensureState(target);
      const draft = await hashes().loadDraft(target.uid, target.documentId, target.locale);
      return move({ target, row, actor, title: titleOf(draft, target.documentId), to: 'draft', action: 'restore', comment, contentHash, patch: CLEARED_APPROVAL });
    },

    /**
     * What the content of a locale changing means, whoever changed it and from
     * wherever (its own fields, shared fields through another locale, its files,
     * components, relations): its author becomes one of its editors for the
     * four-eyes rule, a pending review goes back to draft, an approval is voided.
     * Called by the edit tracking (./edit-tracking.ts) only when the hash changed.
     */
    async recordEdit(target: Target, actor: Actor) {
      if (actor.kind === 'admin' && actor.id !== null) await addEditor(target, actor.id);
      for (let attempt = 1; ; attempt += 1) {
        const row = await findState(target);
        if (!row) return null;
        try {
          if (row.state === 'approved' || row.state === 'published') return await this.revalidate(target, actor);
          if (row.state !== 'in-review') return null;
          const draft = await hashes().loadDraft(target.uid, target.documentId, target.locale);
          return await move({
            target,
            row,
            actor,
            title: titleOf(draft, target.documentId),
            to: 'draft',
            action: 'review-reset',
            comment: 'El contenido cambió mientras estaba en revisión: vuelve a borrador y debe enviarse de nuevo a aprobación.',
            contentHash: draft ? hashes().hashOf(target.uid, draft) : null,
          });
        } catch (error: any) {
          // Someone moved the state at the same moment (an approval, say): look again.
          if (error?.details?.code !== 'INVALID_TRANSITION' || attempt >= 3) throw error;
        }
      }
    },

    /**
     * Carries an approval over to a new hash format: the approved content is
     * unchanged (its old-format hash still matches), so the approval now binds
     * to the new fingerprint, with an event saying so.
     */
    async rehash(target: Target, fromHash: string, toHash: string) {
      const row = await findState(target);
      if (!row || row.approvedHash !== fromHash) return null;
      const draft = await hashes().loadDraft(target.uid, target.documentId, target.locale);
      return move({
        target,
        row,
        actor: HASH_UPGRADE,
        title: titleOf(draft, target.documentId),
        to: row.state,
        action: 'rehash',
        comment: `Formato de huella actualizado: el contenido aprobado no cambió; la huella ahora incluye los bytes, el nombre, la leyenda y el texto alternativo de sus archivos (antes ${fromHash}).`,
        contentHash: toHash,
        patch: { approvedHash: toHash },
      });
    },

    /** An unpublish made by server code outside the workflow: allowed, but never unrecorded. */
    async recordExternalUnpublish(target: Target, actor: Actor) {
      const row = await ensureState(target);
      const draft = await hashes().loadDraft(target.uid, target.documentId, target.locale);
      const to: ApprovalState = row.state === 'approved' || row.state === 'published' ? 'draft' : row.state;
      return move({
        target,
        row,
        actor,
        title: titleOf(draft, target.documentId),
        to,
        action: 'unpublish',
        comment: 'Retirada por código del servidor (document service), sin pasar por el panel de aprobación.',
        contentHash: draft ? hashes().hashOf(target.uid, draft) : null,
        patch: to === 'draft' ? CLEARED_APPROVAL : {},
      });
    },
  };
};
