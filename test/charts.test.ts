/**
 * Chart specs: the numbers they plot (quantile bands, shares, Lorenz/Gini, heatmap grids,
 * histogram shares), their shapes, that they are plain JSON, and the HTML they render to. The
 * drawing itself is tested in Chromium (notebooks-browser.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  bandChart, classSeries, comparisonChart, dailyRuns, escapeInlineScript, everActiveProverAmounts, figureHtml, finalityHistogramChart,
  columnScores, durationText, durationUnit, gridFromPoints, heatmapRange, logTicks, lorenzChart, scorecardChart, lorenzCurve, mergeHistograms, occupiedBinRange, panelDomain, plotlyBundleScript, plotlyVersion, quantile,
  quantileBand, rollingMean, shareChart, stackedShares, summaryComparisonChart, sweepHeatmap, withAlpha, type Figure,
} from '../src/charts';
import { loadScenario } from '../src/io';
import { simulate, summarize } from '../src/model';
import { inKernel, progressDisplay, progressText, show, tableHtml } from '../src/notebook';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) <= eps, `${a} != ${b}`);

/** Fails on anything JSON would not carry faithfully: typed arrays, NaN, Infinity, functions. */
function assertPlainJson(value: unknown, where = 'figure'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || value === undefined) return;
  if (typeof value === 'number') return assert.ok(Number.isFinite(value), `${where} is ${value}`);
  if (ArrayBuffer.isView(value)) assert.fail(`${where} is a typed array (JSON makes it an object)`);
  if (typeof value === 'function') assert.fail(`${where} is a function`);
  if (Array.isArray(value)) return value.forEach((v, i) => assertPlainJson(v, `${where}[${i}]`));
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) assertPlainJson(v, `${where}.${k}`);
}

// Three short runs of the default race: enough to exercise every chart on real results.
const { scenario } = loadScenario('permissionless-race', { days: 120 });
const runs = [1, 2, 3].map((seed) => simulate(scenario, { seed }));

describe('statistics', () => {
  test('quantiles interpolate between order statistics (type 7) and skip NaN', () => {
    const values = Array.from({ length: 101 }, (_, i) => 100 - i);
    close(quantile(values, 0.05), 5);
    close(quantile(values, 0.5), 50);
    close(quantile([1, 2, 3, 4], 0.5), 2.5);
    close(quantile([1, NaN, 3], 0.5), 2);
    assert.ok(Number.isNaN(quantile([], 0.5)));
    assert.throws(() => quantile([1], 1.5), /\[0, 1\]/);
  });

  test('quantile bands are point by point over runs', () => {
    const band = quantileBand([[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]], 0.25, 0.75);
    assert.deepEqual(band.median, [3, 30]);
    assert.deepEqual(band.low, [2, 20]);
    assert.deepEqual(band.high, [4, 40]);
    assert.throws(() => quantileBand([[1, 2], [1]]), /run 1 has 1 points/);
    assert.throws(() => quantileBand([]), /no runs/);
  });

  test('a band over one run collapses onto it', () => {
    const band = quantileBand([[3, 1, 4]]);
    assert.deepEqual(band.low, [3, 1, 4]);
    assert.deepEqual(band.high, [3, 1, 4]);
  });

  test('rolling means are trailing and keep the length', () => {
    assert.deepEqual(Array.from(rollingMean([2, 4, 6, 8], 2)), [2, 3, 5, 7]);
    assert.deepEqual(Array.from(rollingMean([5, 5, 5], 30)), [5, 5, 5]);
    assert.throws(() => rollingMean([1], 0), /positive integer/);
  });
});

