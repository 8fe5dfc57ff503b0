// Side panel on a norm's edit view: its publication requests and their states.
import * as React from 'react';
import { Flex, Link, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';
import { useT, type PublicationRequest } from '../utils';
import { StateBadge } from './StateBadge';

const NORM_UID = 'api::norm.norm';

const PanelContent = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const { get } = useFetchClient();
  const [requests, setRequests] = React.useState<PublicationRequest[] | null>(null);
  React.useEffect(() => {
    get<any>(`/${PLUGIN_ID}/requests`, { params: { normDocumentId: documentId, pageSize: 50 } })
      .then(({ data }) => setRequests(data.results))
      .catch(() => setRequests([]));
  }, [documentId]);
  if (!requests) return null;
  if (!requests.length) return <Typography variant="pi">{t('panel.none')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      {requests.map((r) => (
        <Flex key={r.id} direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="omega" fontWeight="bold">
            {r.channel} · {r.reference}
          </Typography>
          <StateBadge state={r.state} overdue={r.overdue} />
          {r.gazetteId || r.editionDate ? (
            <Typography variant="pi">
              {[r.editionDate, r.gazetteId, r.page && `p. ${r.page}`].filter(Boolean).join(' · ')}
            </Typography>
          ) : null}
          <Link href={`/admin/plugins/${PLUGIN_ID}/${r.id}`}>{t('panel.open')}</Link>
        </Flex>
      ))}
    </Flex>
  );
};

export const NormPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  const t = useT();
  if (model !== NORM_UID || !documentId) return null;
  return { title: t('panel.title'), content: <PanelContent documentId={documentId} /> };
};
