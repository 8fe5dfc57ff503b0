// One rule for what counts as an edit of a gated locale, generated from the
// gated types' schemas: a change to any attribute (own or shared, scalar,
// component, relation, media), from the same locale or through another one,
// resets a pending review (in-review → draft, event `review-reset`), voids an
// approval, and makes its author an editor of that locale for four-eyes.
// Deleting a document a gated one relates to is an edit of it too. Approvals
// made before the hash covered files (format 1) survive the upgrade when their
// content is unchanged, and only then.
import { approvals, approveAndPublish } from '../../helpers/approval';
import { fixtures, suffix } from '../../helpers/fixtures';
import { jpeg } from './corpus';
import { app, sessionOf, tempFile } from './support';

const gatedTypes = (): string[] => (app().config.get('plugin::approval-workflow') as any).gatedTypes;
const FIXTURE: Record<string, () => Record<string, unknown>> = {
  'api::press-note.press-note': fixtures.pressNote,
  'api::broadcast-program.broadcast-program': fixtures.broadcastProgram,
};
const SKIP = ['createdBy', 'updatedBy', 'localizations', 'locale', 'publishedAt', 'createdAt', 'updatedAt'];
const attributesOf = (uid: string): Record<string, any> => (app().getModel(uid as any) as any).attributes;
const isLocalized = (uid: string) => Boolean((app().getModel(uid as any) as any).pluginOptions?.i18n?.localized);
const isShared = (a: any) => a.pluginOptions?.i18n?.localized === false;

async function storedFile(image: boolean) {
  const name = `edicion-${suffix()}.${image ? 'jpg' : 'pdf'}`;
  const buffer = image ? await jpeg(`#${suffix()}`, 150, 100) : Buffer.from(`%PDF-1.4\n3 0 obj << /Type /Page >> endobj\n% ${suffix()}\n%%EOF\n`);
  const tmp = await tempFile(name, buffer);
  try {
    const [file] = await app()
      .plugin('upload')
      .service('upload')
      .upload({ data: { fileInfo: { name } }, files: { filepath: tmp.filepath, originalFilename: name, mimetype: image ? 'image/jpeg' : 'application/pdf', size: buffer.length } });
    return file.id as number;
  } finally {
    await tmp.dispose();
  }
}

/** A different value for an attribute, from its type (the "edit" of the case). */
async function changed(uid: string, key: string, a: any, current: any, locale?: string): Promise<unknown> {
  switch (a.type) {
    case 'string':
    case 'text':
      return `${current ?? 'Texto'} (cambiado)`.slice(0, a.maxLength ?? 200);
    case 'uid':
      return `${current ?? key}-cambio`;
    case 'richtext':
      return `${current ?? ''} cambio`;
    case 'blocks':
      return [{ type: 'paragraph', children: [{ type: 'text', text: `Cambio ${suffix()}` }] }];
    case 'enumeration':
      return a.enum.find((v: string) => v !== current);
    case 'json': {
      // `subjects` takes keys of the dissemination plugin's configured list (checked on every write path).
      if (key !== 'subjects') return ['cambio'];
      const keys = (app().config.get('plugin::dissemination') as { subjects: Array<{ key: string }> }).subjects.map((s) => s.key);
      return [keys.find((k) => !(Array.isArray(current) ? current : []).includes(k))];
    }
    case 'datetime':
      return '2031-01-01T10:00:00.000Z';
    case 'date':
      return current === '2031-02-02' ? '2031-02-03' : '2031-02-02';
    case 'time':
      return '09:30:00.000';
    case 'integer':
    case 'biginteger':
      return Math.min((Number(current) || a.min || 0) + 1, a.max ?? Number.MAX_SAFE_INTEGER);
    case 'decimal':
    case 'float':
      return (Number(current) || 0) + 1.5;
    case 'boolean':
      return !current;
    case 'email':
      return `cambio-${suffix()}@municipalidad.test`;
    case 'media': {
      const id = await storedFile((a.allowedTypes ?? ['images']).includes('images'));
      return a.multiple ? [id] : id;
    }
    case 'relation': {
      const target = await app().documents(a.target).create({ data: targetFixture(a.target) } as any);
      // A localised target is linked in the locale being edited; it exists in the others too, so the link is shared.
      if (locale && isLocalized(a.target)) await app().documents(a.target).update({ documentId: target.documentId, locale, data: targetFixture(a.target) } as any);
      return /Many$/.test(a.relation) ? [target.documentId] : target.documentId;
    }
    case 'component': {
      const inner = Object.entries(attributesOf(a.component)).find(([, x]) => !['relation', 'media', 'component', 'dynamiczone'].includes(x.type))!;
      const strip = ({ id: _id, ...rest }: any) => rest;
      const base = a.repeatable ? (current?.[0] ? strip(current[0]) : {}) : current ? strip(current) : {};
      const value = { ...requiredOf(a.component), ...base, [inner[0]]: await changed(a.component, inner[0], inner[1], base[inner[0]]) };
      return a.repeatable ? [value] : value;
    }
    default:
      throw new Error(`edits.test: no change generator for ${uid}.${key} (${a.type})`);
  }
}

