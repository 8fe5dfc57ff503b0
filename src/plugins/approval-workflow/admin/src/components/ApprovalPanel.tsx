// Side panel of the content manager's edit view on gated types: state, warnings,
// the actions the user may take (comment, publishAt) and the history timeline.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useAuth, useFetchClient, useNotification, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { Badge, Box, Button, DateTimePicker, Divider, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { announceChange, useApprovalStatus, useGatedTypes, useVersions, type ApprovalStatus } from '../api';
import { ChangesView } from './ChangesView';
import { VersionsList } from './VersionsList';
import { t } from '../pluginId';

const BADGE: Record<ApprovalStatus['state'], { background: string; text: string }> = {
  draft: { background: 'neutral100', text: 'neutral700' },
  'in-review': { background: 'secondary100', text: 'secondary700' },
  'changes-requested': { background: 'warning100', text: 'warning700' },
  approved: { background: 'success100', text: 'success700' },
  published: { background: 'primary100', text: 'primary700' },
};

const PERMISSIONS = [
  { action: 'plugin::approval-workflow.submit', subject: null },
  { action: 'plugin::approval-workflow.review', subject: null },
];

type Action = 'submit' | 'withdraw' | 'approve' | 'request-changes' | 'unpublish';

/** Which actions the current state offers to this user (the server checks again). */
function availableActions(status: ApprovalStatus, canSubmit: boolean, canReview: boolean, userId: number | undefined): Action[] {
  const actions: Action[] = [];
  if (canSubmit && (status.state === 'draft' || status.state === 'changes-requested')) actions.push('submit');
  if (canSubmit && status.state === 'in-review' && status.submittedById === userId) actions.push('withdraw');
  if (canReview && status.state === 'in-review') actions.push('approve', 'request-changes');
  if (canReview && status.hasPublishedVersion) actions.push('unpublish');
  return actions;
}

