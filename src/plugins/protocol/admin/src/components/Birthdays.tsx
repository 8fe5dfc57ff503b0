/** Upcoming birthdays, for Protocolo only: absent (and not asked for) for the other roles. */
import { useEffect, useState } from 'react';
import { Box, Typography } from '@strapi/design-system';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PERMISSIONS, t } from '../pluginId';
import { fullName } from './types';

export const Birthdays = () => {
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.readBirthdays);
  if (isLoading || !allowedActions.canRead) return null;
  return <BirthdayList />;
};

const BirthdayList = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [birthdays, setBirthdays] = useState<any[] | null>(null);
  useEffect(() => {
    get('/protocol/directory/birthdays')
      .then((res: any) => setBirthdays(res.data.data))
      .catch(() => setBirthdays(null));
  }, []);
  if (!birthdays) return null;
  return (
    <Box paddingTop={8}>
      <Typography variant="beta" tag="h2">{formatMessage({ id: t('birthdays.title'), defaultMessage: 'Cumpleaños' })}</Typography>
      <ul>
        {birthdays.map((b) => (
          <li key={b.documentId}>
            <Typography>
              {fullName(b)} — {b.position}
              {b.institution ? `, ${b.institution}` : ''} (
              {b.inDays === 0
                ? formatMessage({ id: t('birthdays.today'), defaultMessage: 'hoy' })
                : formatMessage({ id: t('birthdays.inDays'), defaultMessage: 'en {days} días' }, { days: b.inDays })}
              )
            </Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
};
