'use strict';
/**
 * `npm run profile [-- <prover-sim arguments>]`: a CPU profile of one whole `prover-sim` process
 * (default: `run race-reference`), summed by what the time went to: Node's start-up and module
 * loading, module initialisation, the command line, scenario loading and validation, simulation and
 * metrics, output (CSV, JSON, manifest), garbage collection. The .cpuprofile file is kept for
 * Chrome DevTools or speedscope; its path is printed.
 *
 * Frames of the bundled CLI are attributed to their source file through the `// src/...` markers
 * esbuild writes before each module; frames of dist/ (tsc) through their path.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** Source file of each line of a bundle, from esbuild's module markers. */
const bundleModules = new Map();
function sourceOf(url, line) {
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  if (!file.includes(`${path.sep}dist${path.sep}`)) return undefined;
  if (!file.includes(`${path.sep}bundle${path.sep}`)) return path.relative(path.join(root, 'dist'), file).replace(/\.js$/, '.ts').replace(/^/, 'src/');
  if (!bundleModules.has(file)) {
    const marks = [];
    fs.readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
      const m = /^\/\/ ((?:src|node_modules)\/\S+)$/.exec(text);
      if (m) marks.push([i, m[1]]);
    });
    bundleModules.set(file, marks);
  }
  let found;
  for (const [at, name] of bundleModules.get(file)) {
    if (at > line) break;
    found = name;
  }
  return found;
}

const CATEGORIES = [
  [/^src\/(model\/scenario\/|io\/scenarios|io\/presets)|^node_modules\/zod\//, 'scenario loading and validation'],
  [/^src\/model\//, 'simulation and metrics'],
  [/^src\/(io|compare\/outputs|experiments\/(execute|sink|files|manifest))/, 'output: CSV, JSON, manifest, git commit'],
  [/^src\/cli\/|^node_modules\/commander\//, 'command line'],
];

function categorize(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const cache = new Map();
  const category = (id) => {
    if (cache.has(id)) return cache.get(id);
    const stack = [];
    for (let x = id; x !== undefined; x = parent.get(x)) stack.push(nodes.get(x).callFrame);
    let result = 'Node start-up and internals';
    const leaf = stack[0];
    if (leaf.functionName === '(garbage collector)') result = 'garbage collection';
    else if (leaf.functionName === '(program)' || leaf.functionName === '(idle)') result = 'engine: parsing, compiling, other';
    else if (stack.some((f) => /^(spawnSync|execFileSync|execSync)$/.test(f.functionName))) result = 'child processes';
    else if (leaf.url.startsWith('node:internal/modules')) result = 'module loading (resolve, read, compile)';
    // Top-level code of a module being required (the bin itself is the first Module._compile), or of
    // a bundled module initialised on first use (esbuild's init_ wrappers).
    else if (stack.filter((f) => f.functionName === 'Module._compile').length >= 2 || stack.some((f) => /^(init_|__init$|__esm$)/.test(f.functionName))) result = 'module initialisation (top-level code)';
    else {
      for (const f of stack) {
        const source = f.url && sourceOf(f.url, f.lineNumber);
        if (!source) continue;
        result = (CATEGORIES.find(([re]) => re.test(source)) || [null, 'other project code'])[1];
        break;
      }
    }
    cache.set(id, result);
    return result;
  };
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const c = category(id);
    totals.set(c, (totals.get(c) || 0) + profile.timeDeltas[i] / 1000);
  });
  return totals;
}

function main() {
  const args = process.argv.slice(2);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-profile-'));
  const command = args.length ? args : ['run', 'race-reference', '--out', path.join(work, 'out')];
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', work, '--cpu-prof-interval', '250', path.join(root, 'bin', 'prover-sim.js'), ...command], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status || 1);
  const file = fs.readdirSync(work).find((f) => f.endsWith('.cpuprofile'));
  const profile = JSON.parse(fs.readFileSync(path.join(work, file), 'utf8'));
  const totals = [...categorize(profile)].sort((a, b) => b[1] - a[1]);
  const sum = totals.reduce((s, [, t]) => s + t, 0);
  console.log(`prover-sim ${command.join(' ')}: ${sum.toFixed(0)} ms sampled (load ${os.loadavg()[0].toFixed(2)})`);
  for (const [name, t] of totals) console.log(`  ${t.toFixed(0).padStart(6)} ms  ${((100 * t) / sum).toFixed(0).padStart(3)}%  ${name}`);
  console.log(`profile: ${path.join(work, file)}`);
}

main();
