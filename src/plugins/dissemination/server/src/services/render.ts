// The texts a circular becomes: the e-mail to each recipient, its preview, and the
// acknowledgment page (plain HTML, no script, readable with a screen reader).
import type { CircularItems } from './content';

type Row = Record<string, any>;

const LEVELS: Record<string, string> = { local: 'local', regional: 'regional', national: 'nacional' };

export const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const formatDate = (value: string | Date | null | undefined, timeZone: string, withTime = false) =>
  value
    ? new Intl.DateTimeFormat('es-PE', { timeZone, dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}) }).format(new Date(value))
    : '';

/** The circular's content as lines of text (e-mail body, preview). */
export function itemLines(items: CircularItems, timeZone: string) {
  const lines: string[] = [];
  if (items.norms.length) {
    lines.push('NORMAS', '');
    for (const n of items.norms) {
      lines.push(`• ${n.number} (${LEVELS[n.level] ?? n.level}): ${n.title}`);
      if (n.sumilla) lines.push(`  ${n.sumilla}`);
      if (n.effectiveFrom) lines.push(`  Vigente desde: ${formatDate(n.effectiveFrom, 'UTC')}`);
      if (n.pdfUrl) lines.push(`  Texto (PDF): ${n.pdfUrl}`);
    }
    lines.push('');
  }
  if (items.pressNotes.length) {
    lines.push('NOTAS DE PRENSA', '');
    for (const p of items.pressNotes) {
      lines.push(`• ${p.title}`);
      if (p.lead) lines.push(`  ${p.lead}`);
    }
    lines.push('');
  }
  if (items.ceremonies.length) {
    lines.push('CEREMONIAS Y ACTIVIDADES', '');
    for (const c of items.ceremonies) lines.push(`• ${c.title} — ${formatDate(c.startsAt, timeZone, true)}${c.venue ? `, ${c.venue}` : ''}`);
    lines.push('');
  }
  return lines;
}

export function mailText(input: {
  circular: Row;
  items: CircularItems;
  bodyName: string;
  recipientName: string | null;
  ackUrl: string | null;
  timeZone: string;
  reminder?: boolean;
}) {
  const { circular, items, bodyName, recipientName, ackUrl, timeZone, reminder } = input;
  const bulletin = circular.kind === 'bulletin';
  return [
    `Para: ${bodyName}${recipientName ? ` (${recipientName})` : ''}`,
    '',
    ...(reminder ? ['RECORDATORIO: su órgano aún no ha confirmado la recepción de esta circular.', ''] : []),
    bulletin ? 'Boletín de la Oficina de Comunicaciones e Imagen Institucional.' : circular.forCompliance ? 'Se remite para su conocimiento y cumplimiento.' : 'Se remite para su conocimiento.',
    '',
    ...(circular.message ? [circular.message, ''] : []),
    ...itemLines(items, timeZone),
    ...(ackUrl
      ? [
          circular.forCompliance
            ? 'Confirme la recepción y, cuando corresponda, la aplicación de las normas en este enlace personal:'
            : 'Confirme la recepción (cargo) en este enlace personal:',
          ackUrl,
        ]
      : []),
  ].join('\n');
}

/** A bulletin's title says what it is ("Boletín del …"); a circular's subject says it is one. */
export const mailSubject = (circular: Row, reminder = false) =>
  `${reminder ? 'Recordatorio: ' : ''}${circular.kind === 'bulletin' ? circular.title : `Circular: ${circular.title}`}`;

const PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}li{margin:.4rem 0}.box{border:1px solid #888;border-radius:6px;padding:1rem;margin-top:1.5rem}
button{font-size:1rem;padding:.6rem 1.2rem;background:#0b5394;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus,textarea:focus,input:focus{outline:3px solid #f1c232;outline-offset:2px}textarea{width:100%;min-height:5rem}.ok{color:#1e6b1e;font-weight:bold}`;

export function page(title: string, content: string, status = '') {
  return `<!doctype html>
<html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>
<body><main>${status ? `<p role="status" class="ok">${escapeHtml(status)}</p>` : ''}${content}</main></body></html>`;
}

/** The acknowledgment page of one delivery: the circular, and the form that records the acknowledgment. */
export function ackPage(input: { circular: Row; items: CircularItems; delivery: Row; action: string; timeZone: string; status?: string }) {
  const { circular, items, delivery, action, timeZone, status } = input;
  const list = (heading: string, entries: string[]) => (entries.length ? `<h2>${heading}</h2><ul>${entries.map((e) => `<li>${e}</li>`).join('')}</ul>` : '');
  const norms = items.norms.map(
    (n) =>
      `<strong>${escapeHtml(n.number)}</strong> (${escapeHtml(LEVELS[n.level] ?? n.level)}): ${escapeHtml(n.title)}${n.sumilla ? `<br>${escapeHtml(n.sumilla)}` : ''}${
        n.pdfUrl ? `<br><a href="${escapeHtml(n.pdfUrl)}">Texto de la norma (PDF)</a>` : ''
      }`
  );
  const notes = items.pressNotes.map((p) => `<strong>${escapeHtml(p.title)}</strong>${p.lead ? `<br>${escapeHtml(p.lead)}` : ''}`);
  const ceremonies = items.ceremonies.map((c) => `<strong>${escapeHtml(c.title)}</strong> — ${escapeHtml(formatDate(c.startsAt, timeZone, true))}${c.venue ? `, ${escapeHtml(c.venue)}` : ''}`);

  let form: string;
  if (delivery.acknowledgedAt && (!circular.forCompliance || delivery.appliedAt)) {
    form = `<div class="box"><p class="ok">Recepción confirmada el ${escapeHtml(formatDate(delivery.acknowledgedAt, timeZone, true))}.</p>${
      delivery.appliedAt ? `<p class="ok">Aplicación confirmada el ${escapeHtml(formatDate(delivery.appliedAt, timeZone, true))}.</p>` : ''
    }</div>`;
  } else {
    const already = delivery.acknowledgedAt ? `<p class="ok">Recepción confirmada el ${escapeHtml(formatDate(delivery.acknowledgedAt, timeZone, true))}.</p>` : '';
    const compliance = circular.forCompliance
      ? `<p><input type="checkbox" id="applied" name="applied" value="true"> <label for="applied">Confirmo que nuestro órgano aplicó las normas de esta circular</label></p>
<p><label for="note">Nota (opcional)</label><br><textarea id="note" name="note" maxlength="2000"></textarea></p>`
      : '';
    form = `<form class="box" method="post" action="${escapeHtml(action)}">${already}
<p>Al confirmar, la Oficina de Comunicaciones registra que <strong>${escapeHtml(delivery.bodyName)}</strong> recibió esta circular (cargo de recepción).</p>
${compliance}<input type="hidden" name="confirm" value="true"><button type="submit">${delivery.acknowledgedAt ? 'Confirmar aplicación' : 'Confirmar recepción'}</button></form>`;
  }
  const content = `<h1>${escapeHtml(circular.title)}</h1>
<p>Para: <strong>${escapeHtml(delivery.bodyName)}</strong>. ${circular.forCompliance ? 'Para su conocimiento y cumplimiento.' : 'Para su conocimiento.'}</p>
${circular.message ? `<p>${escapeHtml(circular.message).replace(/\n/g, '<br>')}</p>` : ''}
${list('Normas', norms)}${list('Notas de prensa', notes)}${list('Ceremonias y actividades', ceremonies)}${form}`;
  return page(circular.title, content, status);
}

export const errorPage = (message: string) => page('Enlace de acuse de recibo', `<h1>Acuse de recibo</h1><p role="alert">${escapeHtml(message)}</p>`);
