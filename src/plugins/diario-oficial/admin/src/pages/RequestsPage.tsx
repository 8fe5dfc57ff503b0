// "Publicaciones oficiales": requests by state with counts, overdue first.
import * as React from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';
import { formatDay, useErrorMessage, useT, type PublicationRequest } from '../utils';
import { StateBadge } from '../components/StateBadge';

const STATES = ['queued', 'awaiting-manual-submission', 'submitted', 'quoted', 'paid', 'scheduled', 'rejected', 'failed', 'published', 'cancelled'];

interface Listing {
  results: PublicationRequest[];
  counts: Record<string, number>;
  overdueCount: number;
}

export const RequestsPage = () => {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { get } = useFetchClient();
  const [filter, setFilter] = React.useState<{ state?: string; overdue?: string }>({});
  const [data, setData] = React.useState<Listing | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<Listing>(`/${PLUGIN_ID}/requests`, { params: { ...filter, pageSize: 100 } })
      .then(({ data }) => (setData(data), setError(null)))
      .catch((e) => setError(errorMessage(e)));
  }, [filter]);

  const columns = ['reference', 'norm', 'channel', 'state', 'dueBy'];
  return (
    <Page.Main>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Layouts.Header title={t('plugin.name')} subtitle={t('page.subtitle')} />
      <Layouts.Content>
        <Flex gap={2} wrap="wrap" paddingBottom={4} role="toolbar" aria-label={t('table.state')}>
          <Button variant={!filter.state && !filter.overdue ? 'default' : 'tertiary'} onClick={() => setFilter({})}>
            {t('filters.all')}
          </Button>
          <Button variant={filter.overdue ? 'danger' : 'tertiary'} onClick={() => setFilter({ overdue: 'true' })}>
            {t('filters.overdue')} ({data?.overdueCount ?? 0})
          </Button>
          {STATES.map((state) => (
            <Button key={state} variant={filter.state === state ? 'default' : 'tertiary'} onClick={() => setFilter({ state })}>
              {t(`state.${state}`)} ({data?.counts[state] ?? 0})
            </Button>
          ))}
        </Flex>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {data === null && !error ? <Page.Loading /> : null}
        {data && data.results.length > 0 ? (
          <Table colCount={columns.length} rowCount={data.results.length + 1} aria-label={t('table.title')}>
            <Thead>
              <Tr>
                {columns.map((key) => (
                  <Th key={key}>
                    <Typography variant="sigma">{t(`table.${key}`)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {data.results.map((r) => (
                <Tr key={r.id} data-testid="request-row">
                  <Td>
                    <Link to={String(r.id)}>{r.reference}</Link>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start" maxWidth="48rem">
                      <Typography fontWeight="semiBold">{r.normNumber ?? r.normDocumentId}</Typography>
                      {r.normTitle ? (
                        <Typography variant="pi" textColor="neutral600" ellipsis title={r.normTitle} style={{ maxWidth: '48rem' }}>
                          {r.normTitle}
                        </Typography>
                      ) : null}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography>{t(`channel.${r.channel}`, undefined, r.channel)}</Typography>
                  </Td>
                  <Td>
                    <StateBadge state={r.state} overdue={r.overdue} />
                  </Td>
                  <Td>
                    <Typography>{formatDay(r.dueBy) || '—'}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        ) : null}
        {data && !data.results.length ? (
          <Box paddingTop={4}>
            <Typography>{t('table.empty')}</Typography>
          </Box>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};
