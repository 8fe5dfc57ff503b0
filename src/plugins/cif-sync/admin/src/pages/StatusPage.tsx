// "Sincronización CIF": where the change feed the CIF reads is, and whether the signed
// webhooks reached each endpoint (deliveries that did not arrive first).
import * as React from 'react';
import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography, type BadgeProps } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';

interface Delivery {
  id: number;
  cursor: number;
  url: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

interface Status {
  feed: { head: number; lastChangeAt: string | null; changesLast24h: number; types: string[] };
  webhooks: { endpoints: string[]; signed: boolean; maxAttempts: number };
  deliveries: { counts: Record<string, number>; recent: Delivery[] };
}

const TONES: Record<Delivery['state'], BadgeProps['variant']> = { delivered: 'success', pending: 'secondary', failed: 'danger' };
const DAY_TIME = new Intl.DateTimeFormat('es-PE', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'America/Lima' });
const when = (value: string | null) => (value ? DAY_TIME.format(new Date(value)).replace(',', '') : '—');

export const StatusPage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const label = (id: string, values?: Record<string, string | number>) => formatMessage({ id: t(id), defaultMessage: id }, values);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    get('/cif-sync/status')
      .then((res: any) => setStatus(res.data.data))
      .catch((e: any) => setError(e?.response?.data?.error?.message ?? String(e)));
  }, []);

  return (
    <Page.Main>
      <Page.Title>{label('plugin.name')}</Page.Title>
      <Layouts.Header title={label('plugin.name')} subtitle={label('page.subtitle')} />
      <Layouts.Content>
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        {!status && !error ? <Page.Loading /> : null}
        {status ? (
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Flex direction="column" alignItems="flex-start" gap={1} data-testid="cif-feed">
              <Typography variant="beta" tag="h2">
                {label('feed.title')}
              </Typography>
              <Typography>{label('feed.head', { cursor: status.feed.head, date: when(status.feed.lastChangeAt) })}</Typography>
              <Typography>{label('feed.last24h', { count: status.feed.changesLast24h })}</Typography>
              <Typography variant="pi" textColor="neutral600">
                {label('feed.types', { types: status.feed.types.map((uid) => uid.split('.').pop()).join(', ') })}
              </Typography>
            </Flex>
            <Flex direction="column" alignItems="flex-start" gap={1} data-testid="cif-webhooks">
              <Typography variant="beta" tag="h2">
                {label('webhooks.title')}
              </Typography>
              {status.webhooks.endpoints.length === 0 ? <Typography>{label('webhooks.none')}</Typography> : null}
              {status.webhooks.endpoints.map((url) => (
                <Typography key={url}>{url}</Typography>
              ))}
              {status.webhooks.endpoints.length > 0 && !status.webhooks.signed ? <Typography textColor="danger600">{label('webhooks.unsigned')}</Typography> : null}
              <Flex gap={2} paddingTop={2}>
                {(['pending', 'delivered', 'failed'] as const).map((state) => (
                  <Badge key={state} variant={TONES[state]}>
                    {label(`state.${state}`)}: {status.deliveries.counts[state] ?? 0}
                  </Badge>
                ))}
              </Flex>
            </Flex>
            {status.deliveries.recent.length > 0 ? (
              <Box>
                <Table colCount={5} rowCount={status.deliveries.recent.length + 1} aria-label={label('deliveries.title')}>
                  <Thead>
                    <Tr>
                      {['cursor', 'endpoint', 'state', 'attempts', 'when'].map((column) => (
                        <Th key={column}>
                          <Typography variant="sigma">{label(`deliveries.${column}`)}</Typography>
                        </Th>
                      ))}
                    </Tr>
                  </Thead>
                  <Tbody>
                    {status.deliveries.recent.map((d) => (
                      <Tr key={d.id} data-testid="cif-delivery">
                        <Td>
                          <Typography>{d.cursor}</Typography>
                        </Td>
                        <Td>
                          <Typography>{d.url}</Typography>
                        </Td>
                        <Td>
                          <Flex direction="column" alignItems="flex-start" gap={1}>
                            <Badge variant={TONES[d.state]}>{label(`state.${d.state}`)}</Badge>
                            {d.state !== 'delivered' && (d.lastError || d.lastStatusCode) ? (
                              <Typography variant="pi" textColor="danger600">
                                {d.lastError ?? `HTTP ${d.lastStatusCode}`}
                              </Typography>
                            ) : null}
                          </Flex>
                        </Td>
                        <Td>
                          <Typography>{d.attempts}</Typography>
                        </Td>
                        <Td>
                          <Typography>{d.state === 'delivered' ? when(d.deliveredAt) : d.nextAttemptAt ? label('deliveries.next', { date: when(d.nextAttemptAt) }) : '—'}</Typography>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Box>
            ) : null}
          </Flex>
        ) : null}
      </Layouts.Content>
    </Page.Main>
  );
};