const PanelContent = ({ model, documentId, locale, updatedAt }: { model: string; documentId: string; locale?: string; updatedAt?: string }) => {
  const { formatMessage, formatDate } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS);
  const userId = useAuth('ApprovalPanel', (auth) => auth.user?.id) as number | undefined;
  const status = useApprovalStatus(model, documentId, locale, true, updatedAt);
  const versions = useVersions(model, documentId, locale, updatedAt);
  const [comment, setComment] = React.useState('');
  const [publishAt, setPublishAt] = React.useState<Date | undefined>();
  const [busy, setBusy] = React.useState(false);

  if (!status) return null;
  const actions = availableActions(status, allowedActions.canSubmit, allowedActions.canReview, userId);

  async function run(action: Action) {
    setBusy(true);
    try {
      const body: Record<string, unknown> = { comment: comment || undefined };
      if (action === 'approve') Object.assign(body, { publishAt: publishAt?.toISOString(), expectedHash: status!.currentHash });
      const res: any = await post(`/approval-workflow/documents/${model}/${documentId}/actions/${action}`, body, { params: locale ? { locale } : {} });
      setComment('');
      setPublishAt(undefined);
      toggleNotification({ type: 'success', message: formatMessage({ id: t('action.done'), defaultMessage: 'Listo: {state}' }, { state: formatMessage({ id: t(`state.${res.data.data.state}`) }) }) });
      announceChange();
    } catch (error: any) {
      toggleNotification({ type: 'danger', message: error?.response?.data?.error?.message ?? String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="approval-panel">
      <Flex gap={2}>
        <Badge backgroundColor={BADGE[status.state].background} textColor={BADGE[status.state].text} data-testid="approval-state">
          {formatMessage({ id: t(`state.${status.state}`), defaultMessage: status.state })}
        </Badge>
      </Flex>
      {status.editedSinceApproval && (
        <Typography variant="pi" textColor="danger600" data-testid="approval-edited">
          {formatMessage({ id: t('panel.edited'), defaultMessage: 'Editado después de la aprobación: debe aprobarse de nuevo.' })}
        </Typography>
      )}
      {!(status.isApprovedVersion && (status.state === 'approved' || status.state === 'published')) && (
        <Typography variant="pi" textColor="neutral600" data-testid="approval-publish-explanation">
          {formatMessage({ id: t('publish.blocked.explanation'), defaultMessage: 'Este contenido solo se publica cuando la Gerencia aprueba exactamente esta versión.' })}
        </Typography>
      )}
      {status.isApprovedVersion && (
        <Typography variant="pi" textColor="success600">
          {formatMessage({ id: t('panel.approved-version'), defaultMessage: 'El borrador actual es la versión aprobada.' })}
        </Typography>
      )}
      {status.publishAt && (
        <Typography variant="pi">
          {formatMessage({ id: t('panel.scheduled'), defaultMessage: 'Publicación programada: {date}' }, { date: formatDate(status.publishAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
        </Typography>
      )}
      {actions.length > 0 && (
        <>
          <Field.Root name="approval-comment" hint={formatMessage({ id: t('panel.comment.hint'), defaultMessage: '' })}>
            <Field.Label>{formatMessage({ id: t('panel.comment'), defaultMessage: 'Comentario' })}</Field.Label>
            <Textarea value={comment} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setComment(e.target.value)} />
            <Field.Hint />
          </Field.Root>
          {actions.includes('approve') && (
            <Field.Root name="approval-publish-at">
              <Field.Label>{formatMessage({ id: t('panel.publishAt'), defaultMessage: 'Publicar automáticamente el (opcional)' })}</Field.Label>
              <DateTimePicker value={publishAt} onChange={setPublishAt} onClear={() => setPublishAt(undefined)} />
            </Field.Root>
          )}
          <Flex direction="column" alignItems="stretch" gap={2}>
            {actions.map((action) => (
              <Button
                key={action}
                fullWidth
                loading={busy}
                variant={action === 'approve' || action === 'submit' ? 'default' : action === 'unpublish' ? 'danger-light' : 'secondary'}
                onClick={() => run(action)}
                data-testid={`approval-action-${action}`}
              >
                {formatMessage({ id: t(`action.${action}`), defaultMessage: action })}
              </Button>
            ))}
          </Flex>
        </>
      )}
      {versions && (
        <>
          <Divider />
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({ id: t('panel.changes'), defaultMessage: 'Qué cambió' })}
          </Typography>
          <ChangesView changes={versions.changes} />
          <Divider />
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({ id: t('panel.versions'), defaultMessage: 'Versiones aprobadas' })}
          </Typography>
          <VersionsList model={model} documentId={documentId} locale={locale} versions={versions.versions} canRestore={allowedActions.canReview} />
        </>
      )}
      <Divider />
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: t('panel.history'), defaultMessage: 'Historial' })}
      </Typography>
      {status.history.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: t('panel.history.empty'), defaultMessage: 'Sin eventos todavía.' })}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={2} tag="ol">
          {[...status.history].reverse().map((event) => (
            <Box key={event.sequence} tag="li" paddingLeft={2} borderColor="neutral200" borderStyle="solid" borderWidth="0 0 0 2px">
              <Typography variant="omega" fontWeight="bold" tag="p">
                {formatMessage({ id: t(`action.${event.action}`), defaultMessage: event.action })}
              </Typography>
              <Typography variant="pi" textColor="neutral600" tag="p">
                {event.actorName} · {formatDate(event.occurredAt, { dateStyle: 'short', timeStyle: 'short' })}
              </Typography>
              {event.comment && (
                <Typography variant="pi" tag="p">
                  «{event.comment}»
                </Typography>
              )}
            </Box>
          ))}
        </Flex>
      )}
    </Flex>
  );
};

/** The locale being edited, from the content manager's query string. */
export function useEditedLocale() {
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  return query?.plugins?.i18n?.locale;
}

const ApprovalPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const gated = useGatedTypes();
  const locale = useEditedLocale();
  if (!gated?.includes(model)) return null;
  const title = formatMessage({ id: t('panel.title'), defaultMessage: 'Aprobación de la Gerencia' });
  if (!documentId) {
    return { title, content: <Typography variant="pi">{formatMessage({ id: t('panel.save-first'), defaultMessage: 'Guarde el documento antes de enviarlo a aprobación.' })}</Typography> };
  }
  return { title, content: <PanelContent model={model} documentId={documentId} locale={locale} updatedAt={document?.updatedAt as string | undefined} /> };
};

export { ApprovalPanel };
