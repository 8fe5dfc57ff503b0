// The audit report of a period: "who was told about norm X, when, and who confirmed",
// one row per recipient of every circular and bulletin written in the period (dates in
// the office's time zone), as data, CSV (cells made safe for spreadsheets) and a
// printable page.
import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import { UIDS } from '../constants';
import { dateIn, pluginConfig } from '../utils/get-service';
import { statusOf } from './circulars';
import { startOfDay } from './bulletin';
import { escapeHtml, formatDate, page } from './render';

type Row = Record<string, any>;

const COLUMNS = ['circular', 'tipo', 'titulo', 'fecha', 'normas', 'organo', 'correo', 'estado', 'enviado', 'recepcion_confirmada', 'aplicacion_confirmada', 'nota'] as const;
const STATUS_ES: Record<string, string> = { pending: 'pendiente', sent: 'enviado', failed: 'fallido', acknowledged: 'recibido', applied: 'aplicado' };

export interface ReportQuery {
  from: string;
  to: string;
  norm?: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async rows(query: ReportQuery) {
    const { timezone } = pluginConfig(strapi);
    const next = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
    const where: Row = { createdAt: { $gte: startOfDay(timezone, query.from), $lt: startOfDay(timezone, next) } };
    if (query.norm) where.normKeys = { $contains: `|${query.norm}|` };
    const circulars = (await strapi.db.query(UIDS.circular).findMany({ where, orderBy: { id: 'asc' } })) as Row[];
    if (!circulars.length) return [];
    const deliveries = (await strapi.db.query(UIDS.delivery).findMany({
      where: { circularId: { $in: circulars.map((c) => c.id) } },
      orderBy: [{ circularId: 'asc' }, { bodyName: 'asc' }, { id: 'asc' }],
    })) as Row[];
    const byId = new Map(circulars.map((c) => [c.id, c]));
    return deliveries.map((d) => {
      const c = byId.get(d.circularId)!;
      const norms = ((d.items ?? c.items)?.norms ?? []) as Row[];
      return {
        circular: c.id,
        kind: c.kind,
        title: c.title,
        date: dateIn(timezone, c.createdAt),
        norms: norms.map((n) => n.number),
        body: d.bodyName,
        bodyDocumentId: d.bodyDocumentId,
        email: d.email,
        status: statusOf(d),
        sentAt: d.sentAt ?? null,
        acknowledgedAt: d.acknowledgedAt ?? null,
        appliedAt: d.appliedAt ?? null,
        note: d.applicationNote ?? null,
      };
    });
  },

  async csv(query: ReportQuery) {
    const { spreadsheetCells: cells, timezone } = pluginConfig(strapi);
    const at = (v: string | null) => (v ? formatDate(v, timezone, true) : '');
    const rows = (await this.rows(query)).map((r) =>
      [String(r.circular), r.kind, r.title, r.date, r.norms.join(' | '), r.body, r.email, STATUS_ES[r.status], at(r.sentAt), at(r.acknowledgedAt), at(r.appliedAt), r.note ?? ''].map((v) =>
        cells!.neutralize(String(v))
      )
    );
    return '\ufeff' + stringify([[...COLUMNS], ...rows], { record_delimiter: '\r\n', ...cells!.csvOptions });
  },

  async printable(query: ReportQuery) {
    const { timezone } = pluginConfig(strapi);
    const rows = await this.rows(query);
    const at = (v: string | null) => escapeHtml(v ? formatDate(v, timezone, true) : '—');
    const body = rows
      .map(
        (r) =>
          `<tr><td>${r.circular}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.norms.join(', '))}</td><td>${escapeHtml(r.body)}</td><td>${escapeHtml(r.email)}</td><td>${escapeHtml(STATUS_ES[r.status])}</td><td>${at(r.sentAt)}</td><td>${at(r.acknowledgedAt)}</td><td>${at(r.appliedAt)}</td></tr>`
      )
      .join('');
    return page(
      'Reporte de difusión',
      `<h1>Reporte de difusión</h1><p>Del ${escapeHtml(query.from)} al ${escapeHtml(query.to)}${query.norm ? ' — una norma' : ''}. ${rows.length} destinatario(s).</p>
<table border="1" cellpadding="4" style="border-collapse:collapse;font-size:.85rem"><caption>Quién fue informado y quién confirmó</caption>
<thead><tr><th scope="col">Circular</th><th scope="col">Título</th><th scope="col">Normas</th><th scope="col">Órgano</th><th scope="col">Correo</th><th scope="col">Estado</th><th scope="col">Enviado</th><th scope="col">Recepción</th><th scope="col">Aplicación</th></tr></thead>
<tbody>${body}</tbody></table>`
    );
  },
});
