/** CSV import: upload, dry-run report by row and column, then an all-or-nothing commit. */
import { useState } from 'react';
import { Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';
import { messageOf } from './errors';

interface Report {
  dryRun: boolean;
  valid: boolean;
  rows: number;
  creates: number;
  updates: number;
  problems: Array<{ row: number; column: string | null; code: string; message: string }>;
}

export const ImportPanel = ({ onImported }: { onImported: () => void }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const [csv, setCsv] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = (id: string, fallback: string, values?: Record<string, number>) => formatMessage({ id: t(id), defaultMessage: fallback }, values);

  const send = async (dryRun: boolean) => {
    setError(null);
    try {
      const res: any = await post('/protocol/directory/import', { csv, dryRun });
      setReport(res.data.data);
      if (!dryRun) {
        setCsv(null);
        onImported();
      }
    } catch (e: any) {
      const details = e?.response?.data?.error?.details;
      if (details?.problems) setReport({ ...details, valid: false });
      setError(messageOf(e));
    }
  };

  return (
    <Box paddingTop={8}>
      <Typography variant="beta" tag="h2">{label('import.title', 'Importar contactos (CSV)')}</Typography>
      <Box paddingTop={2} paddingBottom={2}>
        <Typography variant="pi" textColor="neutral600">{label('import.hint', '')}</Typography>
      </Box>
      <Flex gap={2} alignItems="center">
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label={label('import.file', 'Archivo CSV')}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            setReport(null);
            setCsv(file ? await file.text() : null);
          }}
        />
        <Button variant="secondary" disabled={!csv} onClick={() => send(true)}>{label('import.dryRun', 'Revisar')}</Button>
        <Button disabled={!csv || !report?.valid || !report.dryRun} onClick={() => send(false)}>{label('import.commit', 'Guardar')}</Button>
      </Flex>
      {error && <Typography textColor="danger600">{error}</Typography>}
      {report && report.valid && (
        <Box paddingTop={2}>
          <Typography textColor="success600">
            {report.dryRun ? label('import.ok', '', { rows: report.rows, creates: report.creates, updates: report.updates }) : label('import.done', '', { creates: report.creates, updates: report.updates })}
          </Typography>
        </Box>
      )}
      {report && !report.valid && report.problems?.length > 0 && (
        <Box paddingTop={2}>
          <Typography textColor="danger600">{label('import.problems', '', { count: report.problems.length })}</Typography>
          <Table colCount={3} rowCount={report.problems.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{label('import.row', 'Fila')}</Typography></Th>
                <Th><Typography variant="sigma">{label('import.column', 'Columna')}</Typography></Th>
                <Th><Typography variant="sigma">{label('import.problem', 'Problema')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {report.problems.map((p, i) => (
                <Tr key={i}>
                  <Td><Typography>{p.row}</Typography></Td>
                  <Td><Typography>{p.column ?? ''}</Typography></Td>
                  <Td><Typography>{p.message} ({p.code})</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
      )}
    </Box>
  );
};
