/** Edit view panel of a ceremony: RSVP counts, the seating order and a link to the printable list. */
import { Box, Flex, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { PERMISSIONS, PLUGIN_ID, t } from '../pluginId';
import { fullName } from './types';
import { useSeating } from './useSeating';

const CEREMONY = 'api::ceremony.ceremony';

const SeatingContent = ({ documentId, updatedAt }: { documentId: string; updatedAt?: string }) => {
  const { formatMessage } = useIntl();
  const { seating, error } = useSeating(documentId, updatedAt);
  if (error) return <Typography textColor="danger600">{formatMessage({ id: t('error'), defaultMessage: 'Error: {message}' }, { message: error })}</Typography>;
  if (!seating) return null;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%" data-testid="seating-panel">
      <Typography variant="sigma">{formatMessage({ id: t('seating.rsvp'), defaultMessage: 'Respuestas' })}</Typography>
      {(['invited', 'confirmed', 'declined', 'attended'] as const).map((state) => (
        <Typography key={state} variant="pi">
          {formatMessage({ id: t(`seating.rsvp.${state}`), defaultMessage: state })}: {seating.rsvpCounts[state]}
        </Typography>
      ))}
      <Box paddingTop={2}>
        {!seating.hostPresides && seating.presider && (
          <Typography variant="pi" textColor="warning600">{formatMessage({ id: t('seating.hostYields'), defaultMessage: 'El anfitrión cede la presidencia.' })}</Typography>
        )}
        {seating.seats.length === 0 && <Typography variant="pi">{formatMessage({ id: t('seating.none'), defaultMessage: 'Sin asistentes.' })}</Typography>}
        <ol style={{ paddingLeft: '1.2em' }}>
          {seating.seats.map((seat) => (
            <li key={seat.order}>
              <Typography variant="pi">
                {fullName(seat.contact)} — {formatMessage({ id: t(`seating.${seat.side}`), defaultMessage: seat.side })}
                {seat.place ? ` ${seat.place}` : ''}
              </Typography>
            </li>
          ))}
        </ol>
      </Box>
      <Link to={`/plugins/${PLUGIN_ID}/ceremonies/${documentId}/seating`}>
        {formatMessage({ id: t('seating.print'), defaultMessage: 'Lista imprimible' })}
      </Link>
    </Flex>
  );
};

/** Shown on ceremonies to users who may see the seating order (Protocolo, the Gerente). */
export const SeatingPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.readSeating);
  if (model !== CEREMONY || isLoading || !allowedActions.canSeating) return null;
  const title = formatMessage({ id: t('seating.panel'), defaultMessage: 'Orden de ubicación' });
  if (!documentId) {
    return { title, content: <Typography variant="pi">{formatMessage({ id: t('seating.saveFirst'), defaultMessage: 'Guarde la ceremonia primero.' })}</Typography> };
  }
  return { title, content: <SeatingContent documentId={documentId} updatedAt={document?.updatedAt as string | undefined} /> };
};
