/**
 * The notebooks: committed clean (no outputs), shaped as the issue asks (a question first, the
 * conclusion last, the library imported from the build), and every one executed end to end through
 * the real tslab kernel, failing on any cell error or stderr output, on a claim that checks a number
 * its prose does not state, and on cells left unnumbered.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'module';
import * as path from 'path';
import { describe, test } from 'node:test';
import { DAILY_COLUMNS } from '../src/model';
import { STATED_MARK } from '../src/notebook';
import { cellText, executedNotebooks, notebookFiles, readNotebook, type Notebook } from './support/notebooks';

/** The prose numbers a notebook's claims checked (marked in the claims' Markdown output). */
function statedTexts(nb: Notebook): string[] {
  const out: string[] = [];
  for (const c of nb.cells) {
    for (const o of c.outputs ?? []) {
      const md = ([] as string[]).concat(((o.data as Record<string, string | string[]> | undefined)?.['text/markdown']) ?? []).join('');
      for (const m of md.matchAll(new RegExp(`<!-- ${STATED_MARK} ("(?:[^"\\\\]|\\\\.)*") -->`, 'g'))) out.push(JSON.parse(m[1]) as string);
    }
  }
  return out;
}

const files = notebookFiles();

describe('notebooks as committed', () => {
  test('there are numbered notebooks and a template', () => {
    const names = files.map((f) => path.basename(f));
    assert.ok(names.includes('template.ipynb'), 'notebooks/template.ipynb is missing');
    for (const n of ['00', '01', '02', '03', '04', '05', '06']) assert.ok(names.some((f) => f.startsWith(`${n}-`)), `no notebook numbered ${n}`);
  });

  for (const file of files) {
    const name = path.basename(file);
    test(`${name} has no outputs (clear with: jupyter nbconvert --clear-output --inplace notebooks/*.ipynb)`, () => {
      const nb = readNotebook(file);
      nb.cells.forEach((c, i) => {
        if (c.cell_type !== 'code') return;
        assert.deepEqual(c.outputs ?? [], [], `${name} cell ${i} has outputs`);
        assert.equal(c.execution_count ?? null, null, `${name} cell ${i} has an execution count`);
      });
    });

    test(`${name} declares the tslab kernel, opens with its question, closes with its conclusion`, () => {
      const nb = readNotebook(file);
      assert.equal(nb.metadata.kernelspec?.name, 'tslab');
      const first = nb.cells[0];
      const last = nb.cells[nb.cells.length - 1];
      assert.equal(first.cell_type, 'markdown', 'the first cell should state the question');
      assert.match(cellText(first), /\?/, 'the first cell should ask the question the notebook answers');
      assert.equal(last.cell_type, 'markdown', 'the last cell should say what the charts show');
    });

    test(`${name} imports the built library (../dist), never the sources`, () => {
      const code = readNotebook(file).cells.filter((c) => c.cell_type === 'code').map(cellText).join('\n');
      const sources = [...code.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
      assert.ok(sources.includes('../dist'), 'expected an import from ../dist');
      // tslab compiles only what is under notebooks/, so the library must come built (see STACK.md).
      const allowed = (s: string) => s === '../dist' || s.startsWith('../dist/') || s === 'tslab' || builtinModules.includes(s);
      for (const s of sources) assert.ok(allowed(s), `unexpected import '${s}': notebooks import ../dist (or a module of it), tslab and Node built-ins`);
    });
  }
});

describe('notebooks executed headless in the tslab kernel', () => {
  for (const file of files) {
    const name = path.basename(file, '.ipynb');
    test(`${name} runs end to end without errors`, async (t) => {
      const run = (await executedNotebooks()).find((r) => r.name === name);
      assert.ok(run, `no execution record for ${name}`);
      t.diagnostic(`${name}: executed in ${(run.ms / 1000).toFixed(1)} s`);
      // tslab reports compile errors, failed claims and uncaught rejections on the cell's stderr.
      assert.deepEqual(run.problems, [], `${name} did not run cleanly:\n${run.problems.join('\n')}`);
      // "Runs in seconds": generous, since two kernels share the CI's two cores.
      assert.ok(run.ms < 90_000, `${name} took ${run.ms} ms`);
    });

    test(`${name}: every number its claims check is written so in its prose, and its cells are numbered`, async () => {
      const run = (await executedNotebooks()).find((r) => r.name === name);
      assert.ok(run?.ok, `${name} did not execute`);
      const executed = readNotebook(run.executedPath);
      const prose = executed.cells.filter((c) => c.cell_type === 'markdown').map(cellText).join('\n');
      for (const text of statedTexts(executed)) assert.ok(prose.includes(text), `${name}: a claim checks "${text}", which its Markdown does not say`);
      const code = executed.cells.filter((c) => c.cell_type === 'code');
      assert.deepEqual(code.map((c) => c.execution_count), code.map((_, i) => i + 1), 'execution counts In [1], In [2], ...');
    });
  }
});

describe('what the executed notebooks show', () => {
  const outputText = (nb: Notebook) =>
    nb.cells.flatMap((c) => (c.outputs ?? []).map((o) => {
      const data = (o.data ?? {}) as Record<string, string | string[]>;
      return [o.text, data['text/plain'], data['text/markdown'], data['text/html']].flatMap((v) => ([] as string[]).concat((v as string | string[] | undefined) ?? [])).join('');
    })).join('\n');

  test('the quick start explains every daily column, with its unit', async () => {
    const run = (await executedNotebooks()).find((r) => r.name.startsWith('00-'));
    assert.ok(run?.ok, 'the quick start did not execute');
    const text = outputText(readNotebook(run.executedPath)).replace(/<wbr>/g, '');
    const html = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const c of DAILY_COLUMNS) {
      assert.ok(text.includes(`>${c.name}<`), `${c.name} is not listed`);
      assert.ok(text.includes(html(c.doc)), `${c.name}: its meaning is not shown`);
      assert.ok(text.includes(`>${html(c.unit)}<`), `${c.name}: its unit is not shown`);
    }
  });

  test('the template\'s code has no placeholders, so none reaches its outputs', async () => {
    const file = files.find((f) => path.basename(f) === 'template.ipynb')!;
    const nb = readNotebook(file);
    for (const c of nb.cells.filter((x) => x.cell_type === 'code')) assert.doesNotMatch(cellText(c), /<[A-Za-z]/, 'a <placeholder> in the template\'s code');
    const run = (await executedNotebooks()).find((r) => r.name === 'template');
    assert.ok(run?.ok, 'the template did not execute');
    const placeholders = nb.cells.filter((x) => x.cell_type === 'markdown').flatMap((c) => [...cellText(c).matchAll(/\*\[([^\]]+)\]\*/g)].map((m) => m[1]));
    assert.ok(placeholders.length > 0, 'the template marks what to replace as *[...]*');
    const shown = outputText(readNotebook(run.executedPath));
    for (const p of placeholders) assert.ok(!shown.includes(p), `placeholder "${p}" in an output`);
  });
});
