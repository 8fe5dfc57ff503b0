/**
 * E-mails (Strapi's email plugin, nodemailer provider) and webhook events
 * after a transition has been committed. A failed e-mail is logged and never
 * undoes or blocks the transition.
 */
import type { Core } from '@strapi/strapi';
import { PERMISSIONS, STATE_LABELS, WEBHOOK_EVENTS, type ApprovalState } from '../constants';
import type { AuditEvent } from '../../../../audit-trail/server/src/api';
import { getService } from '../utils';

export interface Announcement {
  event: AuditEvent;
  title: string;
  submittedById: number | null;
  /** Set when an edit or the scheduler cancelled a scheduled publication. */
  cancelledPublishAt?: string | null;
}

const WEBHOOK_BY_ACTION: Partial<Record<string, string>> = {
  submit: WEBHOOK_EVENTS.submitted,
  approve: WEBHOOK_EVENTS.approved,
  'request-changes': WEBHOOK_EVENTS.changesRequested,
  publish: WEBHOOK_EVENTS.published,
};

const formatDate = (iso: string) =>
  new Date(iso).toLocaleString('es-PE', { timeZone: 'America/Lima', dateStyle: 'long', timeStyle: 'short' });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::approval-workflow') as { adminUrl: string };

  const editLink = ({ targetUid, targetDocumentId, targetLocale }: AuditEvent) => {
    const base = config().adminUrl || strapi.config.get('admin.absoluteUrl', '') || '';
    const locale = targetLocale ? `?plugins[i18n][locale]=${targetLocale}` : '';
    return `${base}/content-manager/collection-types/${targetUid}/${targetDocumentId}${locale}`;
  };

  /** The signed preview link of exactly the submitted version (services/preview.ts): no admin session needed. */
  const previewLine = (event: AuditEvent) => {
    if (!event.contentHash) return '';
    const preview = getService(strapi, 'preview').linkFor({ uid: event.targetUid, documentId: event.targetDocumentId, locale: event.targetLocale ?? null, hash: event.contentHash });
    if (!preview) return '';
    return `\n\nVista previa, sin iniciar sesión (válida hasta el ${formatDate(preview.expiresAt)}, hora de Lima; deja de valer si el contenido se edita):\n${preview.url}`;
  };

  /** Active admin users whose role has the review permission (the Gerente by default). */
  async function reviewerEmails(): Promise<string[]> {
    const permissions = await strapi.db.query('admin::permission').findMany({ where: { action: PERMISSIONS.review }, populate: ['role'] });
    const roleIds = [...new Set(permissions.map((p: any) => p.role?.id).filter(Boolean))];
    if (!roleIds.length) return [];
    const users = await strapi.db.query('admin::user').findMany({ where: { isActive: true, roles: { id: { $in: roleIds } } }, select: ['email'] });
    return [...new Set(users.map((u: any) => u.email as string))];
  }

  async function adminEmail(id: number | null) {
    if (!id) return null;
    const user = await strapi.db.query('admin::user').findOne({ where: { id }, select: ['email', 'isActive'] });
    return user?.isActive ? (user.email as string) : null;
  }

  async function send(to: string[], subject: string, text: string) {
    if (!to.length) return;
    try {
      await strapi.plugin('email').service('email').send({ to: to.join(', '), subject, text });
    } catch (error: any) {
      strapi.log.error(`approval-workflow: no se pudo enviar el correo «${subject}» a ${to.join(', ')}: ${error?.message ?? error}`);
    }
  }

  function mailFor({ event, title, cancelledPublishAt }: Announcement): { toSubmitter: boolean; subject: string; text: string } | null {
    const who = event.actorName;
    const comment = event.comment ? `\n\nComentario: ${event.comment}` : '';
    const link = `\n\nAbrir: ${editLink(event)}`;
    switch (event.action) {
      case 'submit':
        return { toSubmitter: false, subject: `Para aprobar: «${title}»`, text: `${who} envió «${title}» (${event.targetLocale ?? 'sin idioma'}) a aprobación.${comment}${previewLine(event)}${link}` };
      case 'approve': {
        const when = event.publishAt ? ` Se publicará automáticamente el ${formatDate(event.publishAt)} (hora de Lima).` : '';
        return { toSubmitter: true, subject: `Aprobado: «${title}»`, text: `${who} aprobó «${title}».${when}${comment}${link}` };
      }
      case 'request-changes':
        return { toSubmitter: true, subject: `Cambios solicitados: «${title}»`, text: `${who} pidió cambios en «${title}».${comment}${link}` };
      case 'publish':
        return { toSubmitter: true, subject: `Publicado: «${title}»`, text: `«${title}» fue publicado por ${who}.${link}` };
      case 'invalidate':
        if (!cancelledPublishAt) return null;
        return {
          toSubmitter: true,
          subject: `Publicación programada cancelada: «${title}»`,
          text: `«${title}» no se publicó el ${formatDate(cancelledPublishAt)}: su contenido cambió después de la aprobación. Debe enviarse de nuevo a aprobación.${comment}${link}`,
        };
      default:
        return null;
    }
  }

  return {
    reviewerEmails,

    /** Sends the e-mail and webhook event a committed transition calls for. Never throws. */
    async announce(announcement: Announcement) {
      const { event, title } = announcement;
      const webhook = WEBHOOK_BY_ACTION[event.action];
      if (webhook) {
        strapi.eventHub.emit(webhook, {
          uid: event.targetUid,
          documentId: event.targetDocumentId,
          locale: event.targetLocale,
          title,
          state: event.toState,
          stateLabel: STATE_LABELS[event.toState as ApprovalState],
          actor: { kind: event.actorKind, id: event.actorId, name: event.actorName },
          comment: event.comment,
          contentHash: event.contentHash,
          publishAt: event.publishAt,
          occurredAt: event.occurredAt,
        });
      }
      const mail = mailFor(announcement);
      if (!mail) return;
      try {
        const to = mail.toSubmitter ? [await adminEmail(announcement.submittedById)].filter((e): e is string => Boolean(e)) : await reviewerEmails();
        await send(to, mail.subject, mail.text);
      } catch (error: any) {
        strapi.log.error(`approval-workflow: no se pudo preparar el aviso de ${event.action}: ${error?.message ?? error}`);
      }
    },
  };
};
