import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { messageOf } from './errors';
import type { Seating } from './types';

/** The seating order of a ceremony from the plugin's admin API. */
export const useSeating = (documentId: string | undefined, reloadKey?: unknown) => {
  const { get } = useFetchClient();
  const [seating, setSeating] = useState<Seating | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!documentId) return;
    let cancelled = false;
    get(`/protocol/ceremonies/${documentId}/seating`)
      .then((res: any) => !cancelled && (setSeating(res.data.data), setError(null)))
      .catch((e: unknown) => !cancelled && setError(messageOf(e)));
    return () => {
      cancelled = true;
    };
  }, [documentId, reloadKey]);
  return { seating, error };
};
