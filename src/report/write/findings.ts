/**
 * The summary of findings: sentences written from the numbers (which way they point, what crossed
 * a threshold, what differs between scenarios and whether the difference exceeds the spread of the
 * seeds), never canned text. Each finding keeps the numbers it prints, so summary.json holds them.
 */
import { plainText, type Inline } from './document';
import { formatQuantity, type QuantityKind } from './format';
import { classProfitMetric, HEADLINE_METRICS, type HeadlineMetric, type HeadlineValues } from '../measure/metrics';
import { overlaps, type Interval } from '../measure/stats';

/** A number printed in a finding, and where it comes from. */
export interface FindingValue {
  value: number;
  kind: QuantityKind;
  /** The headline statistic it is (metric key and statistic), when it is one. */
  metric?: string;
  stat?: 'median' | 'p5' | 'p95' | 'mean';
  /** For numbers that are not a headline statistic: what they are. */
  note?: string;
}

export interface Finding {
  text: Inline[];
  /** Every number printed in `text`, in order. */
  values: FindingValue[];
}

/** A finding as summary.json holds it: its plain text and its numbers. */
export function findingJson(f: Finding): { text: string; values: FindingValue[] } {
  return { text: plainText(f.text), values: f.values };
}

/** Builds one finding: text pieces and printed numbers together (the sweep report's findings too). */
export class FindingWriter {
  readonly text: Inline[] = [];
  readonly values: FindingValue[] = [];
  say(...parts: Inline[]): this {
    this.text.push(...parts);
    return this;
  }
  /**
   * A printed number with what it is: a note for one that is not a headline statistic (a count of
   * seeds, a ratio), and the metric and statistic it is when it is one.
   */
  num(value: number, kind: QuantityKind, note: string, metric?: string, stat?: FindingValue['stat']): this {
    const v: FindingValue = { value, kind, note };
    if (metric !== undefined) v.metric = metric;
    if (stat !== undefined) v.stat = stat;
    this.values.push(v);
    this.text.push(formatQuantity(value, kind));
    return this;
  }
  done(): Finding {
    return { text: this.text, values: this.values };
  }
}

/** A finding of a scenario report, which can also print its headline statistics. */
class Sentence extends FindingWriter {
  /** A headline statistic of `stats`. */
  stat(stats: Record<string, Interval>, key: string, stat: 'median' | 'p5' | 'p95' | 'mean' = 'median', kind = metric(key).kind): this {
    const value = stats[key][stat];
    this.values.push({ value, kind, metric: key, stat });
    this.text.push(formatQuantity(value, kind));
    return this;
  }
  /** "a to b": the 5-95% interval of a headline statistic (one number when both ends print alike). */
  range(stats: Record<string, Interval>, key: string): this {
    const kind = metric(key).kind;
    const i = stats[key];
    if (formatQuantity(i.p5, kind) === formatQuantity(i.p95, kind)) return this.stat(stats, key, 'p5');
    return this.stat(stats, key, 'p5').say(' to ').stat(stats, key, 'p95');
  }
}

const metric = (key: string): HeadlineMetric => {
  if (key.startsWith('profitUsd.')) return classProfitMetric(key.slice('profitUsd.'.length), '');
  const found = HEADLINE_METRICS.find((x) => x.key === key);
  if (!found) throw new Error(`unknown headline metric ${key}`);
  return found;
};

/** What a single scenario's runs say. */
export interface ScenarioFacts {
  seeds: number;
  days: number;
  deadlineHours: number;
  stats: Record<string, Interval>;
  /** Per-seed values, for "in every seed" statements. */
  values: readonly HeadlineValues[];
  classes: Array<{ id: string; label: string }>;
}

/** Whether a headline number is zero in every seed (a missing key is a bug, not a zero). */
const allZero = (values: readonly HeadlineValues[], key: string) =>
  values.every((v) => {
    if (!(key in v)) throw new Error(`headline value ${key} is not computed`);
    return v[key] === 0;
  });

