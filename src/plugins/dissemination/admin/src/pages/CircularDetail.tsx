// One circular: what it gathered and each body's state (sent, failed, acknowledged, applied),
// with each recipient's times.
import * as React from 'react';
import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';
import { StatusBadge } from '../components/StatusBadge';
import { formatDayTime, useErrorMessage, useT, type Circular } from '../utils';

export const CircularDetail = () => {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { id } = useParams();
  const { get } = useFetchClient();
  const [circular, setCircular] = React.useState<Circular | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    get<any>(`/${PLUGIN_ID}/circulars/${id}`)
      .then(({ data }) => setCircular(data.data))
      .catch((e) => setError(errorMessage(e)));
  }, [id]);

  if (error) return <Typography textColor="danger600">{error}</Typography>;
  if (!circular) return <Page.Loading />;
  const items = [
    ...circular.items.norms.map((n) => `${n.number} — ${n.title}`),
    ...circular.items.pressNotes.map((p) => p.title),
    ...circular.items.ceremonies.map((c) => c.title),
  ];
  return (
    <Page.Main>
      <Page.Title>{circular.title}</Page.Title>
      <Layouts.Header
        title={circular.title}
        subtitle={`${circular.forCompliance ? t('detail.forCompliance') : t('detail.forKnowledge')} · ${formatDayTime(circular.createdAt)}`}
        navigationAction={<Link to={`/plugins/${PLUGIN_ID}`}>{t('back')}</Link>}
      />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={6}>
          {circular.message ? <Typography tag="p">{circular.message}</Typography> : null}
          {items.length ? (
            <ul>
              {items.map((i) => (
                <li key={i}>
                  <Typography variant="pi">{i}</Typography>
                </li>
              ))}
            </ul>
          ) : null}
        </Box>
        <Typography variant="delta" tag="h2">
          {t('detail.bodies')}
        </Typography>
        <Box paddingTop={3} paddingBottom={6}>
          <Table colCount={4} rowCount={circular.bodies.length + 1} aria-label={t('detail.bodies')}>
            <Thead>
              <Tr>
                {['body', 'status', 'acknowledgedAt', 'appliedAt'].map((k) => (
                  <Th key={k}>
                    <Typography variant="sigma">{t(`detail.${k}`)}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {circular.bodies.map((b) => (
                <Tr key={b.body} data-testid="circular-body">
                  <Td>
                    <Typography fontWeight="semiBold">{b.name}</Typography>
                  </Td>
                  <Td>
                    <StatusBadge status={b.status} />
                  </Td>
                  <Td>
                    <Typography>{formatDayTime(b.acknowledgedAt) || '—'}</Typography>
                  </Td>
                  <Td>
                    <Typography>{formatDayTime(b.appliedAt) || '—'}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
        <Typography variant="delta" tag="h2">
          {t('detail.recipients')}
        </Typography>
        <Flex direction="column" alignItems="stretch" gap={2} paddingTop={3}>
          {circular.recipients.map((r) => (
            <Flex key={r.id} gap={3} data-testid="circular-recipient">
              <StatusBadge status={r.status} />
              <Typography>
                {r.bodyName} — {r.name ? `${r.name} ` : ''}&lt;{r.email}&gt;
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {r.sentAt ? `${t('detail.sentAt')} ${formatDayTime(r.sentAt)}` : ''}
                {r.lastError && r.status === 'failed' ? ` · ${r.lastError}` : ''}
                {r.applicationNote ? ` · ${r.applicationNote}` : ''}
              </Typography>
            </Flex>
          ))}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
