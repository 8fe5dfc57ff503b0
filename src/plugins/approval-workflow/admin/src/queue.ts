// The inbox's rows (GET /approval-workflow/queue) and how the pages show them.
import type { IntlShape } from 'react-intl';
import { t } from './pluginId';

export interface QueueItem {
  uid: string;
  documentId: string;
  locale: string | null;
  title: string;
  state: string;
  submittedAt: string | null;
  waitingSeconds: number | null;
  submitter: { id?: number; name: string; email: string } | null;
  publishAt: string | null;
}

export const waiting = (seconds: number | null) => {
  if (seconds === null) return '—';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
};

export const editLink = (item: QueueItem) =>
  `/content-manager/collection-types/${item.uid}/${item.documentId}${item.locale ? `?plugins[i18n][locale]=${item.locale}` : ''}`;

/** "Nota de prensa" for api::press-note.press-note (translations `type.<name>`), else the type's name. */
export const typeLabel = (formatMessage: IntlShape['formatMessage'], uid: string) => {
  const name = uid.split('.').pop() ?? uid;
  return formatMessage({ id: t(`type.${name}`), defaultMessage: name });
};