/** Findings of one scenario over its seeds. */
export function scenarioFindings(f: ScenarioFacts): Finding[] {
  const s = f.stats;
  const out: Finding[] = [];
  const years = f.days / 365;
  const spread = f.seeds > 1;

  // Decentralization: how many take part, and how concentrated the work and rewards are.
  const active = new Sentence().say('Over the last year of the run, ').stat(s, 'activeProversLastYear').say(' provers were active on a typical day');
  if (spread) active.say(' (median of ').num(f.seeds, 'count', 'seeds').say(' seeds; 5-95%: ').range(s, 'activeProversLastYear').say(')');
  active.say('. The largest prover earned ').stat(s, 'top1RewardShare30dLastYear').say(' of prover rewards over 30-day windows, and ');
  if (s.nakamoto30dLastYear.median <= 1) active.say('a single prover produced more than half of the proofs (Nakamoto coefficient ').stat(s, 'nakamoto30dLastYear').say(').');
  else active.say('it took ').stat(s, 'nakamoto30dLastYear').say(' provers together to produce more than half of the proofs (Nakamoto coefficient).');
  out.push(active.done());

  if (years > 1) {
    const first = s.activeProversFirstYear.median;
    const last = s.activeProversLastYear.median;
    const trend = new Sentence();
    if (Math.abs(last - first) < 0.05 * Math.max(first, last, 1)) {
      trend.say('The number of active provers stayed about the same from the first year (').stat(s, 'activeProversFirstYear').say(') to the last (').stat(s, 'activeProversLastYear').say(').');
    } else {
      trend.say(`Active provers ${last > first ? 'rose' : 'fell'} from `).stat(s, 'activeProversFirstYear').say(' in the first year to ').stat(s, 'activeProversLastYear').say(' in the last');
      if (first > 0 && last > 0) trend.say(' (x').num(last / first, 'index', 'ratio of the last to the first year\'s median').say(')');
      trend.say('.');
    }
    out.push(trend.done());
  }

  // Finality: the worst a prover can do is delay.
  const fin = new Sentence().say('Finality: batches were proven after ').stat(s, 'meanFinalityDelayHours').say(' on average, most within ').stat(s, 'p95FinalityDelayHours').say(' (95th percentile), and the longest delay was ').stat(s, 'maxFinalityDelayHours');
  if (spread && s.maxFinalityDelayHours.p95 > s.maxFinalityDelayHours.p5) fin.say(' (5-95% over seeds: ').range(s, 'maxFinalityDelayHours').say(')');
  if (allZero(f.values, 'missedDeadlineShare')) fin.say('. No batch missed the ').num(f.deadlineHours, 'hours', 'finality.deadlineHours').say(` deadline in ${spread ? 'any seed' : 'the run'}.`);
  else if (s.missedDeadlineShare.median === 0) fin.say('. In the median seed no batch missed the ').num(f.deadlineHours, 'hours', 'finality.deadlineHours').say(' deadline; in the worst 5% of seeds, ').stat(s, 'missedDeadlineShare', 'p95').say(' did.');
  else fin.say('. ').stat(s, 'missedDeadlineShare').say(' of batches missed the ').num(f.deadlineHours, 'hours', 'finality.deadlineHours').say(' deadline.');
  if (!allZero(f.values, 'missedBatches')) fin.say(' ').stat(s, 'missedBatches').say(' batches were never proven.');
  out.push(fin.done());

  // Money: who earns, and does proving pay.
  const revenue = s.proverRevenueUsd.median;
  const profit = s.proverProfitUsd.median;
  const money = new Sentence().say('Provers earned ').stat(s, 'proverRevenueUsd').say(' and spent ').stat(s, 'proverCostUsd').say(' over ');
  if (years >= 1) money.num(Number(years.toFixed(1)), 'count', 'years simulated').say(Number(years.toFixed(1)) === 1 ? ' year' : ' years');
  else money.num(f.days, 'count', 'days simulated').say(' days');
  money.say(profit >= 0 ? ', a net profit of ' : ', a net result of ').stat(s, 'proverProfitUsd');
  if (revenue > 0) money.say(' (').num(profit / revenue, 'share', 'median profit over median revenue').say(' of revenue)');
  money.say('; tokenholders received ').stat(s, 'tokenholderIncomeUsd').say('.');
  out.push(money.done());

  const winners = f.classes.filter((c) => s[`profitUsd.${c.id}`]?.median > 0);
  const losers = f.classes.filter((c) => s[`profitUsd.${c.id}`]?.median < 0);
  if (winners.length || losers.length) {
    const cls = new Sentence();
    const list = (group: typeof winners) =>
      group.forEach((c, i) => {
        cls.say(i === 0 ? '' : ', ', c.label || c.id, ' (').stat(s, `profitUsd.${c.id}`, 'median', 'usd').say(')');
      });
    if (winners.length) {
      cls.say(winners.length === 1 ? 'In profit over the run: ' : 'Classes in profit over the run: ');
      list(winners);
      cls.say(losers.length ? '; ' : '.');
    }
    if (losers.length) {
      cls.say(losers.length === 1 ? 'at a loss: ' : 'at a loss: ');
      list(losers);
      cls.say('.');
    }
    out.push(cls.done());
  }

  // Waste and entry: the cost of racing, and permissionlessness apart from concentration.
  const waste = new Sentence();
  if (allZero(f.values, 'wastedAttemptShare')) waste.say('No proving work was wasted: every attempt won its batch. ');
  else waste.stat(s, 'wastedAttemptShare').say(' of proof attempts did not win their batch: work paid for by the provers who made it. ');
  if (s.entryCapitalUsdEnd.median === 0) waste.say('At the end, a newcomer could start proving without up-front capital (rented hardware, no stake).');
  else waste.say('At the end, a newcomer needed at least ').stat(s, 'entryCapitalUsdEnd').say(' of capital to start proving.');
  out.push(waste.done());

  // Where the seeds disagree, say so rather than let a median look precise.
  if (spread) {
    const wide = ['activeProversLastYear', 'nakamoto30dLastYear', 'top1RewardShare30dLastYear', 'p95FinalityDelayHours', 'proverProfitUsd'].filter((k) => {
      const i = s[k];
      return Number.isFinite(i.median) && Math.abs(i.p95 - i.p5) > 0.5 * Math.max(Math.abs(i.median), 1e-9);
    });
    const note = new Sentence();
    if (wide.length) note.say(`Seeds disagree widely on: ${wide.map((k) => metric(k).short).join('; ')}. Read those medians with their intervals.`);
    else note.say('The seeds agree closely: each key number\'s 5-95% interval is narrower than half its median.');
    if (f.seeds < 10) note.say(' With ').num(f.seeds, 'count', 'seeds').say(' seeds the interval is rough; use --seeds 20 or more before deciding on it.');
    out.push(note.done());
  }
  return out;
}

