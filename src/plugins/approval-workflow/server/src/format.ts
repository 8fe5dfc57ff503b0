// How values read to the office, shared by the preview page and the field-by-field changes:
// dates dd/mm/aaaa, times and date-times in Lima, Sí/No, enumeration labels when configured.

export type ValueLabel = ((uid: string, field: string, value: string) => string | null) | null;

export function formatValue(ownerUid: string, field: string, attribute: { type?: string } | undefined, value: unknown, valueLabel: ValueLabel): string {
  if (value === null || value === undefined || value === '') return '';
  switch (attribute?.type) {
    case 'date': {
      const [y, m, d] = String(value).slice(0, 10).split('-');
      return d ? `${d}/${m}/${y}` : String(value);
    }
    case 'datetime':
      return new Date(String(value)).toLocaleString('es-PE', { timeZone: 'America/Lima', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    case 'time':
      return String(value).slice(0, 5);
    case 'boolean':
      return value ? 'Sí' : 'No';
    case 'enumeration':
      return valueLabel?.(ownerUid, field, String(value)) ?? String(value);
    case 'json':
      return Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : JSON.stringify(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

type BlockNode = { type?: string; text?: string; children?: BlockNode[] };

/** Blocks rich text as plain text, one line per block (list items and headings included), for text diffs. */
export function blocksToPlainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const inline = (node: BlockNode): string => (node.type === 'text' ? (node.text ?? '') : (node.children ?? []).map(inline).join(''));
  const lines: string[] = [];
  const walk = (nodes: BlockNode[]) => {
    for (const node of nodes) {
      if (node.type === 'list') walk(node.children ?? []);
      else if (node.type === 'image') lines.push('[imagen]');
      else lines.push(inline(node));
    }
  };
  walk(blocks as BlockNode[]);
  return lines.join('\n');
}
