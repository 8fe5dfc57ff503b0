/** Home page widgets for Protocolo (and the Gerente): contacts to verify; upcoming birthdays (Protocolo only). */
import { useEffect, useState } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { PLUGIN_ID, t } from '../pluginId';
import { fullName } from './types';

const useLabel = () => {
  const { formatMessage } = useIntl();
  return (id: string, values?: Record<string, string | number>) => formatMessage({ id: t(id), defaultMessage: id }, values);
};

export const ToVerifyWidget = () => {
  const label = useLabel();
  const { get } = useFetchClient();
  const [state, setState] = useState<{ rows: any[]; total: number } | null | 'error'>(null);
  useEffect(() => {
    get('/protocol/directory/por-verificar', { params: { pageSize: 5 } })
      .then((res: any) => setState({ rows: res.data.data, total: res.data.meta.pagination.total }))
      .catch(() => setState('error'));
  }, []);
  if (state === 'error') return <Widget.Error />;
  if (!state) return <Widget.Loading />;
  if (state.total === 0) return <Widget.NoData>{label('widget.toVerify.none')}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="widget-to-verify">
      <Typography fontWeight="bold">{label('widget.toVerify.count', { count: state.total })}</Typography>
      {state.rows.map((c) => (
        <Flex key={c.documentId} direction="column" alignItems="flex-start">
          <Typography>{fullName(c)}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {[c.position, c.institution?.name].filter(Boolean).join(', ')} — {c.porVerificar.map((r: string) => label(`verification.${r}`)).join(', ')}
          </Typography>
        </Flex>
      ))}
      <Link to={`/plugins/${PLUGIN_ID}`}>{label('widget.toVerify.open')}</Link>
    </Flex>
  );
};

export const BirthdaysWidget = () => {
  const label = useLabel();
  const { get } = useFetchClient();
  const [rows, setRows] = useState<any[] | null | 'error'>(null);
  useEffect(() => {
    get('/protocol/directory/birthdays')
      .then((res: any) => setRows(res.data.data))
      .catch(() => setRows('error'));
  }, []);
  if (rows === 'error') return <Widget.Error />;
  if (!rows) return <Widget.Loading />;
  if (rows.length === 0) return <Widget.NoData>{label('widget.birthdays.none')}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="widget-birthdays">
      {rows.slice(0, 6).map((b) => (
        <Typography key={b.documentId}>
          {fullName(b)} — {b.inDays === 0 ? label('birthdays.today') : label('birthdays.inDays', { days: b.inDays })}
        </Typography>
      ))}
    </Flex>
  );
};
