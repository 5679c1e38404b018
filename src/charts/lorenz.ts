/**
 * Lorenz curves: how unequally rewards (or proofs, or hardware) are spread over provers. The
 * diagonal is perfect equality; the further below it, the more concentrated.
 */
import type { RunResult } from '../model';
import type { Figure, Trace } from './figure';
import { axisStyle, seriesColor, themedConfig, themedLayout } from './theme';

export interface LorenzCurve {
  /** Cumulative share of holders, from 0 to 1, poorest first. */
  populationShare: number[];
  /** Cumulative share of the amount they hold, from 0 to 1. */
  valueShare: number[];
  /** Gini coefficient: 1 - 2 x the area under the curve (0 equal, (n-1)/n all held by one). */
  gini: number;
}

/** The Lorenz curve and Gini coefficient of non-negative amounts. */
export function lorenzCurve(amounts: ArrayLike<number>): LorenzCurve {
  const sorted = Float64Array.from(amounts);
  for (const v of sorted) {
    if (!(v >= 0)) throw new RangeError(`lorenzCurve: amounts must be non-negative numbers (got ${v}); use rewards or proofs, not profits`);
  }
  sorted.sort();
  const n = sorted.length;
  const total = sorted.reduce((a, v) => a + v, 0);
  const populationShare = [0];
  const valueShare = [0];
  if (n === 0 || total === 0) return { populationShare: [0, 1], valueShare: [0, 1], gini: 0 };
  let cumulative = 0;
  let area = 0;
  for (let i = 0; i < n; i++) {
    const before = cumulative / total;
    cumulative += sorted[i];
    const after = cumulative / total;
    populationShare.push((i + 1) / n);
    valueShare.push(after);
    area += (before + after) / (2 * n);
  }
  return { populationShare, valueShare, gini: 1 - 2 * area };
}

/**
 * Per-prover amounts of a run, for provers that were ever active (those that never entered hold
 * nothing by construction and would only stretch the curve).
 */
export function everActiveProverAmounts(result: RunResult, field: 'rewardValueUsd' | 'proofsWon' | 'units' = 'rewardValueUsd'): Float64Array {
  const p = result.provers;
  const out: number[] = [];
  for (let i = 0; i < p.id.length; i++) if (p.daysActive[i] > 0) out.push(p[field][i]);
  return Float64Array.from(out);
}

/** Lorenz curves of several groups (runs, mechanisms) on one chart, each labelled with its Gini. */
export function lorenzChart(groups: ReadonlyArray<{ label: string; amounts: ArrayLike<number> }>, options: { title: string; holders?: string; amount?: string }): Figure {
  const holders = options.holders ?? 'provers';
  const amount = options.amount ?? 'rewards';
  const data: Trace[] = [
    { type: 'scatter', mode: 'lines', name: 'perfect equality', x: [0, 1], y: [0, 1], line: { color: '#9e9e9e', dash: 'dash', width: 1 }, hoverinfo: 'skip' },
  ];
  groups.forEach((g, i) => {
    const curve = lorenzCurve(g.amounts);
    data.push({
      type: 'scatter', mode: 'lines', name: `${g.label} (Gini ${curve.gini.toFixed(2)}, ${g.amounts.length} ${holders})`,
      x: curve.populationShare, y: curve.valueShare, line: { color: seriesColor(i), width: 2, shape: 'linear' },
      hovertemplate: `poorest %{x:.0%} of ${holders} hold %{y:.1%} of ${amount}<extra>${g.label}</extra>`,
    });
  });
  return {
    data,
    layout: themedLayout(options.title, {
      xaxis: { ...axisStyle(`cumulative share of ${holders} (smallest first)`), tickformat: '.0%', range: [0, 1] },
      yaxis: { ...axisStyle(`cumulative share of ${amount}`), tickformat: '.0%', range: [0, 1] },
    }),
    config: themedConfig(),
  };
}
