// The approved versions of this document locale, newest first, with who and when; a reviewer
// may restore one into the draft (an edit: it needs approval again), after confirming.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { announceChange, type VersionSummary } from '../api';
import { t } from '../pluginId';

export function VersionsList({ model, documentId, locale, versions, canRestore }: { model: string; documentId: string; locale?: string; versions: VersionSummary[]; canRestore: boolean }) {
  const { formatMessage, formatDate } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = React.useState(false);
  const when = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'short', timeStyle: 'short' }) : '—');

  async function restore(version: VersionSummary) {
    setBusy(true);
    try {
      await post(`/approval-workflow/documents/${model}/${documentId}/versions/${version.id}/restore`, {}, { params: locale ? { locale } : {} });
      toggleNotification({ type: 'success', message: formatMessage({ id: t('versions.restored'), defaultMessage: 'Versión {number} restaurada en el borrador: debe aprobarse de nuevo.' }, { number: version.number }) });
      announceChange();
      // The content manager's form shows the restored draft after a reload.
      window.location.reload();
    } catch (error: any) {
      toggleNotification({ type: 'danger', message: error?.response?.data?.error?.message ?? String(error) });
    } finally {
      setBusy(false);
    }
  }

  if (!versions.length) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: t('versions.empty'), defaultMessage: 'Aún no hay versiones aprobadas.' })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ol" data-testid="approval-versions">
      {versions.map((version) => (
        <Box key={version.id} tag="li" paddingLeft={2} borderColor="neutral200" borderStyle="solid" borderWidth="0 0 0 2px" data-testid="approval-version">
          <Typography variant="omega" fontWeight="bold" tag="p">
            {formatMessage({ id: t('versions.title'), defaultMessage: 'Versión {number}' }, { number: version.number })}
            {version.isCurrentDraft ? ` · ${formatMessage({ id: t('versions.current'), defaultMessage: 'es el borrador actual' })}` : ''}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {formatMessage({ id: t('versions.approved'), defaultMessage: 'Aprobada por {who} el {date}' }, { who: version.approvedByName ?? '—', date: when(version.approvedAt) })}
          </Typography>
          {version.submittedByName && (
            <Typography variant="pi" textColor="neutral600" tag="p">
              {formatMessage({ id: t('versions.submitted'), defaultMessage: 'Enviada por {who}' }, { who: version.submittedByName })}
            </Typography>
          )}
          {version.publishedOn && (
            <Typography variant="pi" textColor="neutral600" tag="p">
              {formatMessage({ id: t('versions.published'), defaultMessage: 'Publicada por {who} el {date}' }, { who: version.publishedByName ?? '—', date: when(version.publishedOn) })}
            </Typography>
          )}
          {canRestore && !version.isCurrentDraft && (
            <Dialog.Root>
              <Dialog.Trigger>
                <Button variant="tertiary" size="S" loading={busy} data-testid={`approval-restore-${version.number}`}>
                  {formatMessage({ id: t('versions.restore'), defaultMessage: 'Restaurar esta versión' })}
                </Button>
              </Dialog.Trigger>
              <Dialog.Content>
                <Dialog.Header>{formatMessage({ id: t('versions.restore.title'), defaultMessage: 'Restaurar la versión {number}' }, { number: version.number })}</Dialog.Header>
                <Dialog.Body>
                  <Typography>
                    {formatMessage({ id: t('versions.restore.body'), defaultMessage: 'El borrador volverá a esta versión. Es una edición: deberá enviarse y aprobarse de nuevo antes de publicarse.' })}
                  </Typography>
                </Dialog.Body>
                <Dialog.Footer>
                  <Dialog.Cancel>
                    <Button variant="tertiary">{formatMessage({ id: t('versions.restore.cancel'), defaultMessage: 'Cancelar' })}</Button>
                  </Dialog.Cancel>
                  <Dialog.Action>
                    <Button onClick={() => restore(version)} data-testid="approval-restore-confirm">
                      {formatMessage({ id: t('versions.restore.confirm'), defaultMessage: 'Restaurar' })}
                    </Button>
                  </Dialog.Action>
                </Dialog.Footer>
              </Dialog.Content>
            </Dialog.Root>
          )}
        </Box>
      ))}
    </Flex>
  );
}
