import { useIntl } from 'react-intl';
import { PLUGIN_ID } from './pluginId';

/** formatMessage for this plugin's keys (translations/*.ts). */
export function useT() {
  const { formatMessage } = useIntl();
  return (key: string, defaultMessage = key) => formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage });
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
  expectedEditionDate?: string | null;
  editionDate?: string | null;
  gazetteId?: string | null;
  page?: string | null;
  quoteAmount?: number | null;
  paymentReference?: string | null;
  rejectionReason?: string | null;
  signedPdf?: { id: number; name: string; url: string } | null;
  editableDocx?: { id: number; name: string; url: string } | null;
  proof?: { id: number; name: string; url: string } | null;
  timeline?: Array<{ id: number; sequence: number; action: string; fromState?: string; toState: string; actorName: string; comment?: string | null; createdAt: string; details?: any }>;
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

/** Form values to the action's body: empty fields left out, ids and amounts as numbers. */
export const toBody = (values: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, NUMERIC.includes(k) ? Number(v) : v.trim()])
  );
