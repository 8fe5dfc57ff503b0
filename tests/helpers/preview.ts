// Preview links in tests: the admin's preview URL (Strapi's preview route), the link in the
// approval e-mail, and the page read with an independent HTML parser (parse5).
import { parse } from 'parse5';
import { http } from './app';

type Node = { nodeName: string; tagName?: string; attrs?: Array<{ name: string; value: string }>; childNodes?: Node[]; value?: string; content?: Node };

/** What Strapi's Preview asks for: GET /content-manager/preview/url/:uid as the logged-in admin. */
export const previewUrlFor = (session: { token: string }, uid: string, query: { documentId: string; locale?: string; status?: string }) =>
  http().get(`/content-manager/preview/url/${uid}`).query(query).set('Authorization', `Bearer ${session.token}`);

/** What Chromium sends when it navigates to a page (an e-mail link, the admin's Preview frame). */
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** A preview page opened as a browser opens it (a refusal is an HTML page only for a browser). */
export const openInBrowser = (path: string) => http().get(path.replace(/^https?:\/\/[^/]+/, '')).set('Accept', BROWSER_ACCEPT);

/** The preview link of an approval e-mail (its path, to call this run's server). */
export function previewLinkIn(text: string): { url: string; path: string; token: string } {
  const match = text.match(/(https?:\/\/\S+?)?(\/preview\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+))/);
  if (!match) throw new Error(`No preview link in: ${text}`);
  return { url: `${match[1] ?? ''}${match[2]}`, path: match[2], token: match[3] };
}

export const tokenOf = (url: string) => url.match(/(?:\/preview\/|[?&]preview=)([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/)?.[1] ?? '';

/** A parsed HTML page with the few queries the tests need. */
export function htmlPage(html: string) {
  const root = parse(html) as unknown as Node;
  const all: Node[] = [];
  const walk = (node: Node) => {
    all.push(node);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(root);
  const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value ?? null;
  const text = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join(''));
  const byTag = (tag: string) => all.filter((n) => n.tagName === tag);
  const byClass = (cls: string) => all.filter((n) => (attr(n, 'class') ?? '').split(/\s+/).includes(cls));
  return { all, attr, text, byTag, byClass, texts: (tag: string) => byTag(tag).map((n) => text(n).trim()) };
}
