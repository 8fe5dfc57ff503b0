// The plugin's admin routes, and a small hook that keeps a document's approval status fresh.
import * as React from 'react';
import { useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from './pluginId';

export interface HistoryEvent {
  sequence: number;
  action: string;
  fromState: string | null;
  toState: string;
  actorName: string;
  comment: string | null;
  occurredAt: string;
  publishAt: string | null;
}

export interface ApprovalStatus {
  state: 'draft' | 'in-review' | 'changes-requested' | 'approved' | 'published';
  approvedHash: string | null;
  currentHash: string | null;
  isApprovedVersion: boolean;
  editedSinceApproval: boolean;
  publishAt: string | null;
  submittedById: number | null;
  hasPublishedVersion: boolean;
  history: HistoryEvent[];
}

const CHANGED = 'approval-workflow:changed';

/** Tells every mounted status hook (panel, Publish button) to refetch. */
export const announceChange = () => window.dispatchEvent(new Event(CHANGED));

let gatedTypes: Promise<string[]> | undefined;

/** The gated content types, from the server's plugin config (fetched once); none for users without the plugin. */
export function useGatedTypes() {
  const { get } = useFetchClient();
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.read);
  const [types, setTypes] = React.useState<string[] | null>(null);
  React.useEffect(() => {
    if (isLoading) return;
    if (!allowedActions.canRead) return setTypes([]);
    gatedTypes ??= get('/approval-workflow/config').then((res: any) => res.data.data.gatedTypes as string[]).catch(() => {
      gatedTypes = undefined;
      return [];
    });
    gatedTypes.then(setTypes);
  }, [get, isLoading, allowedActions.canRead]);
  return types;
}

export function useApprovalStatus(uid: string, documentId: string | undefined, locale: string | undefined, enabled: boolean, refreshKey?: unknown) {
  const { get } = useFetchClient();
  const [status, setStatus] = React.useState<ApprovalStatus | null>(null);
  const load = React.useCallback(async () => {
    if (!enabled || !documentId) return;
    try {
      const res: any = await get(`/approval-workflow/documents/${uid}/${documentId}`, { params: locale ? { locale } : {} });
      setStatus(res.data.data);
    } catch {
      setStatus(null);
    }
  }, [get, uid, documentId, locale, enabled]);
  React.useEffect(() => {
    load();
    window.addEventListener(CHANGED, load);
    return () => window.removeEventListener(CHANGED, load);
  }, [load, refreshKey]);
  return status;
}

export interface FieldChange {
  path: string[];
  label: string;
  type: string;
  kind: 'text' | 'list' | 'value';
  before: string | string[] | null;
  after: string | string[] | null;
  parts?: Array<{ value: string; added?: boolean; removed?: boolean }>;
  formatOnly?: boolean;
}

export interface VersionSummary {
  id: number;
  number: number;
  contentHash: string;
  submittedByName: string | null;
  approvedAt: string | null;
  approvedByName: string | null;
  publishedOn: string | null;
  publishedByName: string | null;
  sameContentAsNumber: number | null;
  isCurrentDraft: boolean;
}

export interface Changes {
  against: ({ kind: 'version' } & VersionSummary) | { kind: 'published'; number?: undefined; approvedByName?: undefined; approvedAt?: undefined } | null;
  fields: FieldChange[];
}

/** What the draft changes against the last approved version, and the versions, refetched with the status. */
export function useVersions(uid: string, documentId: string | undefined, locale: string | undefined, refreshKey?: unknown) {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<{ changes: Changes; versions: VersionSummary[] } | null>(null);
  const load = React.useCallback(async () => {
    if (!documentId) return;
    const params = locale ? { locale } : {};
    try {
      const [changes, versions]: any[] = await Promise.all([
        get(`/approval-workflow/documents/${uid}/${documentId}/changes`, { params }),
        get(`/approval-workflow/documents/${uid}/${documentId}/versions`, { params }),
      ]);
      setData({ changes: changes.data.data, versions: versions.data.data });
    } catch {
      setData(null);
    }
  }, [get, uid, documentId, locale]);
  React.useEffect(() => {
    load();
    window.addEventListener(CHANGED, load);
    return () => window.removeEventListener(CHANGED, load);
  }, [load, refreshKey]);
  return data;
}
