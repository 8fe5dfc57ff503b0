// The request's state machine: for each staff action, the states it may leave
// from, the state it leads to and the permission it needs.
import { PERMISSIONS, type RequestAction, type RequestState } from '../constants';

export interface Transition {
  from: RequestState[];
  to: RequestState;
  permission: string;
}

const RECORDING_FROM_SUBMITTED: RequestState[] = ['submitted', 'quoted', 'paid', 'scheduled'];

export const TRANSITIONS: Record<RequestAction, Transition> = {
  // awaiting-manual-submission: also after an interrupted e-mail dispatch that staff checked was not received.
  retry: { from: ['failed', 'rejected', 'awaiting-manual-submission'], to: 'queued', permission: PERMISSIONS.record },
  'record-submission': { from: ['awaiting-manual-submission', 'failed', 'rejected'], to: 'submitted', permission: PERMISSIONS.record },
  'record-quote': { from: ['submitted'], to: 'quoted', permission: PERMISSIONS.record },
  'record-payment': { from: ['quoted'], to: 'paid', permission: PERMISSIONS.record },
  'record-schedule': { from: ['submitted', 'paid'], to: 'scheduled', permission: PERMISSIONS.record },
  'record-publication': { from: RECORDING_FROM_SUBMITTED, to: 'published', permission: PERMISSIONS.record },
  'record-rejection': { from: RECORDING_FROM_SUBMITTED, to: 'rejected', permission: PERMISSIONS.record },
  cancel: {
    from: ['queued', 'awaiting-manual-submission', 'submitted', 'quoted', 'paid', 'scheduled', 'rejected', 'failed'],
    to: 'cancelled',
    permission: PERMISSIONS.cancel,
  },
};

/** States the website's own publication (the portal channel) may close. */
export const PORTAL_PUBLISHABLE_FROM: RequestState[] = [
  'queued',
  'dispatching',
  'awaiting-manual-submission',
  'submitted',
  'scheduled',
  'rejected',
  'failed',
];
