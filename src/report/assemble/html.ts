/**
 * The report as one self-contained HTML page: the same document as report.md, with interactive
 * charts. The plotly bundle is inlined once (from node_modules, through src/charts/html.ts); a
 * Content-Security-Policy forbids loading anything from anywhere, so the page works offline and a
 * text that slipped through escaping still could not fetch or send anything.
 */
import { figureHtml, plotlyBundleScript } from '../../charts/html';
import type { Block, Inline, ReportDocument } from '../write/document';
import { escapeHtml } from '../escape';
import type { ExplorerHtml } from '../../explorer/panel';

/** Inline scripts and styles only; images only from the page itself (plotly draws data: and blob: images). */
const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

/** The page's policy with what its explorer needs (its worker runs from a Blob URL). */
function pagePolicy(explorer?: ExplorerHtml): string {
  return [CSP, ...(explorer?.csp ?? [])].join('; ');
}

const STYLE = `
body{font:15px/1.55 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;max-width:1060px;margin:0 auto;padding:24px 20px 64px}
h1{font-size:26px;line-height:1.25;margin:0 0 8px}h2{font-size:20px;margin:36px 0 10px;border-bottom:1px solid #e5e5e5;padding-bottom:4px}h3{font-size:16px;margin:24px 0 6px}
.lead{color:#555}.notice{background:#fff6e0;border-left:4px solid #e69f00;padding:8px 12px;margin:12px 0}
blockquote{color:#444;border-left:4px solid #ddd;margin:12px 0;padding:2px 12px}
table{border-collapse:collapse;margin:8px 0 16px;font-size:14px}th,td{border:1px solid #ddd;padding:4px 8px;vertical-align:top;text-align:left}
th{background:#f6f6f6}td.num{text-align:right;white-space:nowrap}code{font:13px/1.4 ui-monospace,Menlo,Consolas,monospace;background:#f3f3f3;padding:1px 3px;border-radius:3px}
pre{background:#f6f6f6;padding:10px 12px;overflow-x:auto}pre code{background:none;padding:0}
figure{margin:18px 0 28px}figcaption{color:#444;font-size:14px}details{margin:12px 0}summary{cursor:pointer;font-weight:600}
`;

function inline(content: readonly Inline[]): string {
  return content
    .map((c) => {
      if (typeof c === 'string') return escapeHtml(c);
      if ('code' in c) return `<code>${escapeHtml(c.code)}</code>`;
      if ('strong' in c) return `<strong>${escapeHtml(c.strong)}</strong>`;
      return `<a href="${escapeHtml(c.href.split('/').map(encodeURIComponent).join('/'))}">${escapeHtml(c.link)}</a>`;
    })
    .join('');
}

export interface HtmlFigureMode {
  /** Whether charts/<id>.png and .svg exist (then the page links to them). */
  rendered: boolean;
  /** The explorer panel, shown where the document places it. */
  explorer?: ExplorerHtml;
}

function block(b: Block, figures: HtmlFigureMode): string {
  switch (b.kind) {
    case 'heading':
      return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'subheading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'paragraph':
      return `<p>${inline(b.content)}</p>`;
    case 'note':
      return `<blockquote>${inline(b.content)}</blockquote>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = `<tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${b.numeric?.[i] ? ' class="num"' : ''}>${inline(c)}</td>`).join('')}</tr>`);
      return `<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
    }
    case 'figure': {
      const c = b.chart;
      const files = figures.rendered ? ` (<a href="charts/${c.id}.png">PNG</a>, <a href="charts/${c.id}.svg">SVG</a>)` : '';
      return `<figure id="figure-${c.id}">${figureHtml(c.figure, { divId: `chart-${c.id}`, includePlotly: false })}<figcaption><strong>${escapeHtml(c.title)}.</strong> ${inline(c.caption)}${files}</figcaption></figure>`;
    }
    case 'code':
      return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
    case 'explorer':
      return figures.explorer ? figures.explorer.html : `<p>${inline(b.content)}</p>`;
    case 'details':
      return `<details><summary>${escapeHtml(b.summary)}</summary>${b.blocks.map((x) => block(x, figures)).join('\n')}</details>`;
  }
}

export function renderHtml(doc: ReportDocument, figures: HtmlFigureMode): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${pagePolicy(figures.explorer)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}${figures.explorer?.style ?? ''}</style>`,
    // The bundle first: every figure script below then draws at once.
    plotlyBundleScript(),
    '</head><body>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    `<p class="lead">${inline(doc.lead)}</p>`,
    ...doc.notices.map((n) => `<p class="notice"><strong>Note:</strong> ${inline(n)}</p>`),
    ...doc.blocks.map((b) => block(b, figures)),
    '</body></html>',
    '',
  ].join('\n');
}
