// Home page widget for Normas and the Gerente: what of the publication queue needs them.
import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';
import { formatDay, useT, type PublicationRequest } from '../utils';
import { StateBadge } from './StateBadge';

const FINAL = ['published', 'cancelled'];

export const PublicationsDueWidget = () => {
  const t = useT();
  const { get } = useFetchClient();
  const [data, setData] = React.useState<{ results: PublicationRequest[]; counts: Record<string, number>; overdueCount: number } | null>(null);
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    get<any>(`/${PLUGIN_ID}/requests`, { params: { pageSize: 20 } })
      .then(({ data }) => setData(data))
      .catch(() => setFailed(true));
  }, []);
  if (failed) return <Widget.Error />;
  if (!data) return <Widget.Loading />;
  const live = data.results.filter((r) => !FINAL.includes(r.state)).slice(0, 5);
  const attention = (data.counts.rejected ?? 0) + (data.counts.failed ?? 0);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="widget-publications-due">
      <Flex gap={2} wrap="wrap">
        <Badge variant={data.overdueCount ? 'danger' : 'success'}>{t('widget.overdue', { count: data.overdueCount })}</Badge>
        <Badge variant="secondary">{t('widget.manual', { count: data.counts['awaiting-manual-submission'] ?? 0 })}</Badge>
        <Badge variant={attention ? 'warning' : 'neutral'}>{t('widget.attention', { count: attention })}</Badge>
      </Flex>
      {live.length === 0 ? <Typography textColor="neutral600">{t('widget.empty')}</Typography> : null}
      {live.map((r) => (
        <Flex key={r.id} justifyContent="space-between" gap={2}>
          <Flex direction="column" alignItems="flex-start">
            <Link to={`/plugins/${PLUGIN_ID}/${r.id}`}>{[r.normNumber, t(`channel.${r.channel}`, undefined, r.channel)].filter(Boolean).join(' · ')}</Link>
            {r.dueBy ? (
              <Typography variant="pi" textColor="neutral600">
                {t('widget.due', { date: formatDay(r.dueBy) })}
              </Typography>
            ) : null}
          </Flex>
          <StateBadge state={r.state} overdue={r.overdue} />
        </Flex>
      ))}
    </Flex>
  );
};