const requiredOf = (component: string) =>
  Object.fromEntries(
    Object.entries(attributesOf(component))
      .filter(([, a]) => a.required)
      .map(([k, a]) => [k, a.default ?? (a.type === 'enumeration' ? a.enum[0] : a.type === 'integer' ? 30 : a.type === 'boolean' ? false : 'x')])
  );

function targetFixture(uid: string) {
  const make: Record<string, () => Record<string, unknown>> = {
    'api::norm.norm': fixtures.norm,
    'api::ceremony.ceremony': () => fixtures.ceremony(true),
    'api::protocol-contact.protocol-contact': () => fixtures.contact(),
    'api::institution.institution': fixtures.institution,
  };
  if (!make[uid]) throw new Error(`edits.test: no fixture for relation target ${uid}`);
  return make[uid]();
}

/** Every attribute of every gated type that is part of its content. */
const editableAttributes = () =>
  gatedTypes().flatMap((uid) =>
    Object.entries(attributesOf(uid))
      .filter(([key]) => !SKIP.includes(key))
      .map(([key, a]) => ({ uid, key, a, shared: isLocalized(uid) && isShared(a) }))
  );

const as = async (role: string) => approvals(await sessionOf(role));
const draftOf = (uid: string, documentId: string, locale?: string) => app().documents(uid as any).findOne({ documentId, locale, status: 'draft', populate: '*' } as any);

async function submitted(uid: string, withEnglish = false) {
  const doc = await app().documents(uid as any).create({ data: FIXTURE[uid]() } as any);
  if (withEnglish) await app().documents(uid as any).update({ documentId: doc.documentId, locale: 'en', data: { ...FIXTURE[uid](), title: `English ${suffix()}` } } as any);
  expect((await (await as('redactor')).act(uid, doc.documentId, 'submit')).status).toBe(200);
  return doc.documentId as string;
}

