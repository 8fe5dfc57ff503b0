/** Edit view panel of a ceremony: the notices e-mailed to the municipal bodies, and whether each went out. */
import { useEffect, useState } from 'react';
import { Badge, Flex, Typography, type BadgeProps } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { PERMISSIONS, t } from '../pluginId';
import { messageOf } from './errors';
import { formatDayTime } from './types';

const CEREMONY = 'api::ceremony.ceremony';
const TONES: Record<string, BadgeProps['variant']> = { sent: 'success', failed: 'danger', pending: 'secondary', sending: 'secondary' };

interface Notice {
  id: number;
  kind: 'new' | 'change' | 'cancel';
  recipient: string;
  bodyName: string | null;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
}

const NoticesContent = ({ documentId, updatedAt }: { documentId: string; updatedAt?: string }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = (id: string, values?: Record<string, string | number>) => formatMessage({ id: t(id), defaultMessage: id }, values);
  useEffect(() => {
    get(`/protocol/ceremonies/${documentId}/notices`)
      .then((res: any) => (setNotices(res.data.data), setError(null)))
      .catch((e: unknown) => setError(messageOf(e)));
  }, [documentId, updatedAt]);
  if (error) return <Typography textColor="danger600">{label('error', { message: error })}</Typography>;
  if (!notices) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="notices-panel">
      {notices.length === 0 ? <Typography variant="pi">{label('notices.none')}</Typography> : null}
      {notices.map((notice) => (
        <Flex key={notice.id} direction="column" alignItems="flex-start" gap={1} data-testid="notice">
          <Typography variant="omega" fontWeight="bold">
            {label(`notices.kind.${notice.kind}`)} · {notice.bodyName ?? notice.recipient}
          </Typography>
          <Badge variant={TONES[notice.status]}>{label(`notices.status.${notice.status}`)}</Badge>
          <Typography variant="pi" textColor="neutral600">
            {notice.sentAt
              ? label('notices.sentAt', { date: formatDayTime(notice.sentAt) })
              : notice.nextAttemptAt
                ? label('notices.nextAttempt', { date: formatDayTime(notice.nextAttemptAt), attempts: notice.attempts })
                : label('notices.attempts', { attempts: notice.attempts })}
          </Typography>
          {notice.lastError && notice.status !== 'sent' ? (
            <Typography variant="pi" textColor="danger600">
              {notice.lastError}
            </Typography>
          ) : null}
        </Flex>
      ))}
      <Typography variant="pi" textColor="neutral600">
        {label('notices.hint')}
      </Typography>
    </Flex>
  );
};

/** Shown on ceremonies to users who may read the notices (Protocolo, the Gerente). */
export const NoticesPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.readNotices);
  if (model !== CEREMONY || !documentId || isLoading || !allowedActions.canNotices) return null;
  return {
    title: formatMessage({ id: t('notices.panel'), defaultMessage: 'Avisos a los órganos' }),
    content: <NoticesContent documentId={documentId} updatedAt={document?.updatedAt as string | undefined} />,
  };
};