/** One scenario of a comparison: its label, per-seed values and their intervals. */
export interface ComparedVariant {
  label: string;
  values: readonly HeadlineValues[];
  stats: Record<string, Interval>;
}

/** The metrics a comparison's summary talks about. */
const COMPARED = ['activeProversLastYear', 'nakamoto30dLastYear', 'top1RewardShare30dLastYear', 'p95FinalityDelayHours', 'maxFinalityDelayHours', 'missedDeadlineShare', 'wastedAttemptShare', 'costPerProofUsd', 'proverProfitUsd', 'tokenholderIncomeUsd', 'entryCapitalUsdEnd'];

/**
 * Findings of a comparison: for each metric, the best and worst scenario, how far apart they are,
 * and in how many seeds the order holds (seeds are paired: same population and environment).
 */
export function comparisonFindings(variants: readonly ComparedVariant[]): Finding[] {
  const out: Finding[] = [];
  const same: string[] = [];
  for (const key of COMPARED) {
    const m = metric(key);
    const perSeed = variants.map((v) => v.values.map((x) => x[key]));
    if (perSeed.every((xs) => xs.every((x) => !Number.isFinite(x)))) continue;
    if (perSeed.every((xs) => sameNumbers(xs, perSeed[0]))) {
      same.push(m.label);
      continue;
    }
    // Medians first; where they tie (rare events: zero in most seeds), the means still differ.
    const medians = variants.map((v) => v.stats[key].median);
    const stat: 'median' | 'mean' = medians.every((x) => x === medians[0]) ? 'mean' : 'median';
    const centre = variants.map((v) => v.stats[key][stat]);
    const order = variants.map((_, i) => i).sort((a, b) => centre[b] - centre[a]);
    const [hi, lo] = [order[0], order[order.length - 1]];
    const [best, worst] = m.better === 'lower' ? [lo, hi] : [hi, lo];
    const a = variants[best];
    const b = variants[worst];
    const sentence = new Sentence().say(`${m.label}${stat === 'mean' ? ` (median ${formatQuantity(medians[0], m.kind)} everywhere; by the mean over seeds)` : ''}: `);
    if (stat === 'mean') sentence.values.push({ value: medians[0], kind: m.kind, metric: key, stat: 'median' });
    sentence.say(m.better ? 'best in ' : 'highest in ', { strong: a.label }, ' (').stat(a.stats, key, stat);
    sentence.say(m.better ? '), worst in ' : '), lowest in ', { strong: b.label }, ' (').stat(b.stats, key, stat).say(')');
    const seeds = Math.min(a.values.length, b.values.length);
    if (seeds > 1) {
      let agree = 0;
      for (let k = 0; k < seeds; k++) if (centre[best] > centre[worst] ? a.values[k][key] > b.values[k][key] : a.values[k][key] < b.values[k][key]) agree++;
      sentence.say('; the order holds in ').num(agree, 'count', 'paired seeds in that order').say(' of ').num(seeds, 'count', 'seeds').say(' paired seeds');
      sentence.say(overlaps(a.stats[key], b.stats[key]) ? ' and the 5-95% intervals overlap.' : ' and the 5-95% intervals do not overlap.');
    } else sentence.say('.');
    out.push(sentence.done());
  }
  if (same.length) out.push(new Sentence().say(`The same in every scenario: ${same.join('; ')}.`).done());
  return out;
}

const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
