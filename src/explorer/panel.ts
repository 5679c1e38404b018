/**
 * The "Explore the assumptions" panel as HTML, for any page (a report's index.html, the page of
 * `prover-sim explore`, a notebook output): the spec and the worker as inert data blocks, the page
 * script that builds the panel from them, and its style. Pages must allow `worker-src blob:` (see
 * EXPLORER_CSP_DIRECTIVES) and have plotly.js loaded for the charts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { escapeInlineScript } from '../charts/html';
import { PROJECT_ROOT } from '../io/paths';
import { ROOT_ATTRIBUTE, SECTION_CLASS, SPEC_ATTRIBUTE, WORKER_ATTRIBUTE, WORKER_ENCODING, type ExplorerSpec } from './spec';

/** Where `npm run build` writes the bundles (scripts/build-explorer.js). */
export const BUNDLE_DIR = path.join(PROJECT_ROOT, 'dist', 'explorer-bundle');

/** What a page's Content-Security-Policy must add for the panel: its worker comes from a Blob URL. */
export const EXPLORER_CSP_DIRECTIVES: readonly string[] = ['worker-src blob:'];

const bundles = new Map<string, string>();

/** A bundle's source (read once per process). */
export function explorerBundle(name: 'worker' | 'page'): string {
  let code = bundles.get(name);
  if (code === undefined) {
    const file = path.join(BUNDLE_DIR, `${name}.js`);
    if (!fs.existsSync(file)) throw new Error(`the explorer bundle ${file} is missing: run npm run build`);
    code = fs.readFileSync(file, 'utf8');
    bundles.set(name, code);
  }
  return code;
}

let packedWorker: string | undefined;

/**
 * The worker bundle gzipped and in base64 (a quarter of its 1.3 MB): the page unpacks it with the
 * browser's DecompressionStream. Base64 holds no `<`, so it is safe in the page as it is.
 */
export function packedWorkerBundle(): string {
  if (packedWorker === undefined) packedWorker = gzipSync(explorerBundle('worker'), { level: 9 }).toString('base64');
  return packedWorker;
}

/** JSON inside a script data block: no `<` can end the block or open markup. */
function jsonBlock(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export const EXPLORER_STYLE = `
.prover-sim-explorer{border:1px solid #d9d9d9;border-radius:6px;padding:4px 16px 12px;margin:16px 0;background:#fcfcfc}
.prover-sim-explorer h2{margin-top:12px}
.ex-form{display:grid;gap:10px}.ex-fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px 18px}
.ex-field{display:flex;flex-direction:column;gap:2px}.ex-field label{font-weight:600;font-size:14px}.ex-unit{font-weight:400;color:#666}
.ex-field input,.ex-field select{font:14px ui-monospace,Menlo,Consolas,monospace;padding:4px 6px;border:1px solid #bbb;border-radius:4px;max-width:280px}
.ex-field input[aria-invalid=true]{border-color:#c0392b;background:#fff3f2}
.ex-field small{color:#666;font-size:12px;line-height:1.35}.ex-error{color:#b03a2e;font-size:13px}.ex-error:empty{display:none}
.ex-actions{display:flex;align-items:center;gap:10px;flex-wrap:wrap}.ex-actions button{font:600 14px sans-serif;padding:5px 14px;border-radius:4px;border:1px solid #888;background:#fff;cursor:pointer}
.ex-actions button[data-action=run]{background:#0072b2;border-color:#0072b2;color:#fff}.ex-status{color:#444;font-size:13px}
.ex-cli code{display:inline-block;margin-top:2px;word-break:break-all}.ex-table table{margin-top:6px}
`;

/** The panel's HTML and style, and what the page's CSP must allow. */
export interface ExplorerHtml {
  /** The section (heading, data blocks, page script). */
  html: string;
  /** Its style sheet's rules (for the page's <style>). */
  style: string;
  /** CSP directives to add to the page's policy. */
  csp: readonly string[];
}

/** The panel for a spec. The worker bundle travels as an inert data block and runs from a Blob URL. */
export function explorerHtml(spec: ExplorerSpec): ExplorerHtml {
  const intro =
    'Change an assumption and run: the model runs here, in this page and offline, and redraws the headline table and the charts. ' +
    'Each value is checked by the same rules as the command line; the numbers equal those of the command shown under the inputs.';
  const html = [
    `<section class="${SECTION_CLASS}">`,
    '<h2>Explore the assumptions</h2>',
    `<p>${intro}</p>`,
    '<noscript><p>The explorer needs JavaScript.</p></noscript>',
    `<div ${ROOT_ATTRIBUTE}></div>`,
    `<script type="application/json" ${SPEC_ATTRIBUTE}>${jsonBlock(spec)}</script>`,
    `<script type="text/plain" ${WORKER_ATTRIBUTE} data-encoding="${WORKER_ENCODING}">${packedWorkerBundle()}</script>`,
    `<script type="text/javascript">${escapeInlineScript(explorerBundle('page'))}</script>`,
    '</section>',
  ].join('\n');
  return { html, style: EXPLORER_STYLE, csp: EXPLORER_CSP_DIRECTIVES };
}
