// Renders Strapi "blocks" rich text to HTML for feeds (escaping all text).
type Node = { type: string; children?: Node[]; text?: string; level?: number; format?: string; url?: string; image?: { url: string; alternativeText?: string }; [mark: string]: unknown };

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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
  if (node.type === 'link') return `<a href="${escape(node.url ?? '')}">${children(node)}</a>`;
  return children(node);
}

const children = (node: Node) => (node.children ?? []).map(block).join('');

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
    case 'image':
      return node.image ? `<img src="${escape(node.image.url)}" alt="${escape(node.image.alternativeText ?? '')}">` : '';
    default:
      return inline(node);
  }
}

export const blocksToHtml = (blocks: unknown) => (Array.isArray(blocks) ? (blocks as Node[]).map(block).join('') : '');

export const blocksToText = (blocks: unknown): string =>
  Array.isArray(blocks)
    ? (blocks as Node[]).map((node) => (node.type === 'text' ? node.text ?? '' : blocksToText(node.children))).join(' ').replace(/\s+/g, ' ').trim()
    : '';
