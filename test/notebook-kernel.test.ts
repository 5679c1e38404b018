/**
 * The notebook helpers in the real tslab kernel, on a scratch notebook: a danfojs frame left as a
 * cell's last value displays as a table; bad input prints one line, no stack trace; prose renders
 * the run's values as Markdown; a loop shows its progress; claims mark the prose numbers they
 * check; and the executed notebook numbers its cells.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { execute, readNotebook, ROOT, type Notebook } from './support/notebooks';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { jupyterEnv } = require(path.join(ROOT, 'scripts', 'jupyter-env.js')) as { jupyterEnv: () => NodeJS.ProcessEnv };

const DIST = JSON.stringify(path.join(ROOT, 'dist')).replace(/"/g, "'");
const CELLS = [
  `import { dailyFrame, loadScenario, simulate, prose, q, mapWithProgress, checkClaims, stated } from ${DIST};\nconst r = simulate(loadScenario('permissionless-race', { days: 30 }).scenario, { seed: 1 });\ndailyFrame(r)`,
  `prose\`Half is **\${q.share(0.5)}**; a day is \${q.hours(24)}; a fee of \${q.usd(20)}.\``,
  `const doubled = await mapWithProgress([1, 2, 3], (x) => 2 * x, { unit: 'steps', label: 'doubling' });\ndoubled.length`,
  `checkClaims([stated('about 50%', 0.503, 'a share')]);`,
  // Last: after a failed cell tslab drops what arrives within 200 ms (as a front end's stop-on-error).
  `loadScenario('permissionless-race', { set: ['rewards.redistributionShare=2'] });`,
];

type Output = { output_type: string; name?: string; text?: string | string[]; data?: Record<string, string | string[]> };
const text = (v: string | string[] | undefined) => ([] as string[]).concat(v ?? []).join('');

let dir: string;
let nb: Notebook;
let outputs: Output[][];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-kernel-'));
  const source = path.join(dir, 'scratch.ipynb');
  const notebook = {
    cells: CELLS.map((c, i) => ({ id: `cell-${i}`, cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: c })),
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  fs.writeFileSync(source, JSON.stringify(notebook));
  const run = await execute(source, path.join(dir, 'out'), jupyterEnv(), dir);
  assert.ok(fs.existsSync(run.executedPath), `not executed:\n${run.log}`);
  nb = readNotebook(run.executedPath);
  outputs = nb.cells.map((c) => (c.outputs ?? []) as Output[]);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('notebook helpers in the tslab kernel', () => {
  test('a frame as a cell\'s last value displays as a table, not the library\'s object dump', () => {
    const html = outputs[0].filter((o) => o.output_type === 'display_data').map((o) => text(o.data?.['text/html'])).join('');
    assert.match(html, /<table/);
    assert.match(html, /active<wbr>_provers|active_<wbr>provers/);
    assert.match(html, /overflow-x:auto/, 'wide frames scroll within the page');
    const printed = outputs[0].filter((o) => o.output_type === 'stream').map((o) => text(o.text)).join('');
    assert.match(printed, /^DataFrame: 30 rows x \d+ columns\s*$/);
    assert.doesNotMatch(printed, /\$data|NDframe|\$config/);
  });

  test('an invalid parameter prints its one-line message, without a stack trace', () => {
    const stderr = outputs[4].filter((o) => o.output_type === 'stream' && o.name === 'stderr').map((o) => text(o.text)).join('');
    assert.match(stderr, /^ScenarioError: .*redistributionShare.*\n?$/);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  test('prose renders the run\'s values as Markdown, in the report formats', () => {
    const md = outputs[1].map((o) => text(o.data?.['text/markdown'])).join('');
    assert.equal(md, 'Half is **50%**; a day is 24 h; a fee of \\$20.');
  });

  test('a loop shows its progress line', () => {
    const lines = outputs[2].filter((o) => o.output_type === 'display_data').map((o) => text(o.data?.['text/plain']));
    assert.ok(lines.some((l) => /^doubling: 3 \/ 3 steps, 100%/.test(l)), lines.join(' | '));
  });

  test('claims mark the prose number they check', () => {
    const md = outputs[3].map((o) => text(o.data?.['text/markdown'])).join('');
    assert.match(md, /✔ a share: the text says "about 50%"; this run gives 0\.503 <!-- prover-sim:stated "about 50%" -->/);
  });

  test('the executed notebook numbers its cells (In [1], In [2], ...)', () => {
    assert.deepEqual(nb.cells.map((c) => c.execution_count), [1, 2, 3, 4, 5]);
  });
});
