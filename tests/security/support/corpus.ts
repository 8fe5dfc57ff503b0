// Malformed input: what a careless client or an attacker sends where a route expects
// plain values. Shared by the suites that walk the route table.
import { app } from '../../helpers/app';

/** Names the project's routes read, in queries and bodies (each is tried with every malformed shape). */
export const QUERY_NAMES = [
  'locale', 'state', 'uid', 'page', 'pageSize', 'since', 'limit', 'q', 'kind', 'from', 'to', 'tags', 'ceremony',
  'maxDistance', 'overdue', 'outlet', 'normDocumentId', 'level', 'sector', 'active', 'porVerificar', 'status',
];
export const BODY_NAMES = [
  'comment', 'publishAt', 'expectedHash', 'csv', 'dryRun', 'documentIds', 'format', 'normDocumentId', 'channel',
  'outlet', 'dueBy', 'priority', 'signedPdfId', 'reason', 'data', 'quoteAmount', 'paymentDate',
];

/** Parameters that take a list (the archive search's tags): only an operator object is malformed for them. */
const LIST_NAMES = new Set(['tags']);

/** A list or an operator object where one value is expected; `turn` picks one (the suites rotate it across routes). */
export const malformedQuery = (name: string, turn: number) => (turn % 2 || LIST_NAMES.has(name) ? `${name}[$ne]=x` : `${name}[]=a&${name}[]=b`);

export const malformedBodyValue = (turn: number): unknown => (turn % 2 ? { $gt: '' } : ['a', 'b']);

/** Whole bodies that are not what any route takes. */
export const malformedBodies: Array<{ body?: unknown; raw?: { type: string; text: string } }> = [
  { body: [] },
  { body: ['texto'] },
  { body: { $ne: 1 } },
  { raw: { type: 'application/json', text: '{"data":' } },
  { raw: { type: 'application/json', text: '"solo un texto"' } },
];

/** What goes in a path parameter that should hold an identifier. */
export const malformedPathValues = ['%5B%5D', '%7B%22%24ne%22%3A1%7D', 'a'.repeat(300), '..%2F..%2Fadmin', "x'%20OR%20'1'='1"];

/** A plausible value for each path parameter, so that a route gets as far as it can. */
export function pathValues(name: string, documentId: string): string[] {
  switch (name) {
    case 'uid':
      return [(app().config.get('plugin::approval-workflow') as { gatedTypes: string[] }).gatedTypes[0]];
    case 'documentId':
    case 'id':
      return name === 'id' ? ['1'] : [documentId];
    case 'action':
      // One action of each plugin that has them (approval workflow, publication requests).
      return ['submit', 'cancel'];
    case 'format':
      return ['json'];
    default:
      return ['x'];
  }
}

/** Malformed Content API queries: the structure the query engine expects, broken in every way. */
export const MALFORMED_CONTENT_QUERIES = [
  'filters[$or]=x',
  'filters[$and]=x',
  'filters[$not]=x',
  'filters[$or][0]=x',
  'filters[id][$between]=x',
  'filters[id][$between][0]=1',
  'filters[id][$in][a][b]=1',
  'filters[id][$null]=quizas',
  'filters[id][$foo]=1',
  'filters[id][$and][0]=1',
  'filters[$eq]=1',
  'filters[id][a]=1',
  'filters[id]=abc',
  'filters[createdAt][$gt]=no-es-fecha',
  'filters[nope][$eq]=1',
  'filters[id][$jsonSupersetOf]=1',
  'filters[0]=x',
  'sort[id][x]=asc',
  'sort=id:sideways',
  'sort[0][id]=up',
  'fields[id][x]=1',
  'fields=a.b',
  'populate[x][y]=1',
  'populate[0][x]=1',
  'populate=no-existe',
  'pagination[page]=x',
  'pagination[page][a]=1',
  'pagination[foo]=1',
  'pagination=1',
  'locale=*',
  'locale[]=es-PE&locale[]=en',
  'locale=zz-ZZ',
  'status[]=draft',
  'status=otro',
  '_q[$ne]=1',
  'publicationFilter[]=modified',
  'publicationFilter=modified',
];
