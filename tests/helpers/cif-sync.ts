// Reading the cif-sync change feed in tests.
import { bearer, http } from './app';

export const CHANGE_UID = 'plugin::cif-sync.change';

/** The feed's current end: where a consumer that is up to date stands. */
export async function feedHead(token: string) {
  let since = 0;
  for (;;) {
    const res = await http().get('/api/cif-sync/changes').set(bearer(token)).query({ since, limit: 1000 });
    if (res.status !== 200) throw new Error(`feed: ${res.status} ${JSON.stringify(res.body)}`);
    since = res.body.meta.nextCursor;
    if (!res.body.meta.hasMore) return since;
  }
}

/** Every item after `since`, following nextCursor. */
export async function changesSince(token: string, since: number, query: Record<string, unknown> = {}) {
  const items: any[] = [];
  for (;;) {
    const res = await http().get('/api/cif-sync/changes').set(bearer(token)).query({ since, limit: 1000, ...query });
    if (res.status !== 200) throw new Error(`feed: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...res.body.data);
    since = res.body.meta.nextCursor;
    if (!res.body.meta.hasMore) return items;
  }
}
