// Requests in batches (the suites send thousands) and the parts of an answer a probe compares.
import type { Response } from 'supertest';
import { http } from '../../helpers/app';

export interface Probe {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** A raw body, sent as is with this content type. */
  raw?: { type: string; text: string };
}

export function send(probe: Probe) {
  const url = probe.query ? `${probe.path}?${probe.query}` : probe.path;
  const method = (probe.method ?? 'GET').toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  let request = http()[method](url).set(probe.headers ?? {});
  if (probe.raw) request = request.set('Content-Type', probe.raw.type).send(probe.raw.text);
  else if (probe.body !== undefined) request = request.send(probe.body as object);
  return request;
}

/** Runs the probes a few at a time (the server is in this process; the database serialises anyway). */
export async function sendAll(probes: Probe[], concurrency = 6): Promise<Response[]> {
  const results: Response[] = new Array(probes.length);
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const index = next++;
      try {
        results[index] = await send(probes[index]);
      } catch (error: any) {
        throw new Error(`${probes[index].method ?? 'GET'} ${probes[index].path}?${probes[index].query ?? ''}: ${error.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, probes.length) }, worker));
  return results;
}

/** Objects with their keys sorted, at any depth: JSON's key order carries no meaning. */
const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]))
      : value;

/**
 * What a caller learns from an answer: its status and, for a list, which documents and how many.
 * Keys in a canonical order (on PostgreSQL a row's populated media fields come back in any order).
 */
export function answerOf(res: Response) {
  const body = res.body ?? {};
  const data = sortedKeys(body.data);
  return JSON.stringify({
    status: res.status,
    code: body.error?.details?.code ?? null,
    data: Array.isArray(data) ? data : data ?? null,
    total: body.meta?.pagination?.total ?? null,
  });
}

/** A Spanish message (the project's editors' language), not Strapi's or a library's English default. */
export const isSpanish = (message: unknown) =>
  typeof message === 'string' && /[áéíóúñ¿¡«»]|\b(el|la|los|las|de|del|en|con|por|para|y|o|no|es|debe|se|un|una|mal|solicitud|petición|parámetro)\b/i.test(message);