describe('stacked shares', () => {
  const series = [
    { label: 'small', values: [1, 0, 0] },
    { label: 'big', values: [5, 0, 2] },
    { label: 'mid', values: [4, 0, 2] },
  ];

  test('largest first, the rest folded into others, each point sums to 1, empty points are 0', () => {
    const s = stackedShares(series, 2);
    assert.deepEqual(s.labels, ['big', 'mid', 'others']);
    assert.equal(s.hasOthers, true);
    assert.deepEqual(s.shares.map((row) => row[0]), [0.5, 0.4, 0.1]);
    assert.deepEqual(s.shares.map((row) => row[1]), [0, 0, 0]);
    close(s.shares.reduce((a, row) => a + row[2], 0), 1);
  });

  test('no others band when every series fits', () => {
    const s = stackedShares(series, 5);
    assert.equal(s.hasOthers, false);
    assert.equal(s.labels.length, 3);
  });

  test('the class shares of a run stack to 100% on days with proofs', () => {
    const fig = shareChart(classSeries(runs[0]), { title: 't', smoothDays: 1 });
    assert.equal(fig.data.length, scenario.provers.classes.length);
    for (let d = 0; d < 120; d++) {
      const total = fig.data.reduce((a, t) => a + (t.y![d] as number), 0);
      if (runs[0].daily.batches_proven[d] > 0) close(total, 1, 1e-9);
    }
  });
});

describe('Lorenz curves', () => {
  test('equal amounts lie on the diagonal, Gini 0', () => {
    const c = lorenzCurve([3, 3, 3, 3]);
    close(c.gini, 0);
    assert.deepEqual(c.valueShare, [0, 0.25, 0.5, 0.75, 1]);
  });

  test('one holder of everything among n: Gini (n-1)/n', () => {
    close(lorenzCurve([0, 0, 0, 0, 7]).gini, 4 / 5);
  });

  test('the curve runs from (0,0) to (1,1), never decreasing, whatever the input order', () => {
    const c = lorenzCurve([5, 1, 9, 0, 3]);
    assert.deepEqual([c.populationShare[0], c.valueShare[0]], [0, 0]);
    close(c.valueShare[c.valueShare.length - 1], 1);
    for (let i = 1; i < c.valueShare.length; i++) assert.ok(c.valueShare[i] >= c.valueShare[i - 1]);
    close(lorenzCurve([0, 1, 3, 5, 9]).gini, c.gini);
  });

  test('negative amounts are refused (profits are not a distribution)', () => {
    assert.throws(() => lorenzCurve([1, -1]), /non-negative/);
  });

  test('a run gives one curve per group plus the diagonal, labelled with its Gini', () => {
    const amounts = everActiveProverAmounts(runs[0]);
    assert.ok(amounts.length > 0);
    const fig = lorenzChart([{ label: 'seed 1', amounts }], { title: 't' });
    assert.equal(fig.data.length, 2);
    assert.match(String(fig.data[1].name), new RegExp(`Gini ${lorenzCurve(amounts).gini.toFixed(2)}`));
  });
});

describe('uncertainty bands over seeds', () => {
  test('band, band edge and median traces per series, x in years', () => {
    const fig = bandChart([{ label: 'active', runs: dailyRuns(runs, 'active_provers') }], { title: 't', yTitle: 'provers' });
    assert.equal(fig.data.length, 3);
    const [low, high, median] = fig.data;
    assert.equal(high.fill, 'tonexty');
    assert.equal(median.x!.length, 120);
    close(median.x![119] as number, 119 / 365);
    for (let d = 0; d < 120; d++) {
      const values = runs.map((r) => r.daily.active_provers[d]).sort((a, b) => a - b);
      assert.equal(median.y![d], values[1]);
      assert.ok((low.y![d] as number) <= (median.y![d] as number) && (median.y![d] as number) <= (high.y![d] as number));
    }
  });

  test('a single run draws just its line', () => {
    const fig = bandChart([{ label: 'one', runs: [runs[0].daily.hhi] }], { title: 't', yTitle: 'HHI' });
    assert.equal(fig.data.length, 1);
  });

  test('x values must match the series', () => {
    assert.throws(() => bandChart([{ label: 'a', runs: [[1, 2, 3]] }], { title: 't', yTitle: 'y', x: [0, 1] }), /2 x values for 3 points/);
  });
});

