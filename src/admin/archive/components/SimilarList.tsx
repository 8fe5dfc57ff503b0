// Near-duplicates of an item, closest first, each with its thumbnail and difference (bits of 64).
import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { t } from '../pluginId';
import { editUrl, NEAR_DUPLICATE_BITS, type ArchiveSummary } from '../api';

export const SimilarList = ({ items }: { items: ArchiveSummary[] }) => {
  const { formatMessage } = useIntl();
  const label = (id: string, values?: Record<string, string | number>) => formatMessage({ id: t(id), defaultMessage: id }, values);
  const near = items.filter((item) => (item.distance ?? 64) <= NEAR_DUPLICATE_BITS);
  if (!items.length) return <Typography textColor="neutral600">{label('similar.none')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="archive-similar">
      {near.length ? (
        <Typography textColor="warning600" fontWeight="bold" role="status" data-testid="archive-near-duplicate">
          {label('panel.nearDuplicate', { count: near.length })}
        </Typography>
      ) : null}
      {items.map((item) => (
        <Flex key={item.documentId} gap={2} alignItems="center">
          {item.thumbnailUrl ? <img src={item.thumbnailUrl} alt="" width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} /> : null}
          <Flex direction="column" alignItems="flex-start">
            <Link to={editUrl(item.documentId)}>{item.title ?? item.documentId}</Link>
            <Typography variant="pi" textColor="neutral600">
              {label('similar.distance', { distance: item.distance ?? 0 })}
            </Typography>
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
};
