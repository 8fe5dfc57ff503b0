// A request: its data, files, timeline and the forms of the actions its state allows.
import * as React from 'react';
import { Box, Button, Field, Flex, Main, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useNavigate, useParams } from 'react-router-dom';
import { PLUGIN_ID } from '../pluginId';
import { ACTIONS_BY_STATE, ACTION_FIELDS, toBody, useT, type PublicationRequest } from '../utils';
import { StateBadge } from '../components/StateBadge';

const ActionForm = ({ action, onDone, requestId }: { action: string; requestId: number; onDone: (r: PublicationRequest) => void }) => {
  const t = useT();
  const { post } = useFetchClient();
  const [values, setValues] = React.useState<Record<string, string>>({});
  const [error, setError] = React.useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { data } = await post<any>(`/${PLUGIN_ID}/requests/${requestId}/actions/${action}`, toBody(values));
      setValues({});
      onDone(data.data);
    } catch (e: any) {
      setError(e?.response?.data?.error?.message ?? e.message);
    }
  };
  return (
    <Box tag="form" onSubmit={submit} padding={4} background="neutral100" hasRadius>
      <Typography variant="delta">{t(`action.${action}`)}</Typography>
      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
        {ACTION_FIELDS[action].map((field) => (
          <Field.Root key={field} name={field}>
            <Field.Label>{t(`field.${field}`)}</Field.Label>
            <TextInput value={values[field] ?? ''} onChange={(e: any) => setValues({ ...values, [field]: e.target.value })} />
          </Field.Root>
        ))}
        {error ? <Typography textColor="danger600">{error}</Typography> : null}
        <Box>
          <Button type="submit" variant={action === 'cancel' ? 'danger-light' : 'default'}>
            {t(`action.${action}`)}
          </Button>
        </Box>
      </Flex>
    </Box>
  );
};

const Row = ({ label, value }: { label: string; value?: React.ReactNode }) =>
  value === null || value === undefined || value === '' ? null : (
    <Typography>
      <strong>{label}:</strong> {value}
    </Typography>
  );

export const RequestDetail = () => {
  const t = useT();
  const { id } = useParams();
  const navigate = useNavigate();
  const { get } = useFetchClient();
  const [request, setRequest] = React.useState<PublicationRequest | null>(null);
  React.useEffect(() => {
    get<any>(`/${PLUGIN_ID}/requests/${id}`).then(({ data }) => setRequest(data.data));
  }, [id]);
  if (!request) return null;
  return (
    <Main>
      <Box padding={8}>
        <Button variant="tertiary" onClick={() => navigate('..')}>
          {t('back')}
        </Button>
        <Flex gap={2} paddingTop={4} paddingBottom={4}>
          <Typography variant="alpha" tag="h1">
            {request.reference}
          </Typography>
          <StateBadge state={request.state} overdue={request.overdue} />
        </Flex>
        <Flex gap={8} alignItems="flex-start" wrap="wrap">
          <Flex direction="column" alignItems="stretch" gap={2} style={{ minWidth: 320, flex: 1 }}>
            <Typography variant="beta">{t('detail.data')}</Typography>
            <Row label={t('table.norm')} value={`${request.normNumber ?? ''} ${request.normTitle ?? ''}`} />
            <Row label={t('table.channel')} value={`${request.channel} (${request.outlet})`} />
            <Row label={t('table.dueBy')} value={request.dueBy} />
            <Row label={t('field.submissionReference')} value={request.submittedAt} />
            <Row label={t('field.expectedEditionDate')} value={request.expectedEditionDate} />
            <Row label={t('field.quoteAmount')} value={request.quoteAmount} />
            <Row label={t('field.paymentReference')} value={request.paymentReference} />
            <Row label={t('field.editionDate')} value={request.editionDate} />
            <Row label={t('field.gazetteId')} value={request.gazetteId} />
            <Row label={t('field.page')} value={request.page} />
            <Row label={t('field.rejectionReason')} value={request.rejectionReason} />
            <Row label={t('detail.lastError')} value={request.lastError} />
            <Typography variant="beta">{t('detail.files')}</Typography>
            {[request.signedPdf, request.editableDocx, request.proof].filter(Boolean).map((file) => (
              <a key={file!.id} href={file!.url} target="_blank" rel="noreferrer">
                {file!.name} (#{file!.id})
              </a>
            ))}
            <Typography variant="beta">{t('detail.timeline')}</Typography>
            {request.timeline?.map((event) => (
              <Typography key={event.id} variant="pi">
                {new Date(event.createdAt).toLocaleString()} · {event.actorName} · {event.action}: {event.fromState ?? '—'} → {event.toState}
                {event.comment ? ` · «${event.comment}»` : ''}
              </Typography>
            ))}
          </Flex>
          <Flex direction="column" alignItems="stretch" gap={4} style={{ minWidth: 320, flex: 1 }}>
            <Typography variant="beta">{t('detail.actions')}</Typography>
            {(ACTIONS_BY_STATE[request.state] ?? []).map((action) => (
              <ActionForm key={`${action}-${request.state}`} action={action} requestId={request.id} onDone={() => get<any>(`/${PLUGIN_ID}/requests/${id}`).then(({ data }) => setRequest(data.data))} />
            ))}
          </Flex>
        </Flex>
      </Box>
    </Main>
  );
};
