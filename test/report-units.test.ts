/**
 * The pieces of a report on their own: escaping, number formats, the browser finder's rules, the
 * sources of assumptions, and exportReport from TypeScript (a notebook) with a scenario object.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CHROMIUM_PATHS, findChromium } from '../src/browser';
import { exportReport } from '../src';
import { bandChart, dailyRuns } from '../src/charts';
import { exportAnswers, FindingWriter, formatQuantity as fq, type AnswerQuestion } from '../src/report';
import { loadScenario } from '../src/io';
import { keyAssumptions } from '../src/report/measure/assumptions';
import { escapeHtml, escapeMarkdown, markdownCode, markdownFence, plotlyText, shellQuote, slug } from '../src/report/escape';
import { formatQuantity, sig3 } from '../src/report/write/format';
import { compareParameters } from '../src/report/measure/parameters';
import { renderMarkdown } from '../src/report/assemble/markdown';
import { chartBlocks } from '../src/report/write/charts';
import type { ReportChart, ReportDocument } from '../src/report/write/document';
import { everySeriesFlat } from '../src/charts';

describe('escaping', () => {
  it('turns HTML into text in HTML', () => {
    assert.equal(escapeHtml(`<img src=x onerror="alert('1')">&`), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;');
  });

  it('leaves Markdown no way to make tags, links, emphasis, code, tables, math, lists or headings', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '&lt;img src=x onerror=alert(1)&gt;');
    assert.equal(escapeMarkdown('[a](javascript:alert(1)) **b** _c_ `d` | e ~f~ $1 #g :smile:'), '\\[a\\](javascript\\:alert(1)) \\*\\*b\\*\\* \\_c\\_ \\`d\\` \\| e \\~f\\~ \\$1 \\#g \\:smile:');
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('1. item'), '1\\. item');
    assert.equal(escapeMarkdown('==='), '\\===');
    assert.equal(escapeMarkdown('two\nlines'), 'two lines');
    // Ordinary text stays readable.
    assert.equal(escapeMarkdown('Finality: 13.3 provers, -$20k, data-centre'), 'Finality: 13.3 provers, -\\$20k, data-centre');
  });

  it('makes code spans and fences that their content cannot close', () => {
    assert.equal(markdownCode('a`b'), '``a`b``');
    assert.equal(markdownCode('`x`'), '`` `x` ``');
    assert.equal(markdownCode('a|b', true), '`a\\|b`');
    assert.equal(markdownFence('x ``` y', 'sh'), '````sh\nx ``` y\n````');
  });

  it('keeps plotly from reading tags, and shells from reading words', () => {
    assert.equal(plotlyText('<b>x</b> & y'), '&lt;b&gt;x&lt;/b&gt; &amp; y');
    assert.equal(shellQuote('rewards.redistributionShare=0.3'), 'rewards.redistributionShare=0.3');
    assert.equal(shellQuote("name=it's <x>"), `'name=it'\\''s <x>'`);
    assert.equal(slug('<img src=x onerror=alert(1)>', 'f'), 'img-src-x-onerror-alert-1');
    assert.equal(slug('***', 'fallback'), 'fallback');
  });
});

describe('number formats', () => {
  it('prints three significant digits in the unit of the quantity', () => {
    assert.equal(sig3(0.035249), '0.0352');
    assert.equal(sig3(9.996), '10');
    assert.equal(sig3(1234.5), '1,235');
    assert.equal(formatQuantity(2_500_000, 'usd'), '$2.5M');
    assert.equal(formatQuantity(-20_512, 'usd'), '-$20.5k');
    assert.equal(formatQuantity(0.157, 'share'), '15.7%');
    assert.equal(formatQuantity(0.0178, 'hours'), '1.07 min');
    assert.equal(formatQuantity(0.143 / 60, 'hours'), '8.58 s');
    assert.equal(formatQuantity(0, 'hours'), '0 h');
    assert.equal(formatQuantity(2, 'hours'), '2 h');
    assert.equal(formatQuantity(47.5, 'hours'), '47.5 h');
    assert.equal(formatQuantity(72, 'hours'), '3 days');
    assert.equal(formatQuantity(14 * 24, 'hours'), '14 days');
    assert.equal(formatQuantity(NaN, 'count'), 'n/a');
  });
});

describe('findChromium', () => {
  it('follows scripts/prereqs.js: CHROMIUM_PATH first, then the usual paths', () => {
    const fake = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-chromium-')), 'chrome');
    fs.writeFileSync(fake, '');
    assert.equal(findChromium({ env: { CHROMIUM_PATH: fake } }).executablePath, fake);
    assert.deepEqual(findChromium({ env: { CHROMIUM_PATH: '/nope' } }).tried, ['/nope', ...DEFAULT_CHROMIUM_PATHS]);
    assert.deepEqual(findChromium({ env: { CHROMIUM_PATH: '/nope', PROVER_SIM_NO_DEFAULT_CHROMIUM: '1' } }), { executablePath: undefined, tried: ['/nope'] });
    assert.deepEqual(findChromium({ executablePath: '/nope', env: { CHROMIUM_PATH: fake } }), { executablePath: undefined, tried: ['/nope'] });
  });
});

describe('key assumptions and parameters', () => {
  it('traces default values to their calibration sources, grouped by source', () => {
    const { scenario } = loadScenario('permissionless-race');
    const assumptions = keyAssumptions(scenario);
    const find = (p: string) => assumptions.find((a) => a.parameters.some((x) => x.path === p));
    assert.match(find('finality.deadlineHours')!.source, /docs\.taiko\.xyz.*data\/calibration\/cadence\.json/);
    assert.equal(find('finality.deadlineHours')!.isAssumption, false);
    assert.match(find('hardware.h100.capexUsdPerUnit')!.source, /H100 SXM purchase price/);
    // The home provers' residential electricity price is a calibration figure, not the schema default.
    assert.match(find('provers.classes.3.costModel.electricityUsdPerKwh')!.source, /US residential average/);
    assert.ok(find('demand.batchesPerDay')!.isAssumption);
    // A value set by hand has no calibration source.
    const edited = loadScenario('permissionless-race', { set: ['finality.deadlineHours=3'] }).scenario;
    assert.equal(keyAssumptions(edited).find((a) => a.parameters.some((x) => x.path === 'finality.deadlineHours')), undefined);
  });

  it('marks the parameters that differ from the baseline', () => {
    const base = loadScenario('permissionless-race').scenario;
    const edited = loadScenario('permissionless-race', { set: ['rewards.redistributionShare=0.5'], days: 90 }).scenario;
    const changed = compareParameters(edited, base).filter((r) => r.changed);
    assert.deepEqual(changed.map((r) => [r.path, r.value, r.baselineValue]), [['days', 90, 1825], ['rewards.redistributionShare', 0.5, 0.2]]);
  });
});

describe('exportReport from a notebook', () => {
  it('reports on a scenario object, writes its resolved scenario, and reproduces from it', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-export-')), 'r');
    const lines: string[] = [];
    const result = await exportReport({
      sources: { name: 'notebook edit', days: 30, rewards: { redistributionShare: 0.4 } },
      seeds: 2,
      out,
      charts: false,
      log: (l) => lines.push(l),
    });
    assert.equal(result.kind, 'scenario');
    assert.equal(result.charts.rendered, false);
    assert.ok(fs.existsSync(result.reportMd) && fs.existsSync(result.indexHtml));
    const md = fs.readFileSync(result.reportMd, 'utf8');
    assert.match(md, /^# notebook edit: prover-sim report/);
    assert.match(md, /npx prover-sim report \S+data\/scenario-notebook-edit\.json --seeds 2 --seed 1 --out/);
    assert.match(md, /differ from the scenario object|all as in the scenario object/);
    const resolved = JSON.parse(fs.readFileSync(path.join(out, 'data', 'scenario-notebook-edit.json'), 'utf8'));
    assert.equal(resolved.rewards.redistributionShare, 0.4);
    assert.ok(lines.some((l) => /wrote report\.md/.test(l)));
    // A second report into the same folder replaces the first one's files, and nothing else.
    fs.writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const again = await exportReport({ sources: 'permissionless-race', seeds: 1, days: 20, out, charts: false, log: () => undefined });
    assert.ok(!fs.existsSync(path.join(out, 'data', 'scenario-notebook-edit.json')), 'stale file of the first report kept');
    assert.ok(fs.existsSync(path.join(out, 'notes.txt')), 'a file the report did not write was removed');
    assert.equal(again.summary.kind, 'scenario');
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});

describe('fitting a report to one forum post', () => {
  const doc = (rows: number, fullIn?: string): ReportDocument => ({
    title: 't',
    lead: ['lead'],
    notices: [],
    blocks: [
      { kind: 'heading', text: 'Table' },
      { kind: 'table', header: ['a', 'b'], rows: Array.from({ length: rows }, (_, i) => [[`row ${i}`], ['x'.repeat(80)]]), fullIn },
    ],
  });

  it('keeps a short report whole', () => {
    const md = renderMarkdown(doc(5, 'data/t.csv'), { rendered: true }, 2_000);
    assert.equal((md.match(/^\| row /gm) ?? []).length, 5);
    assert.doesNotMatch(md, /The first/);
  });

  it('cuts a long table whose rows are in a data file, and says where they are', () => {
    const md = renderMarkdown(doc(500, 'data/t.csv'), { rendered: true }, 10_000);
    assert.ok(md.length <= 10_000, `${md.length} characters`);
    const shown = (md.match(/^\| row /gm) ?? []).length;
    assert.ok(shown > 50 && shown < 500, `${shown} rows shown`);
    assert.match(md, new RegExp(`The first ${shown} of 500 rows; all of them in \\[data/t\\.csv\\]\\(data/t\\.csv\\)`));
  });

  it('refuses to cut a table whose rows are nowhere else', () => {
    assert.throws(() => renderMarkdown(doc(500), { rendered: true }, 10_000), /over the 10000 a forum post can take/);
  });
});

describe('charts of flat lines', () => {
  const line = (y: number[]) => ({ type: 'scatter', mode: 'lines', x: y.map((_, i) => i), y });
  const chart = (ys: number[][], whenFlat?: ReportChart['whenFlat']): ReportChart => ({ id: 'c', title: 'C', caption: ['c'], figure: { data: ys.map(line), layout: {} }, whenFlat });

  it('are found: every line holds one value throughout', () => {
    assert.equal(everySeriesFlat(chart([[1, 1, 1], [2, 2, 2]]).figure), true);
    assert.equal(everySeriesFlat(chart([[1, 1, 1], [2, 3, 2]]).figure), false);
    // Bars (one point per trace) are not lines.
    assert.equal(everySeriesFlat({ data: [{ type: 'bar', x: ['a'], y: [1] }], layout: {} }), false);
  });

  it('are replaced by their sentence; other charts keep their heading and figure', () => {
    const blocks = chartBlocks([chart([[0, 0, 0]], ['C: $0 on every day.']), chart([[0, 1, 2]])]);
    assert.deepEqual(blocks.map((b) => b.kind), ['paragraph', 'subheading', 'figure']);
    assert.deepEqual((blocks[0] as { content: unknown }).content, ['C: $0 on every day.']);
  });
});

describe('the thread-answers report', () => {
  const providers: AnswerQuestion = {
    id: 'how-many-provers',
    question: 'How many provers take part when anyone may prove?',
    notebook: { file: 'notebooks/00-quick-start.ipynb', title: 'the quick start' },
    answer(runs) {
      const race = runs.variant('race');
      const central = runs.variant('central');
      const s = race.stats.activeProversLastYear;
      const answer = new FindingWriter()
        .say('In the race, ')
        .num(s.median, 'count', 'median active provers', 'activeProversLastYear', 'median')
        .say(' provers were active on a typical day (5-95% over seeds: ')
        .num(s.p5, 'count', 'p5', 'activeProversLastYear', 'p5')
        .say(' to ')
        .num(s.p95, 'count', 'p95', 'activeProversLastYear', 'p95')
        .say('), against ')
        .num(central.stats.activeProversLastYear.median, 'count', 'centralized median', 'activeProversLastYear', 'median')
        .say(' when the team proves.')
        .done();
      const series = [race, central].map((v) => ({ label: v.label, runs: dailyRuns(v.results, 'active_provers', 7) }));
      return {
        answer,
        chart: { id: 'active', title: 'Active provers', caption: ['Provers taking part each day.'], figure: bandChart(series, { title: 'Active provers', yTitle: 'provers' }) },
        assumptions: [['The default population of would-be provers (an assumption, see data/calibration).']],
      };
    },
  };
  const entry: AnswerQuestion = {
    id: 'entry-capital',
    question: 'What does it take to start proving?',
    notebook: { file: 'notebooks/04-proving-pools.ipynb', title: 'proving pools' },
    answer(runs) {
      const pools = runs.extra('proving-pools', { label: 'pools' });
      assert.equal(runs.extra('proving-pools', { label: 'pools' }), pools, 'an extra scenario runs once');
      const capital = pools.stats.entryCapitalUsdEnd.median;
      return {
        answer: new FindingWriter().say('With proving pools a newcomer needs ').num(capital, 'usd', 'entry capital', 'entryCapitalUsdEnd', 'median').say('.').done(),
        chart: {
          id: 'capital',
          title: 'Capital needed to enter',
          caption: ['Least up-front capital.'],
          // Flat by construction: the median at the start and the end of the run.
          figure: bandChart([{ label: 'pools', runs: [[capital, capital]] }], { title: 'Capital needed to enter', yTitle: 'USD', x: [0, 30] }),
          whenFlat: [`Capital needed to enter: ${fq(capital, 'usd')} on every day.`],
        },
        assumptions: [],
      };
    },
  };

  it('writes one section per question: the question, the answer with its numbers, a chart, its assumptions, its notebook', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-answers-')), 'r');
    const result = await exportAnswers({
      scenarios: ['permissionless-race', 'centralized-with-backup'],
      labels: ['race', 'central'],
      questions: [providers, entry],
      out,
      seeds: 2,
      days: 30,
      charts: false,
      command: 'npm start',
      log: () => undefined,
    });
    assert.equal(result.kind, 'answers');
    const md = fs.readFileSync(result.reportMd, 'utf8');
    assert.ok(md.length < 32_000);
    const summary = JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8'));
    assert.deepEqual(summary.answers.map((a: { id: string }) => a.id), ['how-many-provers', 'entry-capital']);
    for (const a of summary.answers) {
      const heading = md.indexOf(`## ${a.question}`);
      assert.ok(heading > 0, `no section for "${a.question}"`);
      const body = md.slice(heading, md.indexOf('\n## ', heading + 1));
      // The answer prints exactly its recorded numbers, in order.
      let from = 0;
      for (const v of a.answer.values) {
        const printed = fq(v.value, v.kind).replace(/\$/g, '\\$');
        const at = body.indexOf(printed, from);
        assert.ok(at >= 0, `${a.id}: ${printed} not in its section`);
        from = at + printed.length;
      }
      assert.match(body, /\*\*Depends on\*\*/);
      assert.ok(body.includes(`\`${a.notebook.file}\``), `${a.id}: no notebook`);
    }
    // The flat chart became its sentence; the other chart stayed a chart.
    const capital = summary.answers[1].answer.values[0].value;
    assert.ok(md.includes(`Capital needed to enter: ${fq(capital, 'usd').replace('$', '\\$')} on every day.`));
    assert.ok(!md.includes('entry-capital-capital'), 'the flat chart was drawn');
    assert.match(md, /\*Active provers: not rendered/);
    // The extra scenario's runs are in the data like the shared ones.
    assert.ok(fs.existsSync(path.join(out, 'data', 'scenario-extra-1.json')));
    assert.deepEqual(summary.scenarios.map((s: { label: string }) => s.label), ['race', 'central', 'pools']);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
