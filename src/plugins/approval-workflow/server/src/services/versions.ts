/**
 * The versions store: the content of every approved version of a gated
 * document locale, as the content hash sees it (services/content-hash.ts),
 * kept inside the approval's own transaction, and marked when published.
 * From it: what the draft under review changes against the version last
 * approved or published (field by field), the list of versions with who and
 * when, and restoring one into the draft, an edit that needs approval again.
 * Strapi's Content History is a paid feature; this covers the gated types.
 */
import { diffWords, diffLines } from 'diff';
import type { Core } from '@strapi/strapi';
import { contentTypes as contentTypeUtils } from '@strapi/utils';
import { VERSION_UID } from '../constants';
import type { Actor } from '../actor';
import { runAs } from '../actor';
import type { PreviewConfig } from '../config';
import { forbidden, invalidTransition, notFound } from '../errors';
import { blocksToPlainText, formatValue } from '../format';
import { getService, canonicalJson, targetKey } from '../utils';
import type { Target } from './workflow';
import type { AuditEvent } from '../../../../audit-trail/server/src/api';

type Row = Record<string, any>;
type Attribute = { type: string; relation?: string; target?: string; multiple?: boolean; repeatable?: boolean; component?: string; components?: string[] };

/** Names of files and titles of related documents when the version was kept (they may change or go later). */
export interface Display {
  files: Record<string, { name: string; url: string | null; alternativeText: string | null; mime: string | null }>;
  documents: Record<string, string>;
}

export type ChangeKind = 'text' | 'list' | 'value';

export interface FieldChange {
  /** Attribute path, e.g. ['seo', 'metaTitle']. */
  path: string[];
  label: string;
  type: string;
  kind: ChangeKind;
  before: string | string[] | null;
  after: string | string[] | null;
  /** Word diff (text) or line diff (list of lines): equal, added and removed runs in order. */
  parts?: Array<{ value: string; added?: boolean; removed?: boolean }>;
  /** Blocks whose text is the same and whose formatting changed. */
  formatOnly?: boolean;
}

const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid', 'password']);

