/** "Directorio protocolar": the directory in precedence order, filters, bulk verify, export and import. */
import { useEffect, useState } from 'react';
import { Box, Button, Checkbox, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useAuth, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';
import { messageOf } from '../components/errors';
import { fullName } from '../components/types';
import { ImportPanel } from '../components/ImportPanel';
import { Birthdays } from '../components/Birthdays';

/** Table cells keep to one line by default: long names and positions wrap instead of widening the page. */
const WRAP = { whiteSpace: 'normal', overflowWrap: 'anywhere' } as const;

const LEVELS = ['national', 'regional', 'provincial', 'district', 'local', 'international'];
const SECTORS = ['public', 'private', 'civil-society', 'international', 'religious', 'armed-forces', 'police'];

interface Filters {
  level: string;
  sector: string;
  porVerificar: boolean;
  q: string;
}

/** A filter over an enumeration of the content model: options show the value's label, as in the content manager. */
const FilterSelect = (props: { name: string; label: string; allLabel: string; options: string[]; value: string; onChange: (value: string) => void }) => {
  const { formatMessage } = useIntl();
  return (
    <Field.Root name={props.name} id={`directory-filter-${props.name}`}>
      <Field.Label>{props.label}</Field.Label>
      <SingleSelect value={props.value} onChange={(value: string | number) => props.onChange(String(value))}>
        <SingleSelectOption value="">{props.allLabel}</SingleSelectOption>
        {props.options.map((option) => (
          <SingleSelectOption key={option} value={option}>{formatMessage({ id: option, defaultMessage: option })}</SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
};

/** Saves a file: the link must be in the page, and its URL alive until the download has started. */
const download = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export const DirectoryPage = () => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [filters, setFilters] = useState<Filters>({ level: '', sector: '', porVerificar: false, q: '' });
  const [rows, setRows] = useState<any[]>([]);
  const [personalFields, setPersonalFields] = useState<string[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [reload, setReload] = useState(0);

  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '' && v !== false));
  const fail = (error: unknown) =>
    toggleNotification({ type: 'danger', message: formatMessage({ id: t('error'), defaultMessage: 'Error: {message}' }, { message: messageOf(error) }) });

  useEffect(() => {
    get('/protocol/directory', { params: { ...query, pageSize: 500 } })
      .then((res: any) => {
        setRows(res.data.data);
        setPersonalFields(res.data.meta.personalFields);
        setSelected([]);
      })
      .catch(fail);
  }, [JSON.stringify(filters), reload]);

  // The admin's fetch client reads every POST answer as JSON; the export answers a file.
  const token = useAuth('DirectoryPage', (auth) => auth.token);
  const exportAs = async (format: 'csv' | 'vcard') => {
    try {
      const body = selected.length ? { format, documentIds: selected } : { format, ...query };
      const res = await fetch(`${(window as any).strapi.backendURL}/protocol/directory/export`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw { response: { data: await res.json().catch(() => null) }, message: res.statusText };
      download(await res.blob(), `directorio-protocolar.${format === 'csv' ? 'csv' : 'vcf'}`);
    } catch (error) {
      fail(error);
    }
  };

  const verify = async () => {
    try {
      const res: any = await post('/protocol/directory/verify', { documentIds: selected });
      toggleNotification({ type: 'success', message: formatMessage({ id: t('actions.verified'), defaultMessage: '{count} verificados' }, { count: res.data.data.verified }) });
      setReload((n) => n + 1);
    } catch (error) {
      fail(error);
    }
  };

  const toggle = (documentId: string) =>
    setSelected((current) => (current.includes(documentId) ? current.filter((id) => id !== documentId) : [...current, documentId]));
  const label = (id: string, fallback: string) => formatMessage({ id: t(id), defaultMessage: fallback });
  const showPersonal = personalFields.length > 0;

  return (
    <Page.Main>
      <Page.Title>{label('directory.title', 'Directorio protocolar')}</Page.Title>
      <Layouts.Header title={label('directory.title', 'Directorio protocolar')} subtitle={label('directory.subtitle', '')} />
      <Layouts.Content>

        <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
          <FilterSelect name="level" label={label('filters.level', 'Nivel')} allLabel={label('filters.all', 'Todos')} options={LEVELS} value={filters.level} onChange={(level) => setFilters({ ...filters, level })} />
          <FilterSelect name="sector" label={label('filters.sector', 'Sector')} allLabel={label('filters.all', 'Todos')} options={SECTORS} value={filters.sector} onChange={(sector) => setFilters({ ...filters, sector })} />
          <Field.Root name="q">
            <Field.Label>{label('filters.search', 'Buscar')}</Field.Label>
            <TextInput value={filters.q} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFilters({ ...filters, q: e.target.value })} />
          </Field.Root>
          <Checkbox checked={filters.porVerificar} onCheckedChange={(checked: boolean | 'indeterminate') => setFilters({ ...filters, porVerificar: checked === true })}>
            {label('filters.porVerificar', 'Solo por verificar')}
          </Checkbox>
        </Flex>

        <Flex gap={2} paddingBottom={2} wrap="wrap">
          <Button disabled={!selected.length} onClick={verify}>
            {formatMessage({ id: t('actions.verify'), defaultMessage: 'Marcar como verificados ({count})' }, { count: selected.length })}
          </Button>
          <Button variant="secondary" onClick={() => exportAs('csv')}>{label('actions.exportCsv', 'Exportar CSV')}</Button>
          <Button variant="secondary" onClick={() => exportAs('vcard')}>{label('actions.exportVcard', 'Exportar vCard')}</Button>
        </Flex>
        <Box paddingBottom={4}>
          <Typography variant="pi" textColor="neutral600">{label('actions.exportHint', '')}</Typography>
        </Box>

        <Table colCount={showPersonal ? 8 : 7} rowCount={rows.length + 1} aria-label={label('directory.title', 'Directorio protocolar')}>
          <Thead>
            <Tr>
              <Th><span /></Th>
              <Th><Typography variant="sigma">{label('table.rank', 'Rango')}</Typography></Th>
              <Th><Typography variant="sigma">{label('table.name', 'Nombre')}</Typography></Th>
              <Th><Typography variant="sigma">{label('table.position', 'Cargo')}</Typography></Th>
              <Th><Typography variant="sigma">{label('table.institution', 'Institución')}</Typography></Th>
              <Th><Typography variant="sigma">{label('table.institutionalContact', 'Contacto institucional')}</Typography></Th>
              {showPersonal && <Th><Typography variant="sigma">{label('table.personalContact', 'Contacto personal')}</Typography></Th>}
              <Th><Typography variant="sigma">{label('table.verification', 'Verificación')}</Typography></Th>
            </Tr>
          </Thead>
          <Tbody>
            {rows.map((c) => (
              <Tr key={c.documentId} data-testid="directory-row">
                <Td><Checkbox checked={selected.includes(c.documentId)} onCheckedChange={() => toggle(c.documentId)} aria-label={fullName(c)} /></Td>
                <Td><Typography>{c.effectiveRank ?? '—'}</Typography></Td>
                <Td><Typography style={{ ...WRAP, display: 'block', minWidth: '16rem' }}>{fullName(c)}</Typography></Td>
                <Td><Typography style={{ ...WRAP, display: 'block', minWidth: '14rem' }}>{c.position}</Typography></Td>
                <Td><Typography style={WRAP}>{c.institution?.name ?? ''}</Typography></Td>
                <Td><Typography style={WRAP}>{[c.institutionalEmail, c.institutionalPhone].filter(Boolean).join(' · ')}</Typography></Td>
                {showPersonal && <Td><Typography style={WRAP}>{[c.personalEmail, c.personalPhone].filter(Boolean).join(' · ')}</Typography></Td>}
                <Td>
                  <Typography textColor={c.porVerificar.length ? 'warning600' : 'success600'}>
                    {c.porVerificar.length ? c.porVerificar.map((r: string) => label(`verification.${r}`, r)).join(', ') : label('verification.ok', 'Al día')}
                  </Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        {rows.length === 0 && <Box padding={4}><Typography>{label('table.empty', 'Sin contactos.')}</Typography></Box>}

        <ImportPanel onImported={() => setReload((n) => n + 1)} />
        <Birthdays />
      </Layouts.Content>
    </Page.Main>
  );
};
