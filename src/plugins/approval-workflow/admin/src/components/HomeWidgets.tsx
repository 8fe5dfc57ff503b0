// Home page widgets: what waits for the Gerente (documents in review, oldest first) and
// what came back to the Redactor (their submissions with changes requested).
import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useAuth, useFetchClient, Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { t } from '../pluginId';
import { editLink, typeLabel, waiting, type QueueItem } from '../queue';

function useQueue(state: string) {
  const { get } = useFetchClient();
  const [items, setItems] = React.useState<QueueItem[] | null | 'error'>(null);
  React.useEffect(() => {
    get('/approval-workflow/queue', { params: { state } })
      .then((res: any) => setItems(res.data.data))
      .catch(() => setItems('error'));
  }, [state]);
  return items;
}

const QueueList = ({ items, testId }: { items: QueueItem[]; testId: string }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid={testId}>
      {items.slice(0, 6).map((item) => (
        <Flex key={`${item.uid}|${item.documentId}|${item.locale}`} direction="column" alignItems="flex-start">
          <Link to={editLink(item)}>{item.title}</Link>
          <Typography variant="pi" textColor="neutral600">
            {typeLabel(formatMessage, item.uid)} · {item.submitter?.name ?? '—'} · {waiting(item.waitingSeconds)}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
};

export const InReviewWidget = () => {
  const { formatMessage } = useIntl();
  const items = useQueue('in-review');
  if (items === 'error') return <Widget.Error />;
  if (!items) return <Widget.Loading />;
  if (!items.length) return <Widget.NoData>{formatMessage({ id: t('widget.in-review.none'), defaultMessage: 'Nada espera su aprobación.' })}</Widget.NoData>;
  return <QueueList items={items} testId="widget-in-review" />;
};

export const ChangesRequestedWidget = () => {
  const { formatMessage } = useIntl();
  const userId = useAuth('ChangesRequestedWidget', (auth) => auth.user?.id) as number | undefined;
  const items = useQueue('changes-requested');
  if (items === 'error') return <Widget.Error />;
  if (!items) return <Widget.Loading />;
  const mine = items.filter((item) => item.submitter?.id === userId);
  if (!mine.length) return <Widget.NoData>{formatMessage({ id: t('widget.changes-requested.none'), defaultMessage: 'Ningún envío suyo tiene cambios pedidos.' })}</Widget.NoData>;
  return <QueueList items={mine} testId="widget-changes-requested" />;
};
