import { useIntl } from 'react-intl';
import { t } from './pluginId';

/** formatMessage for this plugin's keys (translations/*.json). */
export function useT() {
  const { formatMessage } = useIntl();
  return (key: string, values?: Record<string, string | number>, defaultMessage = key) => formatMessage({ id: t(key), defaultMessage }, values);
}

// Dates in the Peruvian format (dd/mm/aaaa hh:mm, Lima time) whatever the interface language.
const DAY_TIME = new Intl.DateTimeFormat('es-PE', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'America/Lima' });
export const formatDayTime = (value?: string | null) => (value ? DAY_TIME.format(new Date(value)).replace(',', '') : '');
export const limaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima' }).format(new Date());

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

export type RecipientStatus = 'pending' | 'sent' | 'failed' | 'acknowledged' | 'applied';

export interface BodyState {
  body: string;
  name: string;
  status: RecipientStatus;
  acknowledgedAt: string | null;
  appliedAt: string | null;
  remindedAt: string | null;
}

export interface Circular {
  id: number;
  kind: 'circular' | 'bulletin';
  title: string;
  message: string | null;
  forCompliance: boolean;
  createdAt: string;
  authorName: string | null;
  items: { norms: Array<{ documentId: string; number: string; title: string }>; pressNotes: Array<{ documentId: string; title: string }>; ceremonies: Array<{ documentId: string; title: string }> };
  recipients: Array<{ id: number; body: string; bodyName: string; email: string; name: string | null; status: RecipientStatus; sentAt: string | null; acknowledgedAt: string | null; appliedAt: string | null; applicationNote: string | null; lastError: string | null }>;
  bodies: BodyState[];
}
