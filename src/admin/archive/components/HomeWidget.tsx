// Home page widget for Archivo: the latest items in the archive, and the way to import more.
import * as React from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { ARCHIVE_UID, t } from '../pluginId';
import { editUrl } from '../api';

const DAY = new Intl.DateTimeFormat('es-PE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'America/Lima' });

export const LatestItemsWidget = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [items, setItems] = React.useState<any[] | null | 'error'>(null);
  React.useEffect(() => {
    get(`/content-manager/collection-types/${ARCHIVE_UID}`, { params: { page: 1, pageSize: 5, sort: 'createdAt:DESC' } })
      .then((res: any) => setItems(res.data.results))
      .catch(() => setItems('error'));
  }, []);
  if (items === 'error') return <Widget.Error />;
  if (!items) return <Widget.Loading />;
  if (!items.length) return <Widget.NoData>{formatMessage({ id: t('widget.none'), defaultMessage: 'El archivo aún está vacío.' })}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="widget-archive-latest">
      {items.map((item) => (
        <Flex key={item.documentId} direction="column" alignItems="flex-start">
          <Link to={editUrl(item.documentId)}>{item.title}</Link>
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({ id: item.kind, defaultMessage: item.kind })} · {DAY.format(new Date(item.createdAt))}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
};