/** The Gerente edits one attribute, through the content manager, in the given locale. */
async function gerenteEdits(uid: string, documentId: string, key: string, a: any, locale?: string) {
  const current: any = await draftOf(uid, documentId, locale);
  const value = await changed(uid, key, a, current?.[key], locale);
  const session = await sessionOf('gerente-comunicaciones');
  const { http } = require('../../helpers/app');
  const res = await http()
    .put(`/content-manager/collection-types/${uid}/${documentId}`)
    .query(locale ? { locale } : isLocalized(uid) ? { locale: 'es-PE' } : {})
    .set('Authorization', `Bearer ${session.token}`)
    .send({ [key]: value });
  if (res.status !== 200) throw new Error(`${uid}.${key} = ${JSON.stringify(value)}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
}

async function expectResetAndFourEyes(uid: string, documentId: string, locale?: string) {
  const status = (await (await as('redactor')).status(uid, documentId, locale)).body.data;
  expect(status.state).toBe('draft');
  expect(status.history.at(-1)).toMatchObject({ action: 'review-reset', fromState: 'in-review' });
  expect((await (await as('redactor')).act(uid, documentId, 'submit', {}, locale)).status).toBe(200);
  const refused = await (await as('gerente-comunicaciones')).act(uid, documentId, 'approve', {}, locale);
  expect([refused.status, refused.body.error?.details?.code]).toEqual([403, 'SELF_APPROVAL_FORBIDDEN']);
}

describe.each(editableAttributes().map((x) => [`${x.uid} ${x.key}`, x] as const))('%s', (_label, { uid, key, a, shared }) => {
  it('changed during review (same locale): the review resets and its author is an editor', async () => {
    const documentId = await submitted(uid);
    await gerenteEdits(uid, documentId, key, a);
    await expectResetAndFourEyes(uid, documentId);
  });

  if (shared) {
    it('changed through another locale: an edit of every locale whose content it changed', async () => {
      const documentId = await submitted(uid, true);
      const seen = async () => JSON.stringify(((await draftOf(uid, documentId, 'es-PE')) as any)?.[key] ?? null, (k, v) => (['id', 'updatedAt', 'createdAt'].includes(k) ? undefined : v));
      const before = await seen();
      await gerenteEdits(uid, documentId, key, a, 'en');
      if ((await seen()) !== before) return expectResetAndFourEyes(uid, documentId, 'es-PE');
      // Strapi keeps relations per locale even when the field is not localised: es-PE did not change.
      expect((await (await as('redactor')).status(uid, documentId, 'es-PE')).body.data.state).toBe('in-review');
    });
  }
});

it('a shared field changed through another locale voids the published locale’s approval, and the editor may not approve it again', async () => {
  const uid = gatedTypes().find(isLocalized)!;
  const [key, a] = Object.entries(attributesOf(uid)).find(([k, x]) => isShared(x) && x.type === 'enumeration' && !SKIP.includes(k))!;
  const doc = await app().documents(uid as any).create({ data: FIXTURE[uid]() } as any);
  await app().documents(uid as any).update({ documentId: doc.documentId, locale: 'en', data: { ...FIXTURE[uid](), title: `English ${suffix()}` } } as any);
  await approveAndPublish(uid, doc.documentId);
  await gerenteEdits(uid, doc.documentId, key, a, 'en');
  const status = (await (await as('redactor')).status(uid, doc.documentId, 'es-PE')).body.data;
  expect(status).toMatchObject({ state: 'draft', editedSinceApproval: true });
  expect(status.history.at(-1)).toMatchObject({ action: 'invalidate' });
  expect((await (await as('redactor')).act(uid, doc.documentId, 'submit', {}, 'es-PE')).status).toBe(200);
  expect((await (await as('gerente-comunicaciones')).act(uid, doc.documentId, 'approve', {}, 'es-PE')).status).toBe(403);
});

describe.each(
  gatedTypes().flatMap((uid) =>
    Object.entries(attributesOf(uid))
      .filter(([k, x]) => x.type === 'relation' && x.target.startsWith('api::') && !SKIP.includes(k))
      .map(([k, x]) => [`${uid} ${k}`, uid, k, x] as const)
  )
)('deleting what %s links', (_label, uid, key, a) => {
  it('is an edit of the gated document: its approval is voided', async () => {
    const target = await app().documents(a.target).create({ data: targetFixture(a.target) } as any);
    const doc = await app().documents(uid as any).create({ data: { ...FIXTURE[uid](), [key]: /Many$/.test(a.relation) ? [target.documentId] : target.documentId } } as any);
    await approveAndPublish(uid, doc.documentId);
    await app().documents(a.target).delete({ documentId: target.documentId } as any);
    const status = (await (await as('redactor')).status(uid, doc.documentId)).body.data;
    expect(status).toMatchObject({ state: 'draft', editedSinceApproval: true });
  });
});

describe('approvals from before files counted by bytes and description (hash format 1)', () => {
  it('carry over when the content is unchanged, stay void when it changed, with a rehash event in a chain that verifies', async () => {
    const uid = gatedTypes()[0];
    const hashes = app().plugin('approval-workflow').service('content-hash');
    const format = app().plugin('approval-workflow').service('hash-format');
    const STATE = 'plugin::approval-workflow.approval-state';
    const make = async () => {
      const doc = await app().documents(uid as any).create({ data: { ...FIXTURE[uid](), cover: await storedFile(true) } } as any);
      await (await as('redactor')).act(uid, doc.documentId, 'submit');
      await (await as('gerente-comunicaciones')).act(uid, doc.documentId, 'approve');
      return doc.documentId as string;
    };
    const [unchanged, edited] = [await make(), await make()];
    // As an older version left them: approved hashes in format 1; `edited` changed behind the workflow since.
    for (const documentId of [unchanged, edited]) {
      const draft = await hashes.loadDraft(uid, documentId, 'es-PE');
      await app().db.query(STATE).updateMany({ where: { targetDocumentId: documentId }, data: { approvedHash: hashes.legacyHashOf(uid, draft) } });
    }
    await app().db.query(uid as any).updateMany({ where: { documentId: edited, publishedAt: null }, data: { lead: 'Cambiado antes de la actualización.' } });
    await format.setFormat(1);
    expect((await (await as('redactor')).status(uid, unchanged)).body.data.isApprovedVersion).toBe(false);

    const result = await format.upgrade();
    // Other files of the run may leave approvals of their own: what matters is these two.
    expect(result!.carried).toBeGreaterThanOrEqual(1);
    expect(result!.stale).toBeGreaterThanOrEqual(1);
    const kept = (await (await as('redactor')).status(uid, unchanged)).body.data;
    expect(kept).toMatchObject({ state: 'approved', isApprovedVersion: true });
    expect(kept.history.at(-1)).toMatchObject({ action: 'rehash', fromState: 'approved', toState: 'approved' });
    expect((await (await as('redactor')).status(uid, edited)).body.data).toMatchObject({ isApprovedVersion: false, editedSinceApproval: true });
    await expect(app().documents(uid as any).publish({ documentId: unchanged } as any)).resolves.toBeTruthy();
    await expect(app().documents(uid as any).publish({ documentId: edited } as any)).rejects.toMatchObject({ details: { code: 'APPROVAL_OUTDATED' } });
    expect(await format.upgrade()).toBeNull();
    const { broken } = await app().plugin('audit-trail').service('chains').verify();
    expect(broken).toEqual([]);
  });
});
