/**
 * Figures as HTML: a `<div>` plus a script that draws it with plotly.js, and the plotly bundle as
 * one inline `<script>`. Used by the notebook `show()` and by anything writing HTML pages.
 *
 * Where outputs are inserted by frameworks (JupyterLab, the classic notebook, VS Code), a figure's
 * script may run before its div is attached, or before the bundle has run. So the figure script
 * waits for its div, and queues itself until `window.Plotly` exists; the bundle script drains that
 * queue. The div holds a hint until it is drawn, so a chart that cannot draw says why.
 */
import { randomBytes } from 'crypto';
import type { Figure } from './figure';
import { plotlyBundleSource } from './plotly-bundle';
import { DEFAULT_HEIGHT_PX } from './theme';

/** Global queue of figures waiting for the bundle (a name unlikely to clash). */
const QUEUE = '__proverSimPlotlyQueue';

/** Class of every figure div (tests and pages find the charts by it). */
export const FIGURE_CLASS = 'prover-sim-figure';

/**
 * Makes text safe inside an inline `<script>`: the HTML parser ends a script at `</script` and
 * changes state at `<!--`. Both only occur inside string literals or comments in JavaScript and
 * JSON, where `<\/` and `<\!` mean the same characters.
 */
export function escapeInlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** JSON for embedding in a script: `<`, `>` and `&` escaped so no markup can appear. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * The plotly bundle as an inline `<script>`. The bundle runs inside a function whose `module`,
 * `exports` and `define` are undefined: plotly then always sets `window.Plotly`, even in pages with
 * a module loader (the classic notebook has RequireJS).
 */
export function plotlyBundleScript(): string {
  const drain = `var q=window.${QUEUE};window.${QUEUE}=undefined;if(q){for(var i=0;i<q.length;i++){q[i]();}}`;
  return `<script type="text/javascript">(function(module,exports,define){\n${escapeInlineScript(plotlyBundleSource())}\n}).call(window);\n${drain}</script>`;
}

let counter = 0;

/** A fresh div id: random, so figures from several cells or pages never share one. */
export function newFigureId(): string {
  counter += 1;
  return `prover-sim-fig-${randomBytes(4).toString('hex')}-${counter}`;
}

export interface FigureHtmlOptions {
  /** Id of the figure's div (default: a fresh random id). */
  divId?: string;
  /** Include the plotly bundle before the figure (default true: a self-contained snippet). */
  includePlotly?: boolean;
}

/** The div and drawing script of a figure; with the plotly bundle unless told otherwise. */
export function figureHtml(figure: Figure, options: FigureHtmlOptions = {}): string {
  const id = options.divId ?? newFigureId();
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`figureHtml: invalid div id "${id}"`);
  const height = typeof figure.layout.height === 'number' ? figure.layout.height : DEFAULT_HEIGHT_PX;
  const hint = 'Loading chart. If this stays, the plotly bundle is not on this page: in a notebook, run <code>loadPlotly()</code> (prover-sim) in a cell, then run this one again.';
  const draw = [
    '(function(){',
    `var id=${scriptJson(id)},fig=${scriptJson({ data: figure.data, layout: figure.layout, config: figure.config ?? {} })};`,
    'var script=document.currentScript,tries=0;',
    'function target(){var p=script&&script.previousElementSibling;var el=p&&p.id===id?p:document.getElementById(id);return el&&el.isConnected?el:null;}',
    'function draw(){var el=target();',
    'if(!el){if(tries++<200){setTimeout(draw,50);}return;}',
    `if(!window.Plotly){(window.${QUEUE}=window.${QUEUE}||[]).push(draw);return;}`,
    "el.textContent='';window.Plotly.newPlot(el,fig.data,fig.layout,fig.config);}",
    'draw();})();',
  ].join('');
  const div = `<div id="${id}" class="${FIGURE_CLASS}" style="width:100%;min-height:${height}px"><p style="color:#777;font:13px sans-serif">${hint}</p></div>`;
  const bundle = options.includePlotly === false ? '' : plotlyBundleScript();
  return `${bundle}${div}<script type="text/javascript">${draw}</script>`;
}
