// Search picker of published norms, press notes or ceremonies (GET /dissemination/search).
import * as React from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../pluginId';
import { useT } from '../utils';

export interface Picked {
  documentId: string;
  label: string;
}

export const Picker = ({ type, label, value, onChange }: { type: 'norm' | 'press-note' | 'ceremony'; label: string; value: Picked[]; onChange: (v: Picked[]) => void }) => {
  const t = useT();
  const { get } = useFetchClient();
  const [q, setQ] = React.useState('');
  const [results, setResults] = React.useState<Picked[]>([]);
  React.useEffect(() => {
    const timer = setTimeout(() => {
      get<any>(`/${PLUGIN_ID}/search`, { params: { type, q } })
        .then(({ data }) => setResults(data.data))
        .catch(() => setResults([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [q, type]);
  const chosen = new Set(value.map((v) => v.documentId));
  return (
    <Box data-testid={`picker-${type}`}>
      <Field.Root name={`search-${type}`}>
        <Field.Label>{label}</Field.Label>
        <TextInput placeholder={t('compose.search')} value={q} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQ(e.target.value)} />
      </Field.Root>
      <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2}>
        {results
          .filter((r) => !chosen.has(r.documentId))
          .slice(0, 5)
          .map((r) => (
            <Flex key={r.documentId} justifyContent="space-between" gap={2}>
              <Typography variant="pi">{r.label}</Typography>
              <Button size="S" variant="secondary" onClick={() => onChange([...value, r])} aria-label={`${t('compose.add')}: ${r.label}`}>
                {t('compose.add')}
              </Button>
            </Flex>
          ))}
      </Flex>
      {value.length ? (
        <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2} data-testid={`picked-${type}`}>
          {value.map((v) => (
            <Flex key={v.documentId} justifyContent="space-between" gap={2}>
              <Typography variant="omega" fontWeight="semiBold">
                {v.label}
              </Typography>
              <Button size="S" variant="tertiary" onClick={() => onChange(value.filter((x) => x.documentId !== v.documentId))} aria-label={`${t('compose.remove')}: ${v.label}`}>
                {t('compose.remove')}
              </Button>
            </Flex>
          ))}
        </Flex>
      ) : null}
    </Box>
  );
};
