// Renders Strapi "blocks" rich text to HTML for feeds (escaping all text). Links keep
// only web, mail and phone schemes; `resolveUrl` makes paths (images, links) absolute.
type Node = { type: string; children?: Node[]; text?: string; level?: number; format?: string; url?: string; image?: { url: string; alternativeText?: string }; [mark: string]: unknown };
type Options = { resolveUrl?: (path: string) => string };

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SAFE_URL = /^(https?:|mailto:|tel:|\/|#)/i;

export function blocksToHtml(blocks: unknown, { resolveUrl }: Options = {}): string {
  const url = (value: string | undefined) => {
    const trimmed = (value ?? '').trim();
    if (!SAFE_URL.test(trimmed)) return '';
    return trimmed.startsWith('/') && !trimmed.startsWith('//') && resolveUrl ? resolveUrl(trimmed) : trimmed;
  };

  const children = (node: Node) => (node.children ?? []).map(block).join('');

  function inline(node: Node): string {
    if (node.type === 'text') {
      let html = escape(node.text ?? '');
      if (node.code) html = `<code>${html}</code>`;
      if (node.bold) html = `<strong>${html}</strong>`;
      if (node.italic) html = `<em>${html}</em>`;
      if (node.underline) html = `<u>${html}</u>`;
      if (node.strikethrough) html = `<s>${html}</s>`;
      return html;
    }
    if (node.type === 'link') {
      const href = url(node.url);
      return href ? `<a href="${escape(href)}">${children(node)}</a>` : children(node);
    }
    return children(node);
  }

  function block(node: Node): string {
    switch (node.type) {
      case 'paragraph':
        return `<p>${children(node)}</p>`;
      case 'heading': {
        const level = Math.min(Math.max(Number(node.level) || 2, 1), 6);
        return `<h${level}>${children(node)}</h${level}>`;
      }
      case 'list':
        return node.format === 'ordered' ? `<ol>${children(node)}</ol>` : `<ul>${children(node)}</ul>`;
      case 'list-item':
        return `<li>${children(node)}</li>`;
      case 'quote':
        return `<blockquote>${children(node)}</blockquote>`;
      case 'code':
        return `<pre><code>${children(node)}</code></pre>`;
      case 'image': {
        const src = url(node.image?.url);
        return src ? `<img src="${escape(src)}" alt="${escape(node.image?.alternativeText ?? '')}">` : '';
      }
      default:
        return inline(node);
    }
  }

  return Array.isArray(blocks) ? (blocks as Node[]).map(block).join('') : '';
}

export const blocksToText = (blocks: unknown): string =>
  Array.isArray(blocks)
    ? (blocks as Node[]).map((node) => (node.type === 'text' ? node.text ?? '' : blocksToText(node.children))).join(' ').replace(/\s+/g, ' ').trim()
    : '';

/** True when the blocks show something: some text or an image. */
export const hasContent = (blocks: unknown): boolean =>
  Array.isArray(blocks) &&
  (blocks as Node[]).some((node) => (node.type === 'image' ? Boolean(node.image?.url) : node.type === 'text' ? Boolean(node.text?.trim()) : hasContent(node.children)));
