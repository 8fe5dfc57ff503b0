// "Difusión": compose a circular (norms, notes and ceremonies from search pickers; bodies by
// subject or by hand), preview the e-mail, send it; the circulars sent with each one's
// acknowledgments, what each body still owes, and the audit report of a period.
import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, Table, Tbody, Td, Textarea, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PERMISSIONS, PLUGIN_ID } from '../pluginId';
import { Picker, type Picked } from '../components/Picker';
import { formatDayTime, limaToday, useErrorMessage, useT } from '../utils';

interface Options {
  subjects: string[];
  bodies: Array<{ documentId: string; name: string; subjects: string[]; recipients: number }>;
}

const Section = ({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} marginBottom={6} data-testid={testId}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);

const Composer = ({ options, onSent }: { options: Options; onSent: (id: number) => void }) => {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { post, get } = useFetchClient();
  const [params] = useSearchParams();
  const [title, setTitle] = React.useState('');
  const [message, setMessage] = React.useState('');
  const [forCompliance, setForCompliance] = React.useState(false);
  const [norms, setNorms] = React.useState<Picked[]>([]);
  const [notes, setNotes] = React.useState<Picked[]>([]);
  const [ceremonies, setCeremonies] = React.useState<Picked[]>([]);
  const [subjects, setSubjects] = React.useState<string[]>([]);
  const [bodies, setBodies] = React.useState<string[]>([]);
  const [preview, setPreview] = React.useState<{ subject: string; text: string; recipients: number } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  // "Difundir" from a norm's side panel: the composer starts with that norm.
  const normParam = params.get('norm');
  React.useEffect(() => {
    if (!normParam) return;
    get<any>(`/${PLUGIN_ID}/search`, { params: { type: 'norm', q: normParam } }).then(({ data }) => {
      const found = (data.data as Array<Picked & { subjects: string[] }>).find((n) => n.documentId === normParam);
      if (found) {
        setNorms([found]);
        setSubjects(found.subjects ?? []);
        setForCompliance(true);
      }
    });
  }, [normParam]);

  const input = () => ({
    title,
    message: message || null,
    forCompliance,
    norms: norms.map((n) => n.documentId),
    pressNotes: notes.map((n) => n.documentId),
    ceremonies: ceremonies.map((c) => c.documentId),
    subjects,
    bodies,
  });
  const toggle = (list: string[], set: (v: string[]) => void, value: string) => set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const run = async (action: 'preview' | 'send') => {
    setBusy(true);
    setError(null);
    try {
      if (action === 'preview') {
        const { data } = await post<any>(`/${PLUGIN_ID}/circulars/preview`, input());
        setPreview(data.data);
      } else {
        const { data } = await post<any>(`/${PLUGIN_ID}/circulars`, input());
        onSent(data.data.id);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('compose.title')} testId="dissemination-composer">
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Field.Root name="circular-title" required>
          <Field.Label>{t('compose.subject')}</Field.Label>
          <TextInput value={title} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTitle(e.target.value)} />
        </Field.Root>
        <Field.Root name="circular-message">
          <Field.Label>{t('compose.message')}</Field.Label>
          <Textarea value={message} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setMessage(e.target.value)} />
        </Field.Root>
        <Checkbox checked={forCompliance} onCheckedChange={(checked: boolean | 'indeterminate') => setForCompliance(checked === true)}>
          {t('compose.forCompliance')}
        </Checkbox>
        <Flex gap={6} alignItems="flex-start" wrap="wrap">
          <Box flex="1" minWidth="18rem">
            <Picker type="norm" label={t('compose.norms')} value={norms} onChange={setNorms} />
          </Box>
          <Box flex="1" minWidth="18rem">
            <Picker type="press-note" label={t('compose.pressNotes')} value={notes} onChange={setNotes} />
          </Box>
          <Box flex="1" minWidth="18rem">
            <Picker type="ceremony" label={t('compose.ceremonies')} value={ceremonies} onChange={setCeremonies} />
          </Box>
        </Flex>
        <Box>
          <Typography variant="sigma" tag="h3">
            {t('compose.bySubject')}
          </Typography>
          <Flex gap={4} wrap="wrap" paddingTop={2} role="group" aria-label={t('compose.bySubject')}>
            {options.subjects.map((s) => (
              <Checkbox key={s} checked={subjects.includes(s)} onCheckedChange={() => toggle(subjects, setSubjects, s)}>
                {t(`subject.${s}`, undefined, s)}
              </Checkbox>
            ))}
          </Flex>
        </Box>
        <Box>
          <Typography variant="sigma" tag="h3">
            {t('compose.byHand')}
          </Typography>
          <Flex gap={4} wrap="wrap" paddingTop={2} role="group" aria-label={t('compose.byHand')}>
            {options.bodies.map((b) => (
              <Checkbox key={b.documentId} checked={bodies.includes(b.documentId)} onCheckedChange={() => toggle(bodies, setBodies, b.documentId)}>
                {b.name}
              </Checkbox>
            ))}
          </Flex>
        </Box>
        {error ? (
          <Typography textColor="danger600" role="alert">
            {error}
          </Typography>
        ) : null}
        <Flex gap={2}>
          <Button variant="secondary" loading={busy} onClick={() => run('preview')}>
            {t('compose.preview')}
          </Button>
          <Button loading={busy} onClick={() => run('send')}>
            {t('compose.send')}
          </Button>
        </Flex>
        {preview ? (
          <Box padding={4} background="neutral100" hasRadius data-testid="dissemination-preview">
            <Typography variant="omega" fontWeight="bold">
              {preview.subject}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {t('compose.previewRecipients', { count: preview.recipients })}
            </Typography>
            <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: '0.85rem' }}>{preview.text}</pre>
          </Box>
        ) : null}
      </Flex>
    </Section>
  );
};