describe('mechanism comparison', () => {
  test('one bar per label and metric at the median, whiskers to the 5th and 95th percentiles', () => {
    const values = Array.from({ length: 101 }, (_, i) => i);
    const fig = comparisonChart(['race', 'centralized'], [
      { name: 'delay', unit: 'h', values: [values, values.map((v) => v * 2)] },
      { name: 'provers', values: [[4], [1]] },
    ], { title: 't' });
    assert.equal(fig.data.length, 4);
    const centralDelay = fig.data[1];
    assert.deepEqual(centralDelay.y, [100]);
    const err = centralDelay.error_y as { array: number[]; arrayminus: number[] };
    close(err.array[0], 190 - 100);
    close(err.arrayminus[0], 100 - 10);
    assert.equal(fig.data[2].error_y, undefined, 'single values get no whiskers');
    assert.equal(fig.data.filter((t) => t.showlegend).length, 2, 'each label in the legend once');
    assert.equal(fig.data[2].xaxis, 'x2');
  });

  test('panels tile the plotting area without overlapping', () => {
    const domains = [0, 1, 2].map((i) => panelDomain(i, 3, 0.08));
    close(domains[0][0], 0);
    close(domains[2][1], 1, 1e-6);
    for (let i = 1; i < 3; i++) assert.ok(domains[i][0] > domains[i - 1][1]);
  });

  test('from run summaries', () => {
    const fig = summaryComparisonChart(
      [{ label: 'race', summaries: runs.map(summarize) }],
      [{ key: 'activeProversLastYear', name: 'active provers' }, { key: 'p95FinalityDelayHours', name: 'p95 delay', unit: 'h' }],
      { title: 't' },
    );
    assert.equal(fig.data.length, 2);
    assert.equal(fig.data[0].y![0], quantile(runs.map((r) => summarize(r).activeProversLastYear), 0.5));
  });

  test('mismatched labels and values are refused', () => {
    assert.throws(() => comparisonChart(['a', 'b'], [{ name: 'm', values: [[1]] }], { title: 't' }), /values for 1 labels, expected 2/);
  });
});

describe('sweep heatmaps', () => {
  test('points become a sorted grid of medians; empty cells are NaN, then null in the figure', () => {
    const grid = gridFromPoints([
      { x: 10, y: 'b', value: 1 },
      { x: 2, y: 'a', value: 5 },
      { x: 2, y: 'a', value: 7 },
      { x: 2, y: 'a', value: 100 },
      { x: 10, y: 'a', value: 3 },
    ]);
    assert.deepEqual(grid.xValues, [2, 10]);
    assert.deepEqual(grid.yValues, ['a', 'b']);
    assert.deepEqual(grid.z[0], [7, 3]);
    assert.ok(Number.isNaN(grid.z[1][0]));
    const fig = sweepHeatmap(grid, { title: 't', xName: 'x', yName: 'y', metric: 'm' });
    assert.deepEqual(fig.data[0].z, [[7, 3], [null, 1]]);
    assert.deepEqual(fig.data[0].x, ['2', '10']);
  });

  test('a grid whose z does not match its axes is refused', () => {
    assert.throws(() => sweepHeatmap({ xValues: [1, 2], yValues: [1], z: [[1]] }, { title: 't', xName: 'x', yName: 'y', metric: 'm' }), /row 0 has 1 cells for 2 x values/);
    assert.throws(() => sweepHeatmap({ xValues: [1], yValues: [1, 2], z: [[1]] }, { title: 't', xName: 'x', yName: 'y', metric: 'm' }), /1 rows for 2 y values/);
  });
});

