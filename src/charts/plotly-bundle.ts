/**
 * The plotly.js bundle, read from node_modules (plotly.js-dist-min) so that charts never load
 * anything from the network. Read once per process: it is about 4.8 MB.
 */
import * as fs from 'fs';

let cached: string | undefined;

/** The minified plotly.js source. */
export function plotlyBundleSource(): string {
  if (cached === undefined) cached = fs.readFileSync(require.resolve('plotly.js-dist-min'), 'utf8');
  return cached;
}

/** Version of the bundled plotly.js (from its banner comment). */
export function plotlyVersion(): string {
  return /plotly\.js v([\d.]+)/.exec(plotlyBundleSource().slice(0, 200))?.[1] ?? 'unknown';
}
