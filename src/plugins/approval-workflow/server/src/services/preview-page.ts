/**
 * The preview page this project serves when the website does not preview
 * itself: plain, accessible HTML of the draft as the public will read it
 * (title, lead, cover, body, facts, downloads), then how search engines and
 * social networks will show it. No script but a hashed one that reloads the
 * page when the admin saves; everything from the document is escaped.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { PreviewConfig, PreviewLayout } from '../config';
import type { PreviewClaims } from './preview-tokens';
import { getService } from '../utils';
import { formatValue } from '../format';

type Row = Record<string, any>;

const escape = (value: unknown) =>
  String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** A URL we put in src/href: an http(s) URL or a path of this server, nothing else. */
const safeUrl = (url: unknown) => (typeof url === 'string' && (/^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url)) ? url : '');

const SEO_TITLE_MAX = 60;
const SEO_DESCRIPTION_MAX = 160;

const STYLE = `
:root{color-scheme:light;--ink:#1f2328;--muted:#4f5660;--line:#d0d7de;--accent:#0b5394;--warn:#8a4b00;--bg:#fff}
*{box-sizing:border-box}body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
.banner{background:#fff4ce;border-bottom:2px solid #d4a72c;padding:.6rem 1rem;font-size:.95rem}
.banner p{margin:0;max-width:46rem;margin-inline:auto}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.kicker{color:var(--muted);font-weight:600;margin:0 0 .25rem}
h1{font-size:2rem;line-height:1.2;margin:.25rem 0 1rem}
.lead{font-size:1.2rem;color:var(--muted);margin:0 0 1.25rem}
figure{margin:0 0 1.5rem}figure img,.gallery img{max-width:100%;height:auto;display:block;border-radius:4px}
figcaption{font-size:.9rem;color:var(--muted);margin-top:.35rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1.5rem;padding:1rem;border:1px solid var(--line);border-radius:4px}
.facts dt{font-weight:600}.facts dd{margin:0}.facts ul{margin:0;padding-left:1.1rem}
.body img{max-width:100%;height:auto}.body blockquote{border-left:4px solid var(--line);margin-left:0;padding-left:1rem;color:var(--muted)}
.gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.75rem;padding:0;list-style:none}
a{color:var(--accent)}
.seo{margin-top:2.5rem;padding-top:1.5rem;border-top:2px solid var(--line)}
.seo h2{font-size:1.3rem}.seo h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
.serp{border:1px solid var(--line);border-radius:8px;padding:1rem;max-width:38rem}
.serp .url{color:#146c2e;font-size:.9rem;word-break:break-all}.serp .t{color:#1a0dab;font-size:1.25rem;margin:.2rem 0}.serp .d{color:var(--muted);font-size:.95rem;margin:0}
.card{border:1px solid var(--line);border-radius:8px;max-width:32rem;overflow:hidden}.card img{width:100%;height:auto;display:block}.card div{padding:.75rem}
.card p{margin:.1rem 0}.note{color:var(--muted);font-size:.9rem}.warn{color:var(--warn);font-weight:600}
.error{border:2px solid #cf222e;border-radius:6px;padding:1rem 1.25rem}
`;

