'use strict';
/**
 * Bundles the in-browser explorer with esbuild (part of `npm run build`): the Web Worker (the model,
 * its schema, presets' calibration data, the report's measures and chart specs) and the page script,
 * each one minified file under dist/explorer-bundle/. Pages inline them, so nothing is ever fetched.
 * Fails when a bundle could evaluate code from a string (eval, new Function): the report page's
 * Content-Security-Policy forbids it.
 */
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const OUT_DIR = path.join(root, 'dist', 'explorer-bundle');
const ENTRIES = { worker: 'src/explorer/worker.ts', page: 'src/explorer/page.ts' };
/** What a strict CSP (no 'unsafe-eval') refuses to run. */
const EVAL_LIKE = /\beval\s*\(|\bnew\s+Function\s*\(|[^.\w]Function\s*\(\s*["'`]/;

function buildExplorer() {
  const esbuild = require('esbuild');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const outfile = path.join(OUT_DIR, `${name}.js`);
    esbuild.buildSync({
      entryPoints: [path.join(root, entry)],
      outfile,
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      legalComments: 'eof',
      logLevel: 'warning',
    });
    const code = fs.readFileSync(outfile, 'utf8');
    const m = EVAL_LIKE.exec(code);
    if (m) throw new Error(`${path.relative(root, outfile)}: evaluates code from a string ("${code.slice(Math.max(0, m.index - 40), m.index + 40)}"), which the page's CSP forbids`);
  }
}

/** The newest modification time under a folder, ms. */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Whether the bundles are missing or older than the sources and data they are built from. */
function explorerStale() {
  const files = Object.keys(ENTRIES).map((n) => path.join(OUT_DIR, `${n}.js`));
  if (!files.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...files.map((f) => fs.statSync(f).mtimeMs));
  return built < Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'data')));
}

module.exports = { buildExplorer, explorerStale, newest, OUT_DIR };
if (require.main === module) buildExplorer();
