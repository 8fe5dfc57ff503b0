// SIGTERM (systemd's stop, a deploy) or SIGINT on a running server: stop taking work,
// finish what runs, hand over the rest, exit within server.shutdownTimeoutMs.
//   1. /_ready answers 503, the HTTP server stops accepting connections and closes idle
//      keep-alive ones (the balancer sends new requests to the other instances);
//      background jobs are stopped (no new cron run) and every plugin is told, through the
//      event hub, to stop taking work and release what it claimed but has not started
//      (the Diario Oficial's requests go back to the queue at once, not after their lease);
//   2. requests already running finish (each answered with Connection: close);
//   3. strapi.destroy(): each plugin waits for the job it is running (a request being
//      e-mailed, a webhook being delivered, whose outcome goes to its log) and hands over
//      what is left; work started after commits drains; the database closes;
//   4. exit 0, or exit 1 if the time ran out.
// Strapi's own handler would destroy the server at once, cutting running requests off.
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { markStopping } from './readiness';

/** Emitted on the event hub when the instance starts shutting down; plugins stop taking work. */
export const INSTANCE_STOPPING_EVENT = 'instance.stopping';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Requests in flight, seen from the HTTP server itself (the response cache answers some before Koa). */
function trackRequests(server: Server) {
  const open = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    open.add(res);
    res.once('close', () => open.delete(res));
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
  });
  return {
    open: () => open.size,
    /** Stops accepting connections; resolves when no request is running any more, or at the deadline. */
    async drain(deadline: number) {
      draining = true;
      for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
      server.close(); // stops listening; Node closes idle keep-alive connections
      server.closeIdleConnections?.();
      while (open.size && Date.now() < deadline) await wait(25);
      return open.size === 0;
    },
  };
}

export async function stopInstance(strapi: Core.Strapi, reason: string, requests: ReturnType<typeof trackRequests>) {
  const timeoutMs = Number(strapi.config.get('server.shutdownTimeoutMs', 20_000));
  const started = Date.now();
  const deadline = started + timeoutMs;
  // Whatever happens below, the process ends in bounded time.
  setTimeout(() => {
    strapi.log.error(`Apagado: no terminó en ${timeoutMs} ms; salida forzada.`);
    process.exit(1);
  }, timeoutMs + 2_000).unref();

  strapi.log.info(`${reason}: deteniendo la instancia (hasta ${timeoutMs} ms).`);
  markStopping(strapi);
  strapi.cron.stop();
  const [, drained] = await Promise.all([
    strapi.eventHub.emit(INSTANCE_STOPPING_EVENT).catch((error: any) => strapi.log.error(`Apagado: ${error?.message ?? error}`)),
    requests.drain(deadline - 1_000),
  ]);
  if (!drained) strapi.log.warn(`Apagado: ${requests.open()} solicitud(es) seguían en curso; se cortan.`);
  await strapi.destroy();
  const elapsed = Date.now() - started;
  strapi.log.info(`Instancia detenida en ${elapsed} ms.`, { elapsedMs: elapsed });
  process.exit(elapsed <= timeoutMs ? 0 : 1);
}

/**
 * Installs the shutdown on a server that listens (strapi start / develop without
 * auto-reload), replacing Strapi's handlers. Scripts and the tests' in-process instance
 * never call strapi.listen() and keep Strapi's behaviour.
 */
export function registerGracefulShutdown(strapi: Core.Strapi) {
  const listen = strapi.listen.bind(strapi);
  strapi.listen = async () => {
    const requests = trackRequests(strapi.server.httpServer as unknown as Server);
    await listen();
    if (strapi.config.get('autoReload')) return; // strapi develop restarts the process itself
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      stopInstance(strapi, signal, requests).catch((error: any) => {
        console.error(`Apagado fallido: ${error?.stack ?? error}`);
        process.exit(1);
      });
    };
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, stop);
    }
  };
}
