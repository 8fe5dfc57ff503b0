// A request: its data, files, timeline and the forms of the actions its state allows.
import * as React from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Link, useParams } from 'react-router-dom';
import { PERMISSIONS, PLUGIN_ID } from '../pluginId';
import { ACTIONS_BY_STATE, ACTION_FIELDS, formatDay, formatDayTime, toBody, useErrorMessage, useT, type PublicationRequest } from '../utils';
import { StateBadge } from '../components/StateBadge';

const RBAC = [...PERMISSIONS.record, ...PERMISSIONS.cancel];

const ActionForm = ({ action, onDone, requestId }: { action: string; requestId: number; onDone: (r: PublicationRequest) => void }) => {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [values, setValues] = React.useState<Record<string, string>>({});
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    let body: Record<string, unknown>;
    try {
      body = toBody(values);
    } catch (e: any) {
      setError(t('date.invalid', { value: e.invalidDate }));
      return;
    }
    setBusy(true);
    try {
      const { data } = await post<any>(`/${PLUGIN_ID}/requests/${requestId}/actions/${action}`, body);
      setValues({});
      toggleNotification({ type: 'success', message: t('saved', { state: t(`state.${data.data.state}`) }) });
      onDone(data.data);
    } catch (e: any) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box tag="form" onSubmit={submit} padding={4} background="neutral100" hasRadius data-testid={`action-${action}`}>
      <Typography variant="delta" tag="h3">
        {t(`action.${action}`)}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
        {ACTION_FIELDS[action].map((field) => (
          <Field.Root key={field} name={field} id={`${action}-${field}`}>
            <Field.Label>{t(`field.${field}`)}</Field.Label>
            <TextInput value={values[field] ?? ''} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [field]: e.target.value })} />
          </Field.Root>
        ))}
        {error ? (
          <Typography textColor="danger600" role="alert">
            {error}
          </Typography>
        ) : null}
        <Box>
          <Button type="submit" loading={busy} variant={action === 'cancel' ? 'danger-light' : 'default'}>
            {t(`action.${action}`)}
          </Button>
        </Box>
      </Flex>
    </Box>
  );
};

const Row = ({ label, value }: { label: string; value?: React.ReactNode }) =>
  value === null || value === undefined || value === '' ? null : (
    <Typography tag="p">
      <strong>{label}:</strong> {value}
    </Typography>
  );

export const RequestDetail = () => {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { id } = useParams();
  const { get } = useFetchClient();
  const { allowedActions } = useRBAC(RBAC);
  const [request, setRequest] = React.useState<PublicationRequest | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const load = React.useCallback(() => {
    get<any>(`/${PLUGIN_ID}/requests/${id}`)
      .then(({ data }) => setRequest(data.data))
      .catch((e) => setError(errorMessage(e)));
  }, [id]);
  React.useEffect(load, [load]);

  if (error) {
    return (
      <Page.Main>
        <Layouts.Header title={t('plugin.name')} navigationAction={<Link to="..">{t('back')}</Link>} />
        <Layouts.Content>
          <Typography textColor="danger600">{error}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!request) return <Page.Loading />;
  const actions = (ACTIONS_BY_STATE[request.state] ?? []).filter((action) => (action === 'cancel' ? allowedActions.canCancel : allowedActions.canRecord));
  const files = [
    [t('field.signedPdfId'), request.signedPdf],
    [t('field.editableDocxId'), request.editableDocx],
    [t('detail.proof'), request.proof],
  ].filter(([, file]) => file) as Array<[string, { id: number; name: string; url: string }]>;

  return (
    <Page.Main>
      <Page.Title>{request.reference}</Page.Title>
      <Layouts.Header
        navigationAction={<Link to="..">{t('back')}</Link>}
        title={request.reference}
        subtitle={[request.normNumber, request.normTitle].filter(Boolean).join(' — ')}
        secondaryAction={<StateBadge state={request.state} overdue={request.overdue} />}
      />
      <Layouts.Content>
        <Flex gap={8} alignItems="flex-start" wrap="wrap">
          <Flex direction="column" alignItems="stretch" gap={2} style={{ minWidth: 320, flex: 1 }} data-testid="request-data">
            <Typography variant="beta" tag="h2">
              {t('detail.data')}
            </Typography>
            <Row label={t('detail.norm')} value={[request.normNumber, request.normTitle].filter(Boolean).join(' — ')} />
            <Row label={t('table.channel')} value={t(`channel.${request.channel}`, undefined, request.channel)} />
            <Row label={t('table.dueBy')} value={formatDay(request.dueBy)} />
            <Row label={t('field.attempts')} value={request.attempts || null} />
            <Row label={t('field.submittedAt')} value={formatDayTime(request.submittedAt)} />
            <Row label={t('field.submissionReference')} value={request.submissionReference} />
            <Row label={t('field.expectedEditionDate')} value={formatDay(request.expectedEditionDate)} />
            <Row label={t('field.quoteAmount')} value={request.quoteAmount} />
            <Row label={t('field.quoteReference')} value={request.quoteReference} />
            <Row label={t('field.paymentReference')} value={request.paymentReference} />
            <Row label={t('field.paymentDate')} value={formatDay(request.paymentDate)} />
            <Row label={t('field.editionDate')} value={formatDay(request.editionDate)} />
            <Row label={t('field.gazetteId')} value={request.gazetteId} />
            <Row label={t('field.page')} value={request.page} />
            <Row label={t('field.rejectionReason')} value={request.rejectionReason} />
            <Row label={t('detail.lastError')} value={request.lastError} />
            <Typography variant="beta" tag="h2">
              {t('detail.files')}
            </Typography>
            {files.map(([label, file]) => (
              <Typography key={file.id} tag="p">
                {label}:{' '}
                <a href={file.url} target="_blank" rel="noreferrer">
                  {file.name}
                </a>{' '}
                (#{file.id})
              </Typography>
            ))}
            <Typography variant="beta" tag="h2">
              {t('detail.timeline')}
            </Typography>
            <Box tag="ol" data-testid="request-timeline" paddingLeft={4}>
              {request.timeline?.map((event) => (
                <li key={event.id}>
                  <Typography variant="pi">
                    {formatDayTime(event.createdAt)} · {event.actorName ?? t('timeline.system')} · {t(`timeline.${event.action}`, undefined, event.action)}:{' '}
                    {event.fromState ? t(`state.${event.fromState}`) : '—'} → {t(`state.${event.toState}`)}
                    {event.comment ? ` · «${event.comment}»` : ''}
                  </Typography>
                </li>
              ))}
            </Box>
          </Flex>
          <Flex direction="column" alignItems="stretch" gap={4} style={{ minWidth: 320, flex: 1 }}>
            <Typography variant="beta" tag="h2">
              {t('detail.actions')}
            </Typography>
            {actions.length === 0 ? <Typography textColor="neutral600">{t('detail.noActions')}</Typography> : null}
            {actions.map((action) => (
              <ActionForm key={`${action}-${request.state}`} action={action} requestId={request.id} onDone={load} />
            ))}
          </Flex>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
