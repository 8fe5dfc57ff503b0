// Publication requests: creation (by the art. 44 rules or by hand), listing,
// and every staff transition, each in one transaction that changes nothing when refused.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  ERROR_CODES,
  FINAL_STATES,
  GAZETTE_ID_PATTERN,
  NORM_UID,
  REQUEST_UID,
  type Channel,
  type RequestAction,
  type RequestState,
} from '../constants';
import { getConfig, getService } from '../utils';
import { calendarOf, dueBy as computeDueBy, expectedEditionDate, localDateTime, today } from './dates';
import { channelsFor, givesEffect, outletFor, type NormFacts } from './rules';
import { PORTAL_PUBLISHABLE_FROM, TRANSITIONS } from './transitions';
import type { ActionBody } from '../validation/requests';

export interface Actor {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
}

export interface CreateInput {
  normDocumentId: string;
  channel: Channel;
  outlet?: string | null;
  dueBy?: string | null;
  priority?: number | null;
  signedPdfId?: number | null;
  editableDocxId?: number | null;
  coverId?: number | null;
}

type Row = Record<string, any>;

const FILE_FIELDS = ['signedPdf', 'editableDocx', 'cover', 'proof'] as const;
const POPULATE_FILES = Object.fromEntries(FILE_FIELDS.map((f) => [f, { select: ['id', 'name', 'url', 'mime', 'size'] }]));

const liveKey = (normDocumentId: string, channel: string) => `${normDocumentId}:${channel}`;
const isUniqueViolation = (error: any) => error?.code === '23505' || /UNIQUE constraint failed/i.test(error?.message ?? '');