describe('finality histograms', () => {
  const h = { edgesHours: [0.1, 1, 10, 100, 1000], counts: [0, 3, 1, 0] };

  test('shares per bin sum to 1 over the occupied range, padded with one empty bin each side', () => {
    assert.deepEqual(occupiedBinRange([h]), [1, 2]);
    const fig = finalityHistogramChart([{ label: 'a', histogram: h }], { title: 't', deadlineHours: 2 });
    const y = fig.data[0].y as number[];
    assert.deepEqual(fig.data[0].x, [0.1, 1, 10, 100, 1000]);
    assert.deepEqual(y, [0, 0.75, 0.25, 0, 0]);
    const shapes = fig.layout.shapes as Array<{ x0: number }>;
    assert.equal(shapes[0].x0, 2);
  });

  test('cumulative shares end at 1', () => {
    const fig = finalityHistogramChart([{ label: 'a', histogram: h }], { title: 't', view: 'cumulative' });
    const y = fig.data[0].y as number[];
    close(y[y.length - 1], 1);
  });

  test('exceedance: the share taking at least each bin\'s lower edge, on a log axis that skips zeros', () => {
    const fig = finalityHistogramChart([{ label: 'a', histogram: h }], { title: 't', view: 'exceedance' });
    assert.deepEqual(fig.data[0].y, [1, 1, 0.25, null, null]);
    const yaxis = fig.layout.yaxis as { type: string; tickvals: number[]; ticktext: string[] };
    assert.equal(yaxis.type, 'log');
    // Decades only, as percentages; the time axis at round durations.
    assert.deepEqual(yaxis.ticktext, ['10%', '100%']);
    assert.deepEqual((fig.layout.xaxis as { ticktext: string[] }).ticktext, ['10 min', '1 h', '10 h', '1 day', '10 days']);
  });

  test('merging adds counts and refuses different bins', () => {
    assert.deepEqual(mergeHistograms([h, h]).counts, [0, 6, 2, 0]);
    assert.throws(() => mergeHistograms([h, { edgesHours: [1, 2], counts: [1] }]), /different bins/);
  });

  test('all-empty histograms give an empty chart with a note', () => {
    const fig = finalityHistogramChart([{ label: 'a', histogram: { edgesHours: [1, 2], counts: [0] } }], { title: 't' });
    assert.equal(fig.data.length, 0);
    assert.match(JSON.stringify(fig.layout.annotations), /no proven batches/);
  });

  test('a run\'s histogram charts as shares of its proven batches', () => {
    const fig = finalityHistogramChart(runs.map((r, i) => ({ label: `seed ${i + 1}`, histogram: r.finalityHistogram })), { title: 't' });
    for (const t of fig.data) close((t.y as number[]).slice(0, -1).reduce((a, v) => a + v, 0), 1, 1e-9);
  });
});

