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

/** The base URL of the run's Strapi, listening on a free port (for clients that need a real URL). */
export async function serverUrl() {
  const server = require('./app').app().server.httpServer as import('http').Server;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as import('net').AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Runs `npm run cif:mirror` (the script itself) and resolves with its output. */
export function runMirror(args: string[]) {
  const { execFile } = require('child_process') as typeof import('child_process');
  const path = require('path') as typeof import('path');
  return new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [path.resolve(__dirname, '../../scripts/cif-mirror.js'), ...args], (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)
    );
  });
}
