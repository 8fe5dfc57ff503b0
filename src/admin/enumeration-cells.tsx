// The content manager's list view shows an enumeration's stored value; this
// gives its columns the same label the edit view and the filters show
// (the value's translation, src/labels/enumerations.ts).
import { Typography } from '@strapi/design-system';
import type { StrapiApp } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

const INJECT_COLUMN_IN_TABLE = 'Admin/CM/pages/ListView/inject-column-in-table';

const EnumerationCell = ({ value }: { value: unknown }) => {
  const { formatMessage } = useIntl();
  if (typeof value !== 'string' || value === '') return <Typography textColor="neutral800">-</Typography>;
  return <Typography textColor="neutral800">{formatMessage({ id: value, defaultMessage: value })}</Typography>;
};

interface Header {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: unknown;
}

export function translateEnumerationCells(app: StrapiApp) {
  app.registerHook(INJECT_COLUMN_IN_TABLE, ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
    layout,
    displayedHeaders: displayedHeaders.map((header) =>
      header.attribute?.type === 'enumeration' && !header.cellFormatter
        ? { ...header, cellFormatter: (row: Record<string, unknown>) => <EnumerationCell value={row[header.name]} /> }
        : header
    ),
  }));
}