describe('figures are plain JSON with the theme', () => {
  const figures: Array<[string, Figure]> = [
    ['band', bandChart([{ label: 'a', runs: dailyRuns(runs, 'nakamoto_coefficient_30d', 7) }], { title: 't', yTitle: 'y' })],
    ['shares', shareChart(classSeries(runs[1], 'revenue_usd'), { title: 't' })],
    ['lorenz', lorenzChart([{ label: 'a', amounts: everActiveProverAmounts(runs[2]) }], { title: 't' })],
    ['comparison', summaryComparisonChart([{ label: 'a', summaries: runs.map(summarize) }], [{ key: 'wastedAttemptShare', name: 'w' }], { title: 't' })],
    ['heatmap', sweepHeatmap(gridFromPoints([{ x: 1, y: 1, value: 2 }]), { title: 't', xName: 'x', yName: 'y', metric: 'm' })],
    ['histogram', finalityHistogramChart([{ label: 'a', histogram: runs[0].finalityHistogram }], { title: 't', deadlineHours: 2 })],
  ];
  for (const [name, fig] of figures) {
    test(`${name}: no typed arrays, NaN or functions; titled and themed`, () => {
      assertPlainJson(fig);
      assert.deepEqual(JSON.parse(JSON.stringify(fig)).data.length, fig.data.length);
      assert.equal((fig.layout.title as { text: string }).text, 't');
      assert.ok(Array.isArray(fig.layout.colorway));
      assert.equal(fig.config?.displaylogo, false);
    });
  }

  test('colours with alpha', () => {
    assert.equal(withAlpha('#0072B2', 0.2), 'rgba(0,114,178,0.2)');
    assert.throws(() => withAlpha('blue', 0.2), /#rrggbb/);
  });
});

describe('figure HTML', () => {
  const fig: Figure = { data: [{ type: 'scatter', name: '</script><script>alert(1)</script>', x: [1], y: [2] }], layout: { height: 300 } };

  test('a self-contained snippet: the bundle once, then the div and its script', () => {
    const html = figureHtml(fig, { divId: 'f1' });
    assert.equal(html.split(`plotly.js v${plotlyVersion()}`).length - 1, 1);
    assert.ok(html.indexOf('<div id="f1"') > html.indexOf('plotly.js v'));
    assert.match(html, /min-height:300px/);
  });

  test('without the bundle on request', () => {
    assert.ok(!figureHtml(fig, { includePlotly: false }).includes('plotly.js v'));
  });

  test('labels cannot close the script or inject markup', () => {
    const html = figureHtml(fig, { includePlotly: false });
    assert.ok(!html.includes('<script>alert'));
    assert.equal(html.split('</script>').length - 1, 1, 'only the figure script\'s own end tag');
  });

  test('the inlined bundle cannot end its script early', () => {
    const script = plotlyBundleScript();
    assert.equal(script.toLowerCase().split('</script').length - 1, 1);
    assert.ok(!script.includes('<!--'));
    assert.equal(escapeInlineScript('"</SCRIPT>" "<!--"'), '"<\\/SCRIPT>" "<\\!--"');
  });

  test('div ids are checked and fresh ids differ', () => {
    assert.throws(() => figureHtml(fig, { divId: 'x" onload="alert(1)' }), /invalid div id/);
    const a = /id="([^"]+)"/.exec(figureHtml(fig, { includePlotly: false }))![1];
    const b = /id="([^"]+)"/.exec(figureHtml(fig, { includePlotly: false }))![1];
    assert.notEqual(a, b);
  });
});

describe('notebook helpers outside a kernel', () => {
  test('show() explains that it needs the tslab kernel', () => {
    assert.equal(inKernel(), false);
    assert.throws(() => show(bandChart([{ label: 'a', runs: [[1]] }], { title: 't', yTitle: 'y' })), /tslab kernel.*figureHtml/);
  });

  test('progress lines are silent outside a kernel and read well', () => {
    const p = progressDisplay(10);
    p.update(5);
    p.update(6, 12);
    p.finish();
    assert.equal(progressText(3, 12, 3000, { unit: 'runs', label: 'sweep' }), 'sweep: 3 / 12 runs, 25%, 3.0 s, about 9 s left');
    assert.equal(progressText(12, 12, 4000), '12 / 12, 100%, 4.0 s');
  });

  test('tables escape text and right-align numbers', () => {
    const html = tableHtml([{ name: '<b>x</b>', value: 1234.5678 }]);
    assert.match(html, /&lt;b&gt;x&lt;\/b&gt;/);
    assert.match(html, /text-align:right[^>]*>1,235</);
    assert.match(tableHtml({ columns: ['a'], values: [[1], [2]] }, 1), /1 more rows not shown/);
  });
});

