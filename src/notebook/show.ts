/**
 * `show(figure)` in a tslab notebook: the chart rendered as HTML output, drawn by plotly.js loaded
 * from node_modules, never from the network. The 4.8 MB bundle goes into the first chart output of
 * a kernel session only; later charts reuse the `window.Plotly` it defines in the page.
 */
import { figureHtml, plotlyBundleScript, type Figure } from '../charts';
import { requireKernel } from './kernel';

let bundleSent = false;

/** Emits the plotly bundle (again) as an output; `show` does this by itself the first time. */
export function loadPlotly(): void {
  requireKernel('loadPlotly()').display.html(plotlyBundleScript());
  bundleSent = true;
}

/** The plotly bundle the first time an output needs it in a kernel session, then nothing. */
export function plotlyOnce(): string {
  if (bundleSent) return '';
  bundleSent = true;
  return plotlyBundleScript();
}

/** Renders figures as notebook outputs (each its own output, in order). */
export function show(...figures: Figure[]): void {
  const tslab = requireKernel('show()');
  for (const figure of figures) {
    const includePlotly = !bundleSent;
    tslab.display.html(figureHtml(figure, { includePlotly }));
    bundleSent = true;
  }
}