const styleHash = `'sha256-${crypto.createHash('sha256').update(STYLE).digest('base64')}'`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => (strapi.config.get('plugin::approval-workflow') as { preview: PreviewConfig; adminUrl: string }).preview;
  const model = (uid: string) => strapi.getModel(uid as any) as any;

  const format = (ownerUid: string, field: string, attribute: any, value: unknown) => formatValue(ownerUid, field, attribute, value, settings().valueLabel);

  async function factHtml(uid: string, field: string, value: any, label: (f: string) => string): Promise<string> {
    const attribute = model(uid).attributes[field];
    if (!attribute) return '';
    let html = '';
    if (attribute.type === 'component') {
      const component = model(attribute.component);
      const items: Row[] = attribute.repeatable ? (value ?? []) : value ? [value] : [];
      const lines = items
        .map((item) =>
          Object.entries<any>(component.attributes)
            .filter(([, a]) => !['component', 'dynamiczone', 'relation', 'media', 'blocks'].includes(a.type))
            .map(([name, a]) => format(attribute.component, name, a, item[name]))
            .filter(Boolean)
            .join(' · ')
        )
        .filter(Boolean);
      if (!lines.length) return '';
      html = `<ul>${lines.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>`;
    } else {
      const text = format(uid, field, attribute, value);
      if (!text) return '';
      html = escape(text);
    }
    return `<dt>${escape(label(field))}</dt><dd>${html}</dd>`;
  }

  const imageOf = (file: Row | null | undefined) => {
    if (!file) return null;
    const large = file.formats?.large ?? file.formats?.medium ?? null;
    return { src: safeUrl(large?.url ?? file.url), width: large?.width ?? file.width, height: large?.height ?? file.height, alt: file.alternativeText ?? '', caption: file.caption ?? '' };
  };

  function imgTag(image: ReturnType<typeof imageOf>) {
    if (!image?.src) return '';
    const size = image.width && image.height ? ` width="${Number(image.width)}" height="${Number(image.height)}"` : '';
    return `<img src="${escape(image.src)}" alt="${escape(image.alt)}"${size}>`;
  }

  const websiteLink = (layout: PreviewLayout, document: Row, claims: PreviewClaims) => {
    const { websiteUrl } = settings();
    const slug = document.slug ? `/${document.slug}` : '';
    if (!websiteUrl) return `(sitio web municipal)${slug}`;
    if (!layout.websitePath) return `${websiteUrl.replace(/\/$/, '')}${slug}`;
    return new URL(layout.websitePath.replace(/\{(documentId|locale|slug|status)\}/g, (_m, k: string) => encodeURIComponent(String(k === 'status' ? 'published' : (k === 'locale' ? claims.locale : document[k]) ?? ''))), websiteUrl).toString();
  };

  function seoSection(layout: PreviewLayout, document: Row, claims: PreviewClaims) {
    const seo: Row = (layout.seo && document[layout.seo]) || {};
    const title = String(seo.metaTitle || document[layout.title] || '');
    const description = String(seo.metaDescription || (layout.lead ? document[layout.lead] : '') || '');
    const share = imageOf(seo.shareImage ?? (layout.cover ? document[layout.cover] : null));
    const warnings: string[] = [];
    if (title.length > SEO_TITLE_MAX) warnings.push(`El título para buscadores tiene ${title.length} caracteres: los buscadores muestran unos ${SEO_TITLE_MAX}.`);
    if (!description) warnings.push('Falta la descripción para buscadores (metadescripción o entradilla).');
    else if (description.length > SEO_DESCRIPTION_MAX) warnings.push(`La descripción tiene ${description.length} caracteres: se cortará hacia los ${SEO_DESCRIPTION_MAX}.`);
    if (share && !share.alt) warnings.push('La imagen para redes no tiene texto alternativo.');
    if (!share) warnings.push('No hay imagen para compartir en redes (portada o imagen SEO).');
    const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
    return `<section class="seo" aria-labelledby="seo-titulo">
<h2 id="seo-titulo">Cómo se verá en buscadores y redes sociales</h2>
<h3>Resultado de búsqueda</h3>
<div class="serp"><p class="url">${escape(websiteLink(layout, document, claims))}</p><p class="t">${escape(cut(title, SEO_TITLE_MAX))}</p><p class="d">${escape(cut(description, SEO_DESCRIPTION_MAX))}</p></div>
<p class="note">Título: ${title.length} de ${SEO_TITLE_MAX} caracteres · Descripción: ${description.length} de ${SEO_DESCRIPTION_MAX} caracteres${seo.keywords ? ` · Palabras clave: ${escape(seo.keywords)}` : ''}</p>
<h3>Al compartir en redes sociales</h3>
<div class="card">${imgTag(share)}<div><p><strong>${escape(title)}</strong></p><p class="note">${escape(cut(description, 200))}</p></div></div>
${warnings.length ? `<h3>Para revisar</h3><ul>${warnings.map((w) => `<li class="warn">${escape(w)}</li>`).join('')}</ul>` : '<p class="note">Sin observaciones de SEO.</p>'}
</section>`;
  }

  function reloadScript() {
    // The admin posts `strapiUpdate` to its preview frame after a save: show the saved draft.
    const origins = new Set<string>();
    const adminUrl = (strapi.config.get('plugin::approval-workflow') as { adminUrl: string }).adminUrl;
    for (const candidate of [adminUrl, strapi.config.get('admin.absoluteUrl', '') as string]) {
      try {
        if (candidate && /^https?:/.test(candidate)) origins.add(new URL(candidate).origin);
      } catch {
        /* not a URL: ignored */
      }
    }
    const script = `(function(){var o=${JSON.stringify([...origins])};addEventListener("message",function(e){if((e.origin===location.origin||o.indexOf(e.origin)>=0)&&e.data&&e.data.type==="strapiUpdate")location.reload();});})();`;
    return { script, hash: `'sha256-${crypto.createHash('sha256').update(script).digest('base64')}'`, origins: [...origins] };
  }

  function documentPage({ title, lang, banner, main }: { title: string; lang: string; banner: string; main: string }) {
    const reload = reloadScript();
    const html = `<!doctype html>
<html lang="${escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#contenido">Saltar al contenido</a>
<header class="banner" role="banner"><p>${banner}</p></header>
<main id="contenido">
${main}
</main>
<script>${reload.script}</script>
</body>
</html>`;
    const csp = [
      "default-src 'none'",
      'img-src * data:',
      `style-src ${styleHash}`,
      `script-src ${reload.hash}`,
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors 'self' ${reload.origins.join(' ')}`.trim(),
    ].join('; ');
    return { html, csp };
  }

  return {
    async render({ claims, layout, document }: { claims: PreviewClaims; layout: PreviewLayout; document: Row }) {
      const uid = claims.uid;
      const label = await getService(strapi, 'labels').forModel(uid);
      const { renderBlocks } = settings();
      const title = String(document[layout.title] ?? '');
      const cover = layout.cover ? imageOf(document[layout.cover]) : null;
      const facts = (await Promise.all((layout.facts ?? []).map((field) => factHtml(uid, field, document[field], label)))).join('');
      const gallery: Row[] = layout.gallery ? (document[layout.gallery] ?? []) : [];
      const attachments = (layout.attachments ?? []).flatMap((field) => {
        const value = document[field];
        return (Array.isArray(value) ? value : value ? [value] : []).map((file: Row) => ({ field, file }));
      });
      const until = new Date(claims.exp * 1000).toLocaleString('es-PE', { timeZone: 'America/Lima', dateStyle: 'long', timeStyle: 'short' });
      const typeName = model(uid).info?.displayName ?? uid;
      const status = claims.status === 'draft' ? 'borrador sin publicar' : 'versión publicada';
      const banner = `<strong>Vista previa</strong> — ${escape(typeName)}, ${status}${claims.locale ? `, idioma ${escape(claims.locale)}` : ''}. Así lo verá el público; no es la página publicada. Enlace válido hasta el ${escape(until)} (hora de Lima)${claims.purpose === 'link' ? '; deja de valer si el contenido se edita' : ''}.`;
      const main = `<article lang="${escape(claims.locale ?? 'es')}">
${layout.kicker && document[layout.kicker] ? `<p class="kicker">${escape(document[layout.kicker])}</p>` : ''}
<h1>${escape(title)}</h1>
${layout.lead && document[layout.lead] ? `<p class="lead">${escape(document[layout.lead])}</p>` : ''}
${cover?.src ? `<figure>${imgTag(cover)}${cover.caption ? `<figcaption>${escape(cover.caption)}</figcaption>` : ''}</figure>` : ''}
${facts ? `<dl class="facts">${facts}</dl>` : ''}
${layout.body && renderBlocks ? `<div class="body">${renderBlocks(document[layout.body])}</div>` : ''}
${gallery.length ? `<h2>${escape(label(layout.gallery!))}</h2><ul class="gallery">${gallery.map((file) => `<li>${imgTag(imageOf(file))}</li>`).join('')}</ul>` : ''}
${attachments.length ? `<h2>Documentos</h2><ul>${attachments.map(({ field, file }) => `<li><a href="${escape(safeUrl(file.url))}">${escape(file.name ?? label(field))}</a> (${escape(label(field))})</li>`).join('')}</ul>` : ''}
</article>
${seoSection(layout, document, claims)}`;
      return documentPage({ title: `Vista previa: ${title}`, lang: claims.locale ?? 'es', banner, main });
    },

    /** The page a refused link shows: why, in Spanish, and what to do. */
    error({ status, message }: { status: number; message: string }) {
      return documentPage({
        title: 'Vista previa no disponible',
        lang: 'es',
        banner: '<strong>Vista previa</strong> — Gerencia de Comunicaciones e Imagen Institucional',
        main: `<div class="error" role="alert"><h1>No se puede mostrar la vista previa</h1><p>${escape(message)}</p><p class="note">Código ${status}.</p></div>`,
      });
    },
  };
};