describe('axes', () => {
  test('log axes are labelled at decades only, durations at round durations in the unit that reads best', () => {
    assert.deepEqual(logTicks(0.003, 0.4, 'number'), { tickvals: [0.01, 0.1], ticktext: ['0.01', '0.1'] });
    assert.deepEqual(logTicks(2e-4, 1, 'share').ticktext, ['0.1%', '1%', '10%', '100%']);
    // 11 s to 30 min: no "0.001 h".
    assert.deepEqual(logTicks(0.003, 0.5, 'durationHours').ticktext, ['1 min', '10 min']);
    assert.deepEqual(logTicks(0.5, 300, 'durationHours').ticktext, ['1 h', '10 h', '1 day', '10 days']);
    // A narrow range is widened until two ticks show.
    assert.deepEqual(logTicks(0.01, 0.05, 'durationHours').ticktext, ['10 s', '1 min']);
    assert.deepEqual(logTicks(3, 5, 'number').ticktext, ['1', '10']);
    for (const kind of ['number', 'share', 'durationHours'] as const) {
      const { tickvals } = logTicks(1e-5, 1e4, kind);
      // Never two ticks within the same 2x (plotly's "2" and "5" sub-ticks are gone).
      for (let i = 1; i < tickvals.length; i++) assert.ok(tickvals[i] / tickvals[i - 1] >= 2.4, `${kind}: ${tickvals[i - 1]} then ${tickvals[i]}`);
    }
    assert.equal(durationText(0.143 / 60), '8.58 s');
    assert.equal(durationText(72), '3 days');
    assert.deepEqual(durationUnit(0.3), { unit: 'minutes', perHour: 60 });
    assert.deepEqual(durationUnit(400), { unit: 'days', perHour: 1 / 24 });
  });

  test('a band chart of durations: a log axis at round durations, a linear one rescaled to its unit', () => {
    const runs = [[0.01, 0.02, 0.05], [0.012, 0.03, 0.04]];
    const log = bandChart([{ label: 'p95', runs }], { title: 't', yTitle: 'delay', yType: 'log', yKind: 'durationHours' });
    assert.deepEqual((log.layout.yaxis as { ticktext: string[] }).ticktext, ['10 s', '1 min']);
    const linear = bandChart([{ label: 'p95', runs }], { title: 't', yTitle: 'hours', yKind: 'durationHours' });
    assert.equal(((linear.layout.yaxis as { title: { text: string } }).title).text, 'minutes');
    const median = linear.data[linear.data.length - 1].y as number[];
    close(median[0], 0.011 * 60);
  });
});

describe('scorecards, shared scales', () => {
  test('a scorecard colours each cell by its rank in its column and prints its value', () => {
    assert.deepEqual(columnScores([1, 3, 2], 'higher'), [0, 1, 0.5]);
    assert.deepEqual(columnScores([1, 3, NaN], 'lower'), [1, 0, null]);
    assert.deepEqual(columnScores([5, 7], undefined), [0.5, 0.5]);
    const fig = scorecardChart(['race', 'auction'], [
      { name: 'Nakamoto coefficient', values: [4, 1], better: 'higher', format: (v) => v.toFixed(1) },
      { name: 'fee', values: [20, 1], format: (v) => `$${v}` },
    ], { title: 't' });
    assertPlainJson(fig);
    const t = fig.data[0];
    // Rows read top down: plotly's first row is the bottom one.
    assert.deepEqual(t.y, ['auction', 'race']);
    assert.deepEqual(t.z, [[0, 0.5], [1, 0.5]]);
    assert.deepEqual(t.text, [['1.0', '$1'], ['4.0', '$20']]);
  });

  test('panels of one scale group share a y range; heatmaps shown together share a colour range', () => {
    const fig = comparisonChart(['a', 'b'], [
      { name: 'big', values: [[100], [200]], scaleGroup: 'usd' },
      { name: 'small', values: [[1], [-2]], scaleGroup: 'usd' },
      { name: 'count', values: [[3], [4]] },
    ], { title: 't' });
    const r1 = (fig.layout.yaxis as { range: number[] }).range;
    const r2 = (fig.layout.yaxis2 as { range: number[] }).range;
    assert.deepEqual(r1, r2);
    assert.ok(r1[0] < -2 && r1[1] > 200);
    assert.equal((fig.layout.yaxis3 as { range?: number[] }).range, undefined);
    const g1 = { xValues: [1], yValues: [1], z: [[2]] };
    const g2 = { xValues: [1], yValues: [1], z: [[NaN, 9]] };
    assert.deepEqual(heatmapRange([g1, g2]), [2, 9]);
    const h = sweepHeatmap(g1, { title: 't', xName: 'x', yName: 'y', metric: 'm', zRange: [0, 9] });
    assert.equal(h.data[0].zmin, 0);
    assert.equal(h.data[0].zmax, 9);
  });
});
