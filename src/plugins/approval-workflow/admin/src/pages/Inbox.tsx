// "Aprobaciones": the reviewer's inbox, oldest first, with filters by state and type.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useGatedTypes } from '../api';
import { t } from '../pluginId';
import { editLink, typeLabel, waiting, type QueueItem } from '../queue';

const STATES = ['in-review', 'changes-requested', 'approved', 'published', 'draft'];

const Inbox = () => {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const gatedTypes = useGatedTypes() ?? [];
  const [state, setState] = React.useState('in-review');
  const [uid, setUid] = React.useState('');
  const [items, setItems] = React.useState<QueueItem[] | null>(null);

  React.useEffect(() => {
    get('/approval-workflow/queue', { params: { state, ...(uid ? { uid } : {}) } })
      .then((res: any) => setItems(res.data.data))
      .catch(() => setItems([]));
  }, [get, state, uid]);

  const columns = ['title', 'type', 'locale', 'submitter', 'waiting', 'publishAt'];
  return (
    <Page.Main>
      <Page.Title>{formatMessage({ id: t('inbox.title'), defaultMessage: 'Aprobaciones' })}</Page.Title>
      <Layouts.Header
        title={formatMessage({ id: t('inbox.title'), defaultMessage: 'Aprobaciones' })}
        subtitle={formatMessage({ id: t('inbox.subtitle'), defaultMessage: '' })}
      />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4}>
          <Box width="240px">
            <SingleSelect aria-label={formatMessage({ id: t('inbox.filter.state'), defaultMessage: 'Estado' })} value={state} onChange={(v: string | number) => setState(String(v))}>
              {STATES.map((s) => (
                <SingleSelectOption key={s} value={s}>
                  {formatMessage({ id: t(`state.${s}`), defaultMessage: s })}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box width="320px">
            <SingleSelect aria-label={formatMessage({ id: t('inbox.filter.type'), defaultMessage: 'Tipo' })} value={uid} onChange={(v: string | number) => setUid(String(v))}>
              <SingleSelectOption value="">{formatMessage({ id: t('inbox.filter.all-types'), defaultMessage: 'Todos los tipos' })}</SingleSelectOption>
              {gatedTypes.map((type) => (
                <SingleSelectOption key={type} value={type}>
                  {typeLabel(formatMessage, type)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        </Flex>
        {items === null ? (
          <Page.Loading />
        ) : items.length === 0 ? (
          <Typography textColor="neutral600">{formatMessage({ id: t('inbox.empty'), defaultMessage: 'Nada pendiente.' })}</Typography>
        ) : (
          <Table colCount={columns.length} rowCount={items.length + 1}>
            <Thead>
              <Tr>
                {columns.map((column) => (
                  <Th key={column}>
                    <Typography variant="sigma">{formatMessage({ id: t(`inbox.column.${column}`), defaultMessage: column })}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {items.map((item) => (
                <Tr key={`${item.uid}|${item.documentId}|${item.locale}`} data-testid="inbox-row">
                  <Td>
                    <Link to={editLink(item)}>{item.title}</Link>
                  </Td>
                  <Td>{typeLabel(formatMessage, item.uid)}</Td>
                  <Td>{item.locale ?? '—'}</Td>
                  <Td>{item.submitter ? `${item.submitter.name} <${item.submitter.email}>` : '—'}</Td>
                  <Td>{waiting(item.waitingSeconds)}</Td>
                  <Td>{item.publishAt ? formatDate(item.publishAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default Inbox;
