// Side panel on a norm's edit view: "Difundir" (compose a circular with this norm) and the
// norm's dissemination history, body by body.
import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { Link } from 'react-router-dom';
import { PERMISSIONS, PLUGIN_ID } from '../pluginId';
import { formatDayTime, useT, type BodyState } from '../utils';
import { StatusBadge } from './StatusBadge';

const NORM_UID = 'api::norm.norm';

interface HistoryEntry {
  id: number;
  kind: string;
  title: string;
  createdAt: string;
  bodies: BodyState[];
}

const PanelContent = ({ documentId, published }: { documentId: string; published: boolean }) => {
  const t = useT();
  const { get } = useFetchClient();
  const [history, setHistory] = React.useState<HistoryEntry[] | null>(null);
  React.useEffect(() => {
    get<any>(`/${PLUGIN_ID}/norms/${documentId}/history`)
      .then(({ data }) => setHistory(data.data))
      .catch(() => setHistory([]));
  }, [documentId]);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="norm-dissemination-panel">
      {published ? (
        <Link to={`/plugins/${PLUGIN_ID}?norm=${documentId}`}>{t('panel.disseminate')}</Link>
      ) : (
        <Typography variant="pi">{t('panel.unpublished')}</Typography>
      )}
      {history && !history.length ? <Typography variant="pi">{t('panel.none')}</Typography> : null}
      {(history ?? []).map((c) => (
        <Flex key={c.id} direction="column" alignItems="flex-start" gap={1} data-testid="norm-dissemination-entry">
          <Link to={`/plugins/${PLUGIN_ID}/${c.id}`}>{c.title}</Link>
          <Typography variant="pi" textColor="neutral600">
            {formatDayTime(c.createdAt)}
          </Typography>
          {c.bodies.map((b) => (
            <Flex key={b.body} gap={2}>
              <StatusBadge status={b.status} />
              <Typography variant="pi">{b.name}</Typography>
            </Flex>
          ))}
        </Flex>
      ))}
    </Flex>
  );
};

/** The edit view shows the draft: a document published once is `published` or `modified`. */
const isPublished = (document: any) => Boolean(document?.publishedAt) || ['published', 'modified'].includes(document?.status);

/** Shown to users who may read circulars; absent for the others (and on other types). */
export const NormPanel: PanelComponent = ({ model, documentId, document }) => {
  const t = useT();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.read);
  if (model !== NORM_UID || !documentId || isLoading || !allowedActions.canRead) return null;
  return { title: t('panel.title'), content: <PanelContent documentId={documentId} published={isPublished(document)} /> };
};
