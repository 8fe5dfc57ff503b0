// What the draft under review changes against the version last approved or published, field by
// field: words struck out and added for texts and blocks, before/after for files, relations and
// other values. Long unchanged stretches are shortened around the changes.
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Box, Flex, Typography } from '@strapi/design-system';
import type { Changes, FieldChange } from '../api';
import { t } from '../pluginId';

const CONTEXT_WORDS = 8;

/** Keeps a few words on each side of every change; the rest of an unchanged run becomes "…". */
function shorten(parts: NonNullable<FieldChange['parts']>) {
  return parts.map((part, index) => {
    if (part.added || part.removed) return part;
    const words = part.value.split(/(\s+)/);
    if (words.length <= CONTEXT_WORDS * 4) return part;
    const head = index === 0 ? [] : words.slice(0, CONTEXT_WORDS * 2);
    const tail = index === parts.length - 1 ? [] : words.slice(-CONTEXT_WORDS * 2);
    return { value: `${head.join('')}${head.length || tail.length ? ' … ' : '…'}${tail.join('')}` };
  });
}

const Inline = ({ parts }: { parts: NonNullable<FieldChange['parts']> }) => (
  <Typography variant="pi" tag="p" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }}>
    {shorten(parts).map((part, i) =>
      part.added ? (
        <ins key={i} data-testid="approval-diff-added" style={{ background: '#dafbe1', color: '#116329', textDecoration: 'none', fontWeight: 600, marginInline: 2 }}>
          {part.value}
        </ins>
      ) : part.removed ? (
        <del key={i} data-testid="approval-diff-removed" style={{ background: '#ffebe9', color: '#82071e', marginInline: 2 }}>
          {part.value}
        </del>
      ) : (
        <span key={i}>{part.value}</span>
      )
    )}
  </Typography>
);

function BeforeAfter({ change }: { change: FieldChange }) {
  const { formatMessage } = useIntl();
  const show = (value: FieldChange['before']) =>
    value === null || (Array.isArray(value) && value.length === 0) ? formatMessage({ id: t('changes.empty'), defaultMessage: '(vacío)' }) : Array.isArray(value) ? value.join(' · ') : value;
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <Typography variant="pi" tag="p">
        <Typography variant="pi" fontWeight="bold">{formatMessage({ id: t('changes.before'), defaultMessage: 'Antes' })}: </Typography>
        <del data-testid="approval-diff-removed" style={{ background: '#ffebe9', color: '#82071e' }}>{show(change.before)}</del>
      </Typography>
      <Typography variant="pi" tag="p">
        <Typography variant="pi" fontWeight="bold">{formatMessage({ id: t('changes.after'), defaultMessage: 'Ahora' })}: </Typography>
        <ins data-testid="approval-diff-added" style={{ background: '#dafbe1', color: '#116329', textDecoration: 'none' }}>{show(change.after)}</ins>
      </Typography>
    </Flex>
  );
}

export function ChangesView({ changes }: { changes: Changes }) {
  const { formatMessage, formatDate } = useIntl();
  if (!changes.against) {
    return (
      <Typography variant="pi" textColor="neutral600" data-testid="approval-changes-none">
        {formatMessage({ id: t('changes.first'), defaultMessage: 'Primera versión: todavía no hay una versión aprobada con qué comparar.' })}
      </Typography>
    );
  }
  const against =
    changes.against.kind === 'published'
      ? formatMessage({ id: t('changes.against.published'), defaultMessage: 'la versión publicada' })
      : formatMessage(
          { id: t('changes.against.version'), defaultMessage: 'la versión {number}, aprobada por {who} el {date}' },
          { number: changes.against.number, who: changes.against.approvedByName ?? '—', date: changes.against.approvedAt ? formatDate(changes.against.approvedAt, { dateStyle: 'short', timeStyle: 'short' }) : '—' }
        );
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="approval-changes">
      <Typography variant="pi" textColor="neutral600">
        {changes.fields.length === 0
          ? formatMessage({ id: t('changes.same'), defaultMessage: 'Sin cambios respecto de {against}.' }, { against })
          : formatMessage({ id: t('changes.summary'), defaultMessage: '{count, plural, one {# campo cambió} other {# campos cambiaron}} respecto de {against}:' }, { count: changes.fields.length, against })}
      </Typography>
      {changes.fields.map((change) => (
        <Box key={change.path.join('.')} padding={2} background="neutral100" hasRadius data-testid="approval-change">
          <Typography variant="omega" fontWeight="bold" tag="p">
            {change.label}
          </Typography>
          {change.kind === 'text' && change.parts ? (
            change.formatOnly ? (
              <Typography variant="pi">{formatMessage({ id: t('changes.format-only'), defaultMessage: 'Mismo texto; cambió el formato.' })}</Typography>
            ) : (
              <Inline parts={change.parts} />
            )
          ) : (
            <BeforeAfter change={change} />
          )}
        </Box>
      ))}
    </Flex>
  );
}
