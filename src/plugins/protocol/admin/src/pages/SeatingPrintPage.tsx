/** Printable invitation list and seating order of a ceremony. */
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { t } from '../pluginId';
import { fullName, type Seating } from '../components/types';
import { useSeating } from '../components/useSeating';

const cell = { border: '1px solid #999', padding: '4px 8px', textAlign: 'left' as const };

const SeatTable = ({ seating }: { seating: Seating }) => {
  const { formatMessage } = useIntl();
  const side = (s: Seating['seats'][number]) => `${formatMessage({ id: t(`seating.${s.side}`), defaultMessage: s.side })}${s.place ? ` ${s.place}` : ''}`;
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <th style={cell}>{formatMessage({ id: t('seating.order'), defaultMessage: 'N.°' })}</th>
          <th style={cell}>{formatMessage({ id: t('seating.side'), defaultMessage: 'Ubicación' })}</th>
          <th style={cell}>{formatMessage({ id: t('table.name'), defaultMessage: 'Nombre' })}</th>
          <th style={cell}>{formatMessage({ id: t('table.position'), defaultMessage: 'Cargo' })}</th>
          <th style={cell}>{formatMessage({ id: t('table.institution'), defaultMessage: 'Institución' })}</th>
        </tr>
      </thead>
      <tbody>
        {seating.seats.map((s) => (
          <tr key={s.order}>
            <td style={cell}>{s.order}</td>
            <td style={cell}>{s.order === 1 ? formatMessage({ id: t('seating.presides'), defaultMessage: 'Preside' }) : side(s)}</td>
            <td style={cell}>{fullName(s.contact)}</td>
            <td style={cell}>{s.contact.position}</td>
            <td style={cell}>{s.contact.institution ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

export const SeatingPrintPage = () => {
  const { documentId } = useParams();
  const { formatMessage, formatDate } = useIntl();
  const { seating, error } = useSeating(documentId);
  if (error) return <Page.Main><Box padding={8}><Typography textColor="danger600">{error}</Typography></Box></Page.Main>;
  if (!seating) return <Page.Loading />;
  const byOrder = new Map(seating.seats.map((s) => [s.order, s]));
  return (
    <Page.Main>
      <Page.Title>{seating.ceremony.title}</Page.Title>
      <Box padding={8} background="neutral0" data-testid="seating-print">
        <Flex justifyContent="space-between" paddingBottom={4}>
          <Typography variant="alpha" tag="h1">{seating.ceremony.title}</Typography>
          <Button onClick={() => window.print()}>{formatMessage({ id: t('seating.printNow'), defaultMessage: 'Imprimir' })}</Button>
        </Flex>
        <Typography>
          {formatDate(seating.ceremony.startsAt, { dateStyle: 'full', timeStyle: 'short', timeZone: 'America/Lima' })} — {seating.ceremony.venue}
        </Typography>
        <Box paddingTop={6} paddingBottom={2}>
          <Typography variant="beta" tag="h2">{formatMessage({ id: t('seating.title'), defaultMessage: 'Orden de ubicación' })}</Typography>
        </Box>
        {!seating.hostPresides && seating.presider && (
          <Typography>{formatMessage({ id: t('seating.hostYields'), defaultMessage: 'El anfitrión cede la presidencia.' })}</Typography>
        )}
        <SeatTable seating={seating} />
        <Box paddingTop={4}>
          <Typography variant="sigma">{formatMessage({ id: t('seating.audience'), defaultMessage: 'Vista desde el público' })}</Typography>
          <Typography tag="p">{seating.rowFromAudience.map((order) => `${order}. ${byOrder.get(order)?.contact.familyName ?? ''}`).join('  |  ')}</Typography>
        </Box>
        <Box paddingTop={6} paddingBottom={2}>
          <Typography variant="beta" tag="h2">{formatMessage({ id: t('seating.invitations'), defaultMessage: 'Lista de invitados' })}</Typography>
        </Box>
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <tbody>
            {seating.invitations.map((i) => (
              <tr key={i.documentId}>
                <td style={cell}>{fullName(i)}</td>
                <td style={cell}>{i.position}</td>
                <td style={cell}>{i.institution ?? ''}</td>
                <td style={cell}>{formatMessage({ id: t(`rsvp.${i.rsvp}`), defaultMessage: i.rsvp })}</td>
                <td style={cell}>{i.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Box>
    </Page.Main>
  );
};
