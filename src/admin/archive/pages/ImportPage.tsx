// "Importar al archivo": the admin's door to the archive's one ingest, as `npm run archive:import`
// is on the server: several files with the same kind, credit, tags and rights, one at a time,
// each with its result (imported, already archived, refused with the reason) and its similar photos.
import * as React from 'react';
import { Box, Button, Checkbox, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { t } from '../pluginId';
import { editUrl, refusalOf, type ArchiveSummary } from '../api';
import { SimilarList } from '../components/SimilarList';

const KINDS = ['photo', 'audio', 'video', 'press-clipping', 'document'];
const RIGHTS = ['own', 'ceded', 'cc-by', 'cc-by-sa', 'cc0', 'public-domain', 'all-rights-reserved'];

type Result =
  | { state: 'pending' | 'working' }
  | { state: 'imported'; item: ArchiveSummary; similar: ArchiveSummary[] }
  | { state: 'duplicate'; message: string; existing?: { documentId: string; title: string } }
  | { state: 'refused'; message: string };

/** The kind a file most likely is, when staff leave it to each file (the server checks the real type anyway). */
const kindOf = (file: File) => {
  if (file.type.startsWith('image/')) return 'photo';
  if (file.type.startsWith('audio/')) return 'audio';
  if (file.type.startsWith('video/')) return 'video';
  return 'document';
};

export const ImportPage = () => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const label = (id: string, values?: Record<string, string | number>) => formatMessage({ id: t(id), defaultMessage: id }, values);
  const value = (v: string) => formatMessage({ id: v, defaultMessage: v });
  const [files, setFiles] = React.useState<File[]>([]);
  const [fields, setFields] = React.useState({ kind: '', credit: '', place: '', tags: '', rights: '', isPublic: false });
  const [results, setResults] = React.useState<Result[]>([]);
  const [busy, setBusy] = React.useState(false);

  const run = async () => {
    setBusy(true);
    const next: Result[] = files.map(() => ({ state: 'pending' }));
    setResults([...next]);
    for (const [index, file] of files.entries()) {
      next[index] = { state: 'working' };
      setResults([...next]);
      const data: Record<string, unknown> = { kind: fields.kind || kindOf(file), isPublic: fields.isPublic };
      for (const key of ['credit', 'place', 'rights'] as const) if (fields[key].trim()) data[key] = fields[key].trim();
      const tags = fields.tags.split(',').map((tag) => tag.trim().toLowerCase()).filter(Boolean);
      if (tags.length) data.tags = tags;
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('data', JSON.stringify(data));
      try {
        const res: any = await post('/media-archive/items/ingest', form);
        next[index] = { state: 'imported', item: res.data.data, similar: res.data.meta.similar };
      } catch (error) {
        const refusal = refusalOf(error);
        next[index] = refusal.code === 'DUPLICATE_FILE' ? { state: 'duplicate', message: refusal.message, existing: refusal.existing } : { state: 'refused', message: refusal.message };
      }
      setResults([...next]);
    }
    setBusy(false);
  };

  const count = (state: Result['state']) => results.filter((r) => r.state === state).length;
  const done = results.length > 0 && !busy;

  return (
    <Page.Main>
      <Page.Title>{label('import.title')}</Page.Title>
      <Layouts.Header title={label('import.title')} subtitle={label('import.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Field.Root name="files" id="archive-import-files">
            <Field.Label>{label('import.files')}</Field.Label>
            <input
              type="file"
              multiple
              data-testid="archive-import-input"
              onChange={(e) => {
                setFiles(Array.from(e.target.files ?? []));
                setResults([]);
              }}
            />
          </Field.Root>
          <Flex gap={4} wrap="wrap" alignItems="flex-end">
            <Box width="240px">
              <Field.Root name="kind" id="archive-import-kind">
                <Field.Label>{label('import.kind')}</Field.Label>
                <SingleSelect value={fields.kind} onChange={(v: string | number) => setFields({ ...fields, kind: String(v) })}>
                  <SingleSelectOption value="">{label('import.kind.auto')}</SingleSelectOption>
                  {KINDS.map((kind) => (
                    <SingleSelectOption key={kind} value={kind}>
                      {value(kind)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box width="280px">
              <Field.Root name="rights" id="archive-import-rights">
                <Field.Label>{label('import.rights')}</Field.Label>
                <SingleSelect value={fields.rights} onChange={(v: string | number) => setFields({ ...fields, rights: String(v) })}>
                  <SingleSelectOption value="">—</SingleSelectOption>
                  {RIGHTS.map((rights) => (
                    <SingleSelectOption key={rights} value={rights}>
                      {value(rights)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            {(['credit', 'place', 'tags'] as const).map((key) => (
              <Field.Root key={key} name={key} id={`archive-import-${key}`}>
                <Field.Label>{label(`import.${key}`)}</Field.Label>
                <TextInput value={fields[key]} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [key]: e.target.value })} />
              </Field.Root>
            ))}
            <Checkbox checked={fields.isPublic} onCheckedChange={(checked: boolean | 'indeterminate') => setFields({ ...fields, isPublic: checked === true })}>
              {label('import.isPublic')}
            </Checkbox>
          </Flex>
          <Box>
            <Button onClick={run} disabled={!files.length || busy} loading={busy}>
              {label('import.start', { count: files.length })}
            </Button>
          </Box>
          {done ? (
            <Typography fontWeight="bold" data-testid="archive-import-summary">
              {label('import.summary', { imported: count('imported'), duplicates: count('duplicate'), refused: count('refused') })}
            </Typography>
          ) : null}
          {results.length > 0 ? (
            <Table colCount={3} rowCount={results.length + 1} aria-label={label('import.results')}>
              <Thead>
                <Tr>
                  {['file', 'result', 'similar'].map((column) => (
                    <Th key={column}>
                      <Typography variant="sigma">{label(`import.column.${column}`)}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {results.map((result, index) => (
                  <Tr key={index} data-testid="archive-import-row">
                    <Td>
                      <Typography>{files[index]?.name}</Typography>
                    </Td>
                    <Td>
                      {result.state === 'imported' ? (
                        <Flex direction="column" alignItems="flex-start">
                          <Typography textColor="success600">{label('import.imported')}</Typography>
                          <Link to={editUrl(result.item.documentId)}>{label('import.open')}</Link>
                        </Flex>
                      ) : result.state === 'duplicate' ? (
                        <Flex direction="column" alignItems="flex-start">
                          <Typography textColor="warning600">{label('import.duplicate')}</Typography>
                          <Typography variant="pi">{result.message}</Typography>
                          {result.existing ? <Link to={editUrl(result.existing.documentId)}>{result.existing.title}</Link> : null}
                        </Flex>
                      ) : result.state === 'refused' ? (
                        <Flex direction="column" alignItems="flex-start">
                          <Typography textColor="danger600">{label('import.refused')}</Typography>
                          <Typography variant="pi">{result.message}</Typography>
                        </Flex>
                      ) : (
                        <Typography textColor="neutral600">{label(result.state === 'working' ? 'import.working' : 'import.pending')}</Typography>
                      )}
                    </Td>
                    <Td>{result.state === 'imported' ? <SimilarList items={result.similar} /> : null}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
