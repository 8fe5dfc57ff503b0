// Side panel on a norm's edit view: its publication requests, their states and proof of publication.
import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Link } from 'react-router-dom';
import { PERMISSIONS, PLUGIN_ID } from '../pluginId';
import { formatDay, useT, type PublicationRequest } from '../utils';
import { StateBadge } from './StateBadge';

const NORM_UID = 'api::norm.norm';

const PanelContent = ({ documentId, updatedAt }: { documentId: string; updatedAt?: string }) => {
  const t = useT();
  const { get } = useFetchClient();
  const [requests, setRequests] = React.useState<PublicationRequest[] | null>(null);
  React.useEffect(() => {
    get<any>(`/${PLUGIN_ID}/requests`, { params: { normDocumentId: documentId, pageSize: 50 } })
      .then(({ data }) => setRequests(data.results))
      .catch(() => setRequests([]));
  }, [documentId, updatedAt]);
  if (!requests) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="norm-publication-panel">
      {!requests.length ? <Typography variant="pi">{t('panel.none')}</Typography> : null}
      {requests.map((r) => (
        <Flex key={r.id} direction="column" alignItems="flex-start" gap={1} data-testid="norm-publication-request">
          <Typography variant="omega" fontWeight="bold">
            {t(`channel.${r.channel}`, undefined, r.channel)}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {r.reference}
          </Typography>
          <StateBadge state={r.state} overdue={r.overdue} />
          {r.gazetteId || r.editionDate ? (
            <Typography variant="pi">{[formatDay(r.editionDate), r.gazetteId, r.page && `p. ${r.page}`].filter(Boolean).join(' · ')}</Typography>
          ) : null}
          <Link to={`/plugins/${PLUGIN_ID}/${r.id}`}>{t('panel.open')}</Link>
        </Flex>
      ))}
      <Typography variant="pi" textColor="neutral600">
        {t('panel.effect')}
      </Typography>
    </Flex>
  );
};

/** Shown to users who may read the queue; absent for the others (and on other types). */
export const NormPanel: PanelComponent = ({ model, documentId, document }) => {
  const t = useT();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.read);
  if (model !== NORM_UID || !documentId || isLoading || !allowedActions.canRead) return null;
  return { title: t('panel.title'), content: <PanelContent documentId={documentId} updatedAt={document?.updatedAt as string | undefined} /> };
};