const CircularList = () => {
  const t = useT();
  const { get } = useFetchClient();
  const [rows, setRows] = React.useState<any[] | null>(null);
  React.useEffect(() => {
    get<any>(`/${PLUGIN_ID}/circulars`, { params: { pageSize: 50 } })
      .then(({ data }) => setRows(data.data))
      .catch(() => setRows([]));
  }, []);
  if (!rows) return <Page.Loading />;
  if (!rows.length) return <Typography>{t('list.empty')}</Typography>;
  return (
    <Table colCount={5} rowCount={rows.length + 1} aria-label={t('list.title')}>
      <Thead>
        <Tr>
          {['title', 'date', 'bodies', 'acknowledged', 'failed'].map((key) => (
            <Th key={key}>
              <Typography variant="sigma">{t(`list.${key}`)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((c) => (
          <Tr key={c.id} data-testid="circular-row">
            <Td>
              <Link to={String(c.id)}>{c.title}</Link>
              {c.kind === 'bulletin' ? <Typography variant="pi"> · {t('kind.bulletin')}</Typography> : null}
            </Td>
            <Td>
              <Typography>{formatDayTime(c.createdAt)}</Typography>
            </Td>
            <Td>
              <Typography>{c.bodies}</Typography>
            </Td>
            <Td>
              <Typography>
                {c.acknowledged} / {c.bodies}
              </Typography>
            </Td>
            <Td>
              <Typography textColor={c.failed ? 'danger600' : undefined}>{c.failed}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

const Pending = () => {
  const t = useT();
  const { get } = useFetchClient();
  const [rows, setRows] = React.useState<any[] | null>(null);
  React.useEffect(() => {
    get<any>(`/${PLUGIN_ID}/pending`)
      .then(({ data }) => setRows(data.data))
      .catch(() => setRows([]));
  }, []);
  if (!rows) return null;
  if (!rows.length) return <Typography>{t('pending.none')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="dissemination-pending">
      {rows.map((b) => (
        <Box key={b.body}>
          <Typography fontWeight="bold">{b.name}</Typography>
          <ul>
            {b.circulars.map((c: any) => (
              <li key={c.id}>
                <Typography variant="pi">
                  <Link to={String(c.id)}>{c.title}</Link> — {t(`owes.${c.owes}`)}
                  {c.remindedAt ? ` · ${t('pending.reminded')} ${formatDayTime(c.remindedAt)}` : ''}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      ))}
    </Flex>
  );
};

const Report = () => {
  const t = useT();
  const errorMessage = useErrorMessage();
  const { get } = useFetchClient();
  const [from, setFrom] = React.useState(limaToday().slice(0, 8) + '01');
  const [to, setTo] = React.useState(limaToday());
  const [error, setError] = React.useState<string | null>(null);
  const open = async (format: 'csv' | 'html') => {
    setError(null);
    try {
      const { data } = await get<any>(`/${PLUGIN_ID}/report`, { params: { from, to, format }, responseType: 'blob' } as any);
      const blob = data instanceof Blob ? data : new Blob([data], { type: format === 'csv' ? 'text/csv' : 'text/html' });
      const url = URL.createObjectURL(blob);
      if (format === 'csv') {
        const a = document.createElement('a');
        a.href = url;
        a.download = `difusion-${from}-${to}.csv`;
        a.click();
      } else window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Flex gap={4} alignItems="flex-end" wrap="wrap">
      <Field.Root name="report-from">
        <Field.Label>{t('report.from')}</Field.Label>
        <TextInput value={from} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFrom(e.target.value)} />
      </Field.Root>
      <Field.Root name="report-to">
        <Field.Label>{t('report.to')}</Field.Label>
        <TextInput value={to} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTo(e.target.value)} />
      </Field.Root>
      <Button variant="secondary" onClick={() => open('csv')}>
        {t('report.csv')}
      </Button>
      <Button variant="tertiary" onClick={() => open('html')}>
        {t('report.print')}
      </Button>
      {error ? <Typography textColor="danger600">{error}</Typography> : null}
    </Flex>
  );
};

export const CircularsPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { get } = useFetchClient();
  const { allowedActions } = useRBAC(PERMISSIONS.send);
  const [options, setOptions] = React.useState<Options | null>(null);
  React.useEffect(() => {
    get<any>(`/${PLUGIN_ID}/options`).then(({ data }) => setOptions(data.data));
  }, []);
  return (
    <Page.Main>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Layouts.Header title={t('plugin.name')} subtitle={t('page.subtitle')} />
      <Layouts.Content>
        {options && allowedActions.canSend ? <Composer options={options} onSent={(id) => navigate(String(id))} /> : null}
        <Section title={t('list.title')}>
          <CircularList />
        </Section>
        <Section title={t('pending.title')}>
          <Pending />
        </Section>
        <Section title={t('report.title')}>
          <Report />
        </Section>
      </Layouts.Content>
    </Page.Main>
  );
};