/** Channels whose outlet takes the Diario Oficial's two files. */
const needsTwoFiles = (channel: Channel) => channel === 'el-peruano' || channel === 'diario-judicial';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(REQUEST_UID);
  const config = () => getConfig(strapi);
  const events = () => getService('events', strapi);

  const invalidTransition = (request: Row, action: string, allowed: RequestState[]) =>
    new errors.ApplicationError(`No se puede «${action}» una solicitud en estado «${request.state}».`, {
      code: ERROR_CODES.invalidTransition,
      action,
      state: request.state,
      allowedFrom: allowed,
    });

  const invalidDate = (message: string, field: string) => new errors.ValidationError(message, { code: ERROR_CODES.invalidDate, field });

  async function findNorm(documentId: string) {
    const norm = await strapi.db.query(NORM_UID).findOne({
      where: { documentId },
      orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      populate: { bodyFile: true, editableFile: true },
    });
    if (!norm) {
      throw new errors.NotFoundError(`No existe la norma ${documentId}.`, { code: ERROR_CODES.normNotFound, normDocumentId: documentId });
    }
    return norm as Row;
  }

  /** `overdue`: past `dueBy` and not yet published or cancelled. */
  const withFlags = (request: Row, todayDate = today(config().timeZone)) => ({
    ...request,
    overdue: Boolean(request.dueBy) && request.dueBy < todayDate && !FINAL_STATES.includes(request.state),
    nextAttemptAt: request.nextAttemptAt ? new Date(Number(request.nextAttemptAt)).toISOString() : null,
    lockedUntil: request.lockedUntil ? new Date(Number(request.lockedUntil)).toISOString() : null,
  });

  async function insert(input: CreateInput, origin: 'rules' | 'manual', norm: Row, actor: Actor | null) {
    const cfg = config();
    const outlet = outletFor(cfg, input.channel, input.outlet);
    if (!outlet) {
      throw new errors.ValidationError(`No hay un medio configurado para el canal «${input.channel}»${input.outlet ? ` con la clave «${input.outlet}»` : ''}.`, {
        code: ERROR_CODES.unknownOutlet,
        channel: input.channel,
        outlet: input.outlet ?? null,
      });
    }
    const calendar = calendarOf(cfg);
    const now = new Date();
    const data = {
      normDocumentId: norm.documentId,
      normNumber: norm.number,
      normTitle: norm.title,
      channel: input.channel,
      outlet: outlet.key,
      liveKey: liveKey(norm.documentId, input.channel),
      origin,
      state: 'queued',
      priority: input.priority ?? 0,
      dueBy: input.dueBy ?? computeDueBy({ queuedOn: today(cfg.timeZone, now), normType: norm.normType, concernsArbitrios: norm.concernsArbitrios }, outlet, cfg, calendar),
      signedPdf: input.signedPdfId ?? null,
      editableDocx: input.editableDocxId ?? null,
      cover: input.coverId ?? null,
      attempts: 0,
      nextAttemptAt: now.getTime(),
    };
    let created: Row;
    try {
      created = await query().create({ data });
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(norm.documentId, input.channel);
      throw error;
    }
    const reference = `${cfg.jurisdiction.acronym}-${now.getUTCFullYear()}-${String(created.id).padStart(6, '0')}`;
    const { event, patch } = events().next(created, { action: 'create', from: null, to: 'queued', actor, details: { origin, channel: input.channel, outlet: outlet.key } });
    await query().update({ where: { id: created.id }, data: { reference, ...patch } });
    await events().append(event);
    return { ...created, reference, ...patch };
  }

  const duplicate = (normDocumentId: string, channel: string) =>
    new errors.ApplicationError(`Ya hay una solicitud en curso para esta norma en el canal «${channel}».`, {
      code: ERROR_CODES.duplicateRequest,
      normDocumentId,
      channel,
    });

  /** Checks the files a manual request names, or the norm's own, by content. */
  async function checkFilesForManual(input: CreateInput, norm: Row) {
    const files = getService('files', strapi);
    const pdfId = input.signedPdfId ?? norm.bodyFile?.id;
    const docxId = input.editableDocxId ?? norm.editableFile?.id;
    if (needsTwoFiles(input.channel) && (!pdfId || !docxId)) {
      throw new errors.ValidationError('Faltan archivos: el medio pide el PDF del original firmado y el archivo editable DOCX.', {
        code: ERROR_CODES.missingFiles,
        missing: [!pdfId && 'signedPdf', !docxId && 'editableDocx'].filter(Boolean),
      });
    }
    if (pdfId) await files.checkUpload(pdfId, 'signedPdf');
    if (docxId) await files.checkUpload(docxId, 'editableDocx');
    if (input.coverId) await files.checkUpload(input.coverId, 'cover');
  }

  function checkNotBeforeSubmission(request: Row, date: string, field: string) {
    if (!request.submittedAt) return;
    const submittedOn = localDateTime(new Date(request.submittedAt), config().timeZone).date;
    if (date < submittedOn) throw invalidDate(`La fecha ${date} es anterior a la presentación (${submittedOn}).`, field);
  }

  /** What each action writes, after its own checks. */
  async function changesFor(action: RequestAction, request: Row, body: ActionBody): Promise<Row> {
    const cfg = config();
    switch (action) {
      case 'retry': {
        const files = getService('files', strapi);
        if (body.signedPdfId) await files.checkUpload(body.signedPdfId, 'signedPdf');
        if (body.editableDocxId) await files.checkUpload(body.editableDocxId, 'editableDocx');
        if (body.coverId) await files.checkUpload(body.coverId, 'cover');
        return { attempts: 0, nextAttemptAt: Date.now(), lastError: null, lockedBy: null, lockedUntil: null, rejectionReason: null };
      }
      case 'record-submission': {
        const submittedAt = body.submittedAt ? new Date(body.submittedAt) : new Date();
        if (submittedAt.getTime() > Date.now() + 60_000) throw invalidDate('La fecha de presentación no puede estar en el futuro.', 'submittedAt');
        const outlet = outletFor(cfg, request.channel, request.outlet);
        return {
          submittedAt,
          submissionReference: body.submissionReference ?? null,
          expectedEditionDate: outlet ? expectedEditionDate(submittedAt, outlet, calendarOf(cfg)) : null,
          lastError: null,
        };
      }
      case 'record-quote':
        return { quoteAmount: body.quoteAmount, quoteReference: body.quoteReference ?? null };
      case 'record-payment':
        checkNotBeforeSubmission(request, body.paymentDate, 'paymentDate');
        return { paymentReference: body.paymentReference, paymentDate: body.paymentDate };
      case 'record-schedule':
        checkNotBeforeSubmission(request, body.expectedEditionDate, 'expectedEditionDate');
        return { expectedEditionDate: body.expectedEditionDate };
      case 'record-publication': {
        checkNotBeforeSubmission(request, body.editionDate, 'editionDate');
        const gazetteId = body.gazetteId?.trim() || null;
        if (request.channel === 'el-peruano' && !gazetteId) {
          throw new errors.ValidationError('Falta el ID de la publicación en el Diario Oficial (por ejemplo 1835431-1).', { code: ERROR_CODES.invalidGazetteId });
        }
        if (gazetteId && !GAZETTE_ID_PATTERN.test(gazetteId)) {
          throw new errors.ValidationError(`«${gazetteId}» no es un ID de publicación válido (forma 1835431-1).`, { code: ERROR_CODES.invalidGazetteId, gazetteId });
        }
        if (body.proofFileId) await getService('files', strapi).checkUpload(body.proofFileId, 'proof');
        return { editionDate: body.editionDate, page: body.page, gazetteId, liveKey: null };
      }
      case 'record-rejection':
        return { rejectionReason: body.rejectionReason };
      case 'cancel':
        return { liveKey: null };
    }
  }

  return {
    withFlags,

    async findOne(id: number) {
      const request = await query().findOne({ where: { id }, populate: POPULATE_FILES });
      if (!request) throw new errors.NotFoundError(`No existe la solicitud ${id}.`, { code: ERROR_CODES.requestNotFound, id });
      return { ...withFlags(request), timeline: await events().timeline(request) };
    },

    /** Requests by filter, overdue first (oldest due first), then by priority and due date; with counts per state. */
    async list(filters: { state?: string; outlet?: string; overdue?: string; normDocumentId?: string; page?: number; pageSize?: number }) {
      const todayDate = today(config().timeZone);
      const where: Row = {};
      if (filters.state) where.state = filters.state;
      if (filters.outlet) where.outlet = filters.outlet;
      if (filters.normDocumentId) where.normDocumentId = filters.normDocumentId;
      const overdue = { ...where, dueBy: { $lt: todayDate }, state: { $notIn: FINAL_STATES, ...(filters.state ? { $eq: filters.state } : {}) } };
      const onTime = { ...where, $or: [{ dueBy: { $null: true } }, { dueBy: { $gte: todayDate } }, { state: { $in: FINAL_STATES } }] };
      const pageSize = filters.pageSize ?? 50;
      const page = filters.page ?? 1;
      const start = (page - 1) * pageSize;
      const overdueCount = filters.overdue === 'false' ? 0 : await query().count({ where: overdue });
      const onTimeCount = filters.overdue === 'true' ? 0 : await query().count({ where: onTime });
      const overduePart =
        start < overdueCount
          ? await query().findMany({ where: overdue, orderBy: [{ dueBy: 'asc' }, { id: 'asc' }], offset: start, limit: Math.min(pageSize, overdueCount - start), populate: POPULATE_FILES })
          : [];
      const left = pageSize - overduePart.length;
      const onTimePart =
        left > 0 && onTimeCount
          ? await query().findMany({
              where: onTime,
              orderBy: [{ priority: 'desc' }, { dueBy: 'asc' }, { id: 'asc' }],
              offset: Math.max(0, start - overdueCount),
              limit: left,
              populate: POPULATE_FILES,
            })
          : [];
      return {
        results: [...overduePart, ...onTimePart].map((r: Row) => withFlags(r, todayDate)),
        pagination: { page, pageSize, total: overdueCount + onTimeCount },
        counts: await this.countsByState(),
        overdueCount: filters.overdue === 'false' ? await query().count({ where: overdue }) : overdueCount,
      };
    },

    async countsByState() {
      const rows = (await strapi.db
        .connection(strapi.db.metadata.get(REQUEST_UID).tableName)
        .select('state')
        .count({ count: '*' })
        .groupBy('state')) as Array<{ state: string; count: string | number }>;
      return Object.fromEntries(rows.map((r) => [r.state, Number(r.count)]));
    },

    /** Queues a norm by hand in one channel. Refused when a live request exists (DUPLICATE_REQUEST). */
    async create(input: CreateInput, actor: Actor | null) {
      const created: Row = await strapi.db.transaction(async () => {
        const norm = await findNorm(input.normDocumentId);
        if (await query().findOne({ where: { liveKey: liveKey(norm.documentId, input.channel) }, select: ['id'] })) {
          throw duplicate(norm.documentId, input.channel);
        }
        await checkFilesForManual(input, norm);
        return insert(input, 'manual', norm, actor);
      });
      return this.findOne(created.id);
    },

    /**
     * The requests art. 44 asks for a promulgated norm, created once per channel:
     * a channel that already has a request (live or published) is left alone.
     */
    async ensureForNorm(norm: NormFacts & { documentId: string; legalStatus?: string }) {
      if (norm.legalStatus !== 'promulgated') return [];
      const channels = channelsFor(norm, config());
      if (!channels.length) return [];
      return strapi.db.transaction(async () => {
        const existing = await query().findMany({
          where: { normDocumentId: norm.documentId, channel: { $in: channels }, state: { $ne: 'cancelled' } },
          select: ['channel'],
        });
        const covered = new Set(existing.map((r: Row) => r.channel));
        const fullNorm = channels.some((c) => !covered.has(c)) ? await findNorm(norm.documentId) : null;
        const created: Row[] = [];
        for (const channel of channels.filter((c) => !covered.has(c))) {
          created.push(await insert({ normDocumentId: norm.documentId, channel }, 'rules', fullNorm!, null));
        }
        return created;
      });
    },

    /** A staff action on a request (see ./transitions.ts). `can` answers the caller's admin permissions. */
    async act(id: number, action: RequestAction, body: ActionBody, actor: Actor, can: (permission: string) => boolean) {
      const transition = TRANSITIONS[action];
      if (!can(transition.permission)) {
        throw new errors.ForbiddenError('No tiene permiso para esta acción sobre las solicitudes de publicación.', {
          code: ERROR_CODES.forbidden,
          action,
        });
      }
      await strapi.db.transaction(async () => {
        const request = await query().findOne({ where: { id } });
        if (!request) throw new errors.NotFoundError(`No existe la solicitud ${id}.`, { code: ERROR_CODES.requestNotFound, id });
        if (!transition.from.includes(request.state)) throw invalidTransition(request, action, transition.from);
        if (action === 'retry' && (await this.hasOtherLive(request))) throw duplicate(request.normDocumentId, request.channel);
        const changes = await changesFor(action, request, body);
        const fileChanges = Object.fromEntries(
          (['signedPdf', 'editableDocx', 'cover'] as const).filter((f) => body[`${f}Id`]).map((f) => [f, body[`${f}Id`]])
        );
        if (body.proofFileId) fileChanges.proof = body.proofFileId;
        await this.transition(request, action, transition.to, { ...changes }, actor, body);
        if (Object.keys(fileChanges).length) await query().update({ where: { id }, data: fileChanges });
        if (action === 'record-publication' && givesEffect(request.channel)) {
          await getService('norms', strapi).applyPublication(request.normDocumentId, {
            outlet: outletFor(config(), request.channel, request.outlet)?.name ?? request.outlet,
            channel: request.channel,
            editionDate: changes.editionDate,
            gazetteId: changes.gazetteId,
            page: changes.page,
          });
        }
      });
      return this.findOne(id);
    },

    /** Another live request for the same norm and channel (a retry would make two). */
    async hasOtherLive(request: Row) {
      const other = await query().findOne({ where: { liveKey: liveKey(request.normDocumentId, request.channel), id: { $ne: request.id } }, select: ['id'] });
      return Boolean(other);
    },

    /**
     * Moves a request from the state it was read in to `to`, atomically: if another
     * actor changed it meanwhile, nothing is written and INVALID_TRANSITION is thrown.
     */
    async transition(request: Row, action: string, to: RequestState, changes: Row, actor: Actor | null, details: Row = {}) {
      const comment = details.reason ?? details.rejectionReason ?? null;
      const { event, expected, patch } = events().next(request, { action, from: request.state, to, actor, details, comment });
      const { count } = await query().updateMany({
        where: { id: request.id, state: request.state, ...expected },
        data: { ...changes, ...patch, state: to, ...(to === 'queued' ? { liveKey: liveKey(request.normDocumentId, request.channel) } : {}) },
      });
      if (count !== 1) throw invalidTransition(request, action, [request.state]);
      await events().append(event);
    },

    /**
     * Cancels a norm's live requests (it was deleted or is no longer promulgated), each with
     * `reason` in its audit chain. A request being e-mailed right now is left to finish
     * (staff cancel it afterwards if the outlet got it); returns the ids cancelled.
     */
    async cancelForNorm(normDocumentId: string, reason: string, actor: Actor | null) {
      const live = await query().findMany({ where: { normDocumentId, state: { $in: TRANSITIONS.cancel.from } } });
      for (const request of live) await this.transition(request, 'cancel', 'cancelled', { liveKey: null }, actor, { reason, cause: 'norm' });
      const inFlight = await query().count({ where: { normDocumentId, state: 'dispatching' } });
      if (inFlight) strapi.log.warn(`[diario-oficial] norm ${normDocumentId}: ${inFlight} request(s) being dispatched were not cancelled`);
      return live.map((r: Row) => r.id as number);
    },

    /** Publishing the norm on the website is the portal channel's publication. */
    async recordPortalPublication(normDocumentId: string, page: string) {
      const requests = await query().findMany({ where: { normDocumentId, channel: 'portal', state: { $in: PORTAL_PUBLISHABLE_FROM } } });
      const editionDate = today(config().timeZone);
      for (const request of requests) {
        await this.transition(request, 'website-publication', 'published', { editionDate, page, liveKey: null }, null, { page });
      }
      return requests.length;
    },
  };
};