const asList = (value: unknown) => (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const hashes = () => getService(strapi, 'content-hash');
  const labels = () => getService(strapi, 'labels');
  const model = (uid: string) => strapi.getModel(uid as any) as unknown as { attributes: Record<string, Attribute>; info?: any };
  const valueLabel = () => (strapi.config.get('plugin::approval-workflow') as { preview: PreviewConfig }).preview.valueLabel;
  const versions = () => strapi.db.query(VERSION_UID);

  /** The canonical content behind `hash`: the draft, else the published row (publish copies the draft). */
  async function contentFor({ uid, documentId, locale }: Target, hash: string | null): Promise<Row | null> {
    for (const load of [hashes().loadDraft, hashes().loadPublished]) {
      const entry = await load.call(hashes(), uid, documentId, locale);
      if (entry && (!hash || hashes().hashOf(uid, entry) === hash)) return hashes().canonicalContent(uid, entry);
    }
    return null;
  }

  /** Walks canonical content and collects what names its files and related documents. */
  function references(uid: string, content: Row, found = { files: new Set<number>(), documents: new Map<string, Set<string>>() }) {
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      const value = content?.[name];
      if (value === null || value === undefined) continue;
      if (attribute.type === 'media') for (const file of asList(value)) file?.id && found.files.add(file.id);
      else if (attribute.type === 'relation' && attribute.target && !attribute.target.startsWith('admin::')) {
        const set = found.documents.get(attribute.target) ?? new Set<string>();
        for (const documentId of asList(value)) if (typeof documentId === 'string') set.add(documentId);
        found.documents.set(attribute.target, set);
      } else if (attribute.type === 'component') for (const item of asList(value)) references(attribute.component!, item, found);
      else if (attribute.type === 'dynamiczone') for (const item of asList(value)) item?.__component && references(item.__component, item, found);
    }
    return found;
  }

  async function displayFor(uid: string, content: Row): Promise<Display> {
    const { files, documents } = references(uid, content);
    const display: Display = { files: {}, documents: {} };
    if (files.size) {
      const rows = await strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: [...files] } }, select: ['id', 'name', 'url', 'alternativeText', 'mime'] });
      for (const f of rows) display.files[String(f.id)] = { name: f.name, url: f.url ?? null, alternativeText: f.alternativeText ?? null, mime: f.mime ?? null };
    }
    for (const [target, ids] of documents) {
      if (!ids.size) continue;
      const mainField = await labels().mainField(target);
      const rows = await strapi.db.query(target as any).findMany({ where: { documentId: { $in: [...ids] } }, select: ['documentId', mainField] });
      for (const r of rows) display.documents[r.documentId] ??= String(r[mainField] ?? r.documentId);
    }
    return display;
  }

  async function adminName(id: number | null | undefined) {
    if (!id) return null;
    const user = await strapi.db.query('admin::user').findOne({ where: { id }, select: ['firstname', 'lastname', 'username', 'email'] });
    return user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || user.email : null;
  }

  // --- field-by-field changes -------------------------------------------------------------

  const fileLabel = (display: Display, file: Row) => display.files[String(file?.id)]?.name ?? `archivo ${file?.id}`;
  const docLabel = (display: Display, documentId: string) => display.documents[documentId] ?? `(documento ${documentId})`;

  /** One line per item of a repeatable component or dynamic zone, for a line diff. */
  function itemLine(componentUid: string, item: Row, display: Display): string {
    return Object.entries(model(componentUid).attributes)
      .map(([name, attribute]) => {
        const value = item?.[name];
        if (attribute.type === 'media') return asList(value).map((f) => fileLabel(display, f)).join(', ');
        if (attribute.type === 'relation') return asList(value).map((d) => docLabel(display, d)).join(', ');
        if (attribute.type === 'blocks') return blocksToPlainText(value).replace(/\n/g, ' ');
        if (attribute.type === 'component' || attribute.type === 'dynamiczone') return value ? '…' : '';
        return formatValue(componentUid, name, attribute, value, valueLabel());
      })
      .filter(Boolean)
      .join(' · ');
  }

  async function compare(uid: string, before: Row, after: Row, displays: { before: Display; after: Display }, path: string[] = []): Promise<FieldChange[]> {
    const label = await labels().forModel(uid);
    const changes: FieldChange[] = [];
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      if (!(name in (after ?? {})) && !(name in (before ?? {}))) continue;
      const old = before?.[name] ?? null;
      const now = after?.[name] ?? null;
      if (canonicalJson(old) === canonicalJson(now)) continue;
      const base = { path: [...path, name], label: label(name), type: attribute.type };
      if (attribute.type === 'component' && !attribute.repeatable && old && now) {
        const nested = await compare(attribute.component!, old, now, displays, [...path, name]);
        const parent = label(name);
        changes.push(...nested.map((change) => ({ ...change, label: `${parent} › ${change.label}` })));
        continue;
      }
      if (TEXT_TYPES.has(attribute.type) || attribute.type === 'blocks') {
        const a = attribute.type === 'blocks' ? blocksToPlainText(old) : String(old ?? '');
        const b = attribute.type === 'blocks' ? blocksToPlainText(now) : String(now ?? '');
        changes.push({ ...base, kind: 'text', before: old === null ? null : a, after: now === null ? null : b, parts: diffWords(a, b), ...(a === b ? { formatOnly: true } : {}) });
      } else if (attribute.type === 'media') {
        changes.push({ ...base, kind: 'list', before: asList(old).map((f) => fileLabel(displays.before, f)), after: asList(now).map((f) => fileLabel(displays.after, f)) });
      } else if (attribute.type === 'relation') {
        changes.push({ ...base, kind: 'list', before: asList(old).map((d) => docLabel(displays.before, d)), after: asList(now).map((d) => docLabel(displays.after, d)) });
      } else if (attribute.type === 'component' || attribute.type === 'dynamiczone') {
        const lines = (value: unknown, display: Display) =>
          asList(value).map((item: Row) => itemLine(attribute.type === 'component' ? attribute.component! : item.__component, item, display));
        const a = lines(old, displays.before);
        const b = lines(now, displays.after);
        changes.push({ ...base, kind: 'list', before: a, after: b, parts: diffLines(a.join('\n') + (a.length ? '\n' : ''), b.join('\n') + (b.length ? '\n' : '')) });
      } else {
        const show = (value: unknown) => (value === null ? null : formatValue(uid, name, attribute, value, valueLabel()));
        changes.push({ ...base, kind: 'value', before: show(old), after: show(now) });
      }
    }
    return changes;
  }

  const summary = (row: Row) => ({
    id: row.id,
    number: row.number,
    contentHash: row.contentHash,
    submittedByName: row.submittedByName ?? null,
    approvedAt: row.approvedAt ? new Date(row.approvedAt).toISOString() : null,
    approvedByName: row.approvedByName ?? null,
    publishedOn: row.publishedOn ? new Date(row.publishedOn).toISOString() : null,
    publishedByName: row.publishedByName ?? null,
    sameContentAsNumber: row.sameContentAsNumber ?? null,
  });

  // --- restoring ----------------------------------------------------------------------------

  /** Canonical content back into document-service data; files and documents that no longer exist are left out. */
  async function toData(uid: string, content: Row, missing: string[], display: Display): Promise<Row> {
    const data: Row = {};
    const nonWritable = new Set(contentTypeUtils.getNonWritableAttributes(model(uid) as any));
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      if (!(name in (content ?? {})) || nonWritable.has(name)) continue;
      const value = content[name];
      if (attribute.type === 'media') {
        const wanted = asList(value).map((f: Row) => f.id);
        const existing = wanted.length ? new Set((await strapi.db.query('plugin::upload.file').findMany({ where: { id: { $in: wanted } }, select: ['id'] })).map((f: Row) => f.id)) : new Set();
        for (const f of asList(value)) if (!existing.has(f.id)) missing.push(fileLabel(display, f));
        const ids = wanted.filter((id) => existing.has(id));
        data[name] = attribute.multiple ? ids : (ids[0] ?? null);
      } else if (attribute.type === 'relation') {
        if (!attribute.target || attribute.target.startsWith('admin::')) continue;
        const wanted = asList(value) as string[];
        const existing = wanted.length
          ? new Set((await strapi.db.query(attribute.target as any).findMany({ where: { documentId: { $in: wanted } }, select: ['documentId'] })).map((r: Row) => r.documentId))
          : new Set();
        for (const d of wanted) if (!existing.has(d)) missing.push(docLabel(display, d));
        const kept = wanted.filter((d) => existing.has(d));
        data[name] = Array.isArray(value) ? kept : (kept[0] ?? null);
      } else if (attribute.type === 'component') {
        data[name] = attribute.repeatable
          ? await Promise.all(asList(value).map((item: Row) => toData(attribute.component!, item, missing, display)))
          : value
            ? await toData(attribute.component!, value, missing, display)
            : null;
      } else if (attribute.type === 'dynamiczone') {
        data[name] = await Promise.all(asList(value).map(async (item: Row) => ({ __component: item.__component, ...(await toData(item.__component, item, missing, display)) })));
      } else {
        data[name] = value;
      }
    }
    return data;
  }

  async function findVersion(target: Target, versionId: number) {
    const row = await versions().findOne({ where: { id: versionId, targetKey: targetKey(target.uid, target.documentId, target.locale) } });
    if (!row) throw notFound('Esta versión no existe para este documento e idioma.');
    return row;
  }

  return {
    /**
     * Called by the workflow inside an approve's or a publish's transaction: keeps the approved
     * content (a new version) or marks the version that went public.
     */
    async capture({ target, event, row }: { target: Target; event: AuditEvent; row: { submittedById: number | null; approvedById?: number | null; approvedAt?: string | null } }) {
      const key = targetKey(target.uid, target.documentId, target.locale);
      if (event.action === 'publish') {
        const known = await versions().findOne({ where: { targetKey: key, contentHash: event.contentHash }, orderBy: { number: 'desc' } });
        if (known) {
          if (!known.publishedOn) await versions().update({ where: { id: known.id }, data: { publishedOn: event.occurredAt, publishedByName: event.actorName } });
          return;
        }
      }
      const content = await contentFor(target, event.contentHash);
      if (!content) {
        strapi.log.warn(`approval-workflow: no se guardó la versión de ${key}: su contenido ya no coincide con ${event.contentHash}.`);
        return;
      }
      const last = await versions().findOne({ where: { targetKey: key }, orderBy: { number: 'desc' }, select: ['number'] });
      // Approving content kept before (a restored version, typically) says so in the list.
      const same = await versions().findOne({ where: { targetKey: key, contentHash: event.contentHash }, orderBy: { number: 'desc' }, select: ['number'] });
      const approving = event.action === 'approve';
      await versions().create({
        data: {
          targetKey: key,
          targetUid: target.uid,
          targetDocumentId: target.documentId,
          targetLocale: target.locale,
          number: (last?.number ?? 0) + 1,
          contentHash: event.contentHash,
          sameContentAsNumber: same?.number ?? null,
          content,
          display: await displayFor(target.uid, content),
          submittedByName: await adminName(row.submittedById),
          // A publication of content approved before this store existed: its approval comes from the state row.
          approvedAt: approving ? event.occurredAt : (row.approvedAt ?? null),
          approvedById: approving ? event.actorId : (row.approvedById ?? null),
          approvedByName: approving ? event.actorName : await adminName(row.approvedById),
          ...(approving ? {} : { publishedOn: event.occurredAt, publishedByName: event.actorName }),
        },
      });
    },

    /** Every kept version of one document locale, newest first, and whether the draft is that version now. */
    async list(target: Target) {
      const [rows, currentHash] = await Promise.all([
        versions().findMany({ where: { targetKey: targetKey(target.uid, target.documentId, target.locale) }, orderBy: { number: 'desc' }, limit: 200 }),
        hashes().draftHash(target.uid, target.documentId, target.locale),
      ]);
      return rows.map((row: Row) => ({ ...summary(row), isCurrentDraft: row.contentHash === currentHash }));
    },

    /**
     * What the draft changes against a version: the one asked for, else the last kept version,
     * else (content published before this store existed) the published row.
     */
    async changes(target: Target, againstId?: number | null, checker?: { sanitizeOutput: (entry: Row) => Promise<Row> }) {
      const draft = await hashes().loadDraft(target.uid, target.documentId, target.locale);
      if (!draft) throw notFound('No existe este documento en el idioma indicado.');
      // The fields this role may read in the content manager (field-level permissions, components included).
      const readable = checker ? new Set(Object.keys(await checker.sanitizeOutput(draft))) : null;
      const current = hashes().canonicalContent(target.uid, draft);
      let baseline: Row | null = null;
      let against: Row | null = null;
      if (againstId) {
        const row = await findVersion(target, againstId);
        baseline = row.content;
        against = { kind: 'version', ...summary(row) };
      } else {
        const row = await versions().findOne({ where: { targetKey: targetKey(target.uid, target.documentId, target.locale) }, orderBy: { number: 'desc' } });
        if (row) {
          baseline = row.content;
          against = { kind: 'version', ...summary(row) };
        } else {
          const published = await hashes().loadPublished(target.uid, target.documentId, target.locale);
          baseline = published ? hashes().canonicalContent(target.uid, published) : null;
          if (baseline) against = { kind: 'published' };
        }
      }
      if (!baseline) return { against: null, fields: [] as FieldChange[] };
      const [before, after] = await Promise.all([against?.id ? versions().findOne({ where: { id: against.id }, select: ['display'] }).then((r: Row) => r?.display ?? null) : null, displayFor(target.uid, current)]);
      const displays = { before: (before as Display) ?? (await displayFor(target.uid, baseline)), after };
      const fields = (await compare(target.uid, baseline, current, displays)).filter((change) => !readable || readable.has(change.path[0]));
      return { against, fields };
    },

    /**
     * Writes a kept version into the draft through the document service (every rule on edits
     * applies: the approval is voided, four-eyes sees the restorer as the editor), then records
     * the restore in the audit trail: the locale goes back to draft and needs approval again.
     */
    async restore({ target, versionId, actor, userAbility, comment }: { target: Target; versionId: number; actor: Actor; userAbility: any; comment?: string | null }) {
      const version = await findVersion(target, versionId);
      const draft = await hashes().loadDraft(target.uid, target.documentId, target.locale);
      if (!draft) throw notFound('No existe este documento en el idioma indicado.');
      if (hashes().hashOf(target.uid, draft) === version.contentHash) throw invalidTransition(`El borrador ya es la versión ${version.number}: no hay nada que restaurar.`, { code: 'INVALID_TRANSITION' });
      const checker = strapi.plugin('content-manager').service('permission-checker').create({ userAbility, model: target.uid });
      if (checker.cannot.update(draft)) throw forbidden('Su rol no permite editar este documento.');
      const missing: string[] = [];
      const data = await toData(target.uid, version.content, missing, version.display ?? { files: {}, documents: {} });
      const allowed = await checker.sanitizeUpdateInput(draft)(data);
      const withheld = Object.keys(data).filter((field) => !(field in (allowed ?? {})));
      if (withheld.length) throw forbidden(`Su rol no puede editar todos los campos de esta versión (${withheld.join(', ')}): no se restauró nada.`);
      const note = [`Restaurada la versión ${version.number}${version.approvedByName ? ` (aprobada por ${version.approvedByName})` : ''}.`, missing.length ? `Ya no existen: ${missing.join(', ')}.` : '', comment?.trim() ?? '']
        .filter(Boolean)
        .join(' ');
      return strapi.db.transaction(async () => {
        await runAs(actor, () =>
          strapi.documents(target.uid as any).update({ documentId: target.documentId, locale: target.locale ?? undefined, data: { ...data, updatedBy: actor.id } } as any)
        );
        const contentHash = await hashes().draftHash(target.uid, target.documentId, target.locale);
        await getService(strapi, 'workflow').recordRestore(target, actor, { comment: note, contentHash });
        return { restoredNumber: version.number, contentHash, missing };
      });
    },
  };
};
