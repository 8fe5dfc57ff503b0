import { useIntl } from 'react-intl';
import { t } from './pluginId';

/** formatMessage for this plugin's keys (translations/*.json). */
export function useT() {
  const { formatMessage } = useIntl();
  return (key: string, values?: Record<string, string | number>, defaultMessage = key) => formatMessage({ id: t(key), defaultMessage }, values);
}

// Dates in the Peruvian format (dd/mm/aaaa) whatever the interface language.
const DAY = new Intl.DateTimeFormat('es-PE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'America/Lima' });
const DAY_TIME = new Intl.DateTimeFormat('es-PE', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'America/Lima' });

/** `2026-05-26` (a calendar day) or an instant → `26/05/2026`. */
export const formatDay = (value?: string | null) => {
  if (!value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return day ? `${day[3]}/${day[2]}/${day[1]}` : DAY.format(new Date(value));
};

/** An instant → `26/05/2026 14:05` (Lima time). */
export const formatDayTime = (value?: string | null) => (value ? DAY_TIME.format(new Date(value)).replace(',', '') : '');

/** `26/05/2026` (or `2026-05-26`) → `2026-05-26`; null when it is not a date. */
export const parseDay = (text: string): string | null => {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [, d, m, y] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T12:00:00Z`);
  return date.getUTCMonth() + 1 === Number(m) && date.getUTCDate() === Number(d) ? iso : null;
};

/** The message to show for a refused request: the server's Spanish one, or the translation of its code. */
export function useErrorMessage() {
  const { formatMessage, locale } = useIntl();
  return (error: any) => {
    const body = error?.response?.data?.error;
    const serverMessage: string = body?.message ?? error?.message ?? String(error);
    const code: string | undefined = body?.details?.code;
    if (!code || locale.startsWith('es')) return serverMessage;
    return formatMessage({ id: t(`error.${code}`), defaultMessage: serverMessage });
  };
}

export interface FileRef {
  id: number;
  name: string;
  url: string;
}

export interface TimelineEvent {
  id: number;
  sequence: number;
  action: string;
  fromState?: string | null;
  toState: string;
  actorName: string | null;
  comment?: string | null;
  createdAt: string;
}

export interface PublicationRequest {
  id: number;
  reference: string;
  normDocumentId: string;
  normNumber?: string;
  normTitle?: string;
  channel: string;
  outlet: string;
  state: string;
  priority: number;
  dueBy?: string | null;
  overdue: boolean;
  attempts: number;
  lastError?: string | null;
  submittedAt?: string | null;
  submissionReference?: string | null;
  expectedEditionDate?: string | null;
  editionDate?: string | null;
  gazetteId?: string | null;
  page?: string | null;
  quoteAmount?: number | null;
  quoteReference?: string | null;
  paymentReference?: string | null;
  paymentDate?: string | null;
  rejectionReason?: string | null;
  signedPdf?: FileRef | null;
  editableDocx?: FileRef | null;
  proof?: FileRef | null;
  timeline?: TimelineEvent[];
}

/** Fields of each action's form (see the server's validation/requests.ts). */
export const ACTION_FIELDS: Record<string, string[]> = {
  retry: ['signedPdfId', 'editableDocxId'],
  'record-submission': ['submissionReference'],
  'record-quote': ['quoteAmount', 'quoteReference'],
  'record-payment': ['paymentReference', 'paymentDate'],
  'record-schedule': ['expectedEditionDate'],
  'record-publication': ['editionDate', 'page', 'gazetteId', 'proofFileId'],
  'record-rejection': ['rejectionReason'],
  cancel: ['reason'],
};

/** The actions offered in each state (the server decides anyway). */
export const ACTIONS_BY_STATE: Record<string, string[]> = {
  queued: ['cancel'],
  'awaiting-manual-submission': ['record-submission', 'retry', 'cancel'],
  submitted: ['record-quote', 'record-schedule', 'record-publication', 'record-rejection', 'cancel'],
  quoted: ['record-payment', 'record-publication', 'record-rejection', 'cancel'],
  paid: ['record-schedule', 'record-publication', 'record-rejection', 'cancel'],
  scheduled: ['record-publication', 'record-rejection', 'cancel'],
  rejected: ['retry', 'record-submission', 'cancel'],
  failed: ['retry', 'record-submission', 'cancel'],
};

const NUMERIC = ['quoteAmount', 'proofFileId', 'signedPdfId', 'editableDocxId'];
export const DATE_FIELDS = ['paymentDate', 'expectedEditionDate', 'editionDate'];

/**
 * Form values to the action's body: empty fields left out, ids and amounts as numbers,
 * dates from dd/mm/aaaa to the API's AAAA-MM-DD. Throws `{ invalidDate }` on a date it cannot read.
 */
export const toBody = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => {
        if (NUMERIC.includes(k)) return [k, Number(v.replace(',', '.'))];
        if (DATE_FIELDS.includes(k)) {
          const iso = parseDay(v);
          if (!iso) throw { invalidDate: v };
          return [k, iso];
        }
        return [k, v.trim()];
      })
  );
