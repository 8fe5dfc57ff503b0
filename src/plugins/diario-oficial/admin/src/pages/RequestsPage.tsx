// "Publicaciones oficiales": requests by state with counts, overdue first.
import * as React from 'react';
import { Box, Button, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';
import { useT, type PublicationRequest } from '../utils';
import { StateBadge } from '../components/StateBadge';

const STATES = ['queued', 'awaiting-manual-submission', 'submitted', 'quoted', 'paid', 'scheduled', 'rejected', 'failed', 'published', 'cancelled'];

export const RequestsPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { get } = useFetchClient();
  const [filter, setFilter] = React.useState<{ state?: string; overdue?: string }>({});
  const [data, setData] = React.useState<{ results: PublicationRequest[]; counts: Record<string, number>; overdueCount: number } | null>(null);

  React.useEffect(() => {
    get<any>(`/${PLUGIN_ID}/requests`, { params: { ...filter, pageSize: 100 } }).then(({ data }) => setData(data));
  }, [filter]);

  return (
    <Main>
      <Box padding={8}>
        <Typography variant="alpha" tag="h1">
          {t('plugin.name')}
        </Typography>
        <Box paddingTop={1} paddingBottom={4}>
          <Typography variant="epsilon" textColor="neutral600">
            {t('page.subtitle')}
          </Typography>
        </Box>
        <Flex gap={2} wrap="wrap" paddingBottom={4}>
          <Button variant={!filter.state && !filter.overdue ? 'default' : 'tertiary'} onClick={() => setFilter({})}>
            {t('filters.all')}
          </Button>
          <Button variant={filter.overdue ? 'danger' : 'tertiary'} onClick={() => setFilter({ overdue: 'true' })}>
            {t('filters.overdue')} ({data?.overdueCount ?? 0})
          </Button>
          {STATES.map((state) => (
            <Button key={state} variant={filter.state === state ? 'default' : 'tertiary'} onClick={() => setFilter({ state })}>
              {t(`state.${state}`, state)} ({data?.counts[state] ?? 0})
            </Button>
          ))}
        </Flex>
        <Table colCount={5} rowCount={(data?.results.length ?? 0) + 1}>
          <Thead>
            <Tr>
              {['reference', 'norm', 'channel', 'state', 'dueBy'].map((key) => (
                <Th key={key}>
                  <Typography variant="sigma">{t(`table.${key}`)}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {data?.results.map((r) => (
              <Tr key={r.id} onClick={() => navigate(String(r.id))} style={{ cursor: 'pointer' }}>
                <Td>
                  <Typography>{r.reference}</Typography>
                </Td>
                <Td>
                  <Typography>{r.normNumber ?? r.normDocumentId}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {r.channel} ({r.outlet})
                  </Typography>
                </Td>
                <Td>
                  <StateBadge state={r.state} overdue={r.overdue} />
                </Td>
                <Td>
                  <Typography>{r.dueBy ?? '—'}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {data && !data.results.length ? (
          <Box paddingTop={4}>
            <Typography>{t('table.empty')}</Typography>
          </Box>
        ) : null}
      </Box>
    </Main>
  );
};
