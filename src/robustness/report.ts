/**
 * The words of a robustness run for delegates: one line per claim (its verdict at the baseline, and
 * for each assumption that flips it where it holds and where it fails), a compact table of every
 * claim at every value, and claims.md around them. The README's comparison section reuses the
 * claim lines.
 */
import type { Claim, ClaimOutcome } from './claims';
import type { AssumptionVerdict, ClaimVerdict, ValueVerdict } from './evaluate';
import { thousands } from './format';
import { CLAIM_METRICS } from './metrics';
import type { PlannedAssumption, PlannedValue, RobustnessPlan } from './plan';

/** What the texts say about the run besides the verdicts (from the plan, or a folder's manifest). */
export interface RobustnessMeta {
  scenarioName: string;
  scenarioRef: string;
  days: number;
  seeds: number[];
  mechanisms: string[];
  assumptions: PlannedAssumption[];
  claims: Claim[];
  skippedClaims: RobustnessPlan['skippedClaims'];
  /** Settings run (the baseline and every value that changes something). */
  settings: number;
  /** Distinct simulations run. */
  distinctRuns: number;
  assumptionsFile: string;
  claimsFile: string;
  command: string;
  version: string;
  gitCommit: string;
}

const HOLDS = '✓';
const FAILS = '✗';
const NOT_APPLICABLE = '·';

/** A statistic as a delegate reads it: a value, a signed difference (shares in points), or a ratio. */
export function statisticText(c: Claim, x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (c.statistic === 'ratio') return `${Number(x.toPrecision(3))}x`;
  const info = CLAIM_METRICS[c.metric];
  if (c.statistic === 'value' || x === 0) return info.format(x);
  const sign = x < 0 ? '-' : '+';
  if (info.share && CLAIM_METRICS[c.rightMetric].share) return `${sign}${(100 * Math.abs(x)).toFixed(1)} pp`;
  return `${sign}${info.format(Math.abs(x))}`;
}

function bandText(c: Claim, o: ClaimOutcome): string {
  return `${statisticText(c, o.median)} [${statisticText(c, o.p5)}, ${statisticText(c, o.p95)}]`;
}

/** What the statistic is, in words: "two-step minus race in Nakamoto coefficient (30 d, last year)". */
export function statisticLabel(c: Claim): string {
  const metric = CLAIM_METRICS[c.metric].label;
  if (c.statistic === 'value') return `${c.left}'s ${metric}`;
  const right = c.rightMetric === c.metric ? c.right : `${c.right}'s ${CLAIM_METRICS[c.rightMetric].label}`;
  return `${c.left}${c.rightMetric === c.metric ? '' : `'s ${metric}`} ${c.statistic === 'ratio' ? '/' : 'minus'} ${right}${c.rightMetric === c.metric ? ` in ${metric}` : ''}`;
}

/** "0.1-0.25 log-sd", "exponential", "600 x proving cost and never": a run of consecutive values. */
function valuesText(a: PlannedAssumption, values: readonly PlannedValue[]): string {
  const numbers = values.filter((v) => typeof v.value === 'number');
  const cases = values.filter((v) => typeof v.value !== 'number').map((v) => v.label);
  const parts: string[] = [];
  if (numbers.length) {
    const span = numbers.length === 1 ? numbers[0].label : `${numbers[0].label}-${numbers[numbers.length - 1].label}`;
    parts.push(a.unit ? `${span} ${a.unit}` : span);
  }
  return [...parts, ...cases].join(' and ');
}

/** Consecutive runs of values with the same verdict, in the assumption's order. */
function runsOfVerdict(a: AssumptionVerdict): ValueVerdict[][] {
  const groups: ValueVerdict[][] = [];
  for (const v of a.values) {
    const last = groups[groups.length - 1];
    if (last && last[0].outcome.holds === v.outcome.holds) last.push(v);
    else groups.push([v]);
  }
  return groups;
}

/** "proof-time spread: holds at 0.1-0.25 log-sd (+6.2 to +5.0), fails at exponential (-0.3)". */
function flipText(c: Claim, a: AssumptionVerdict): string {
  const parts = runsOfVerdict(a).map((g) => {
    const first = statisticText(c, g[0].outcome.median);
    const medians = g.length === 1 ? first : `${first} to ${statisticText(c, g[g.length - 1].outcome.median)}`;
    return `${g[0].outcome.holds ? 'holds' : 'fails'} at ${valuesText(a.assumption, g.map((x) => x.value))} (${medians})`;
  });
  return `${a.assumption.label}: ${parts.join(', ')}`;
}

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

/**
 * One line per claim: its verdict at the baseline with the statistic's median and band, then for
 * each assumption that flips it the values where it holds and where it fails (with the medians);
 * over the other assumptions' whole ranges it keeps the baseline's verdict.
 */
export function claimLine(v: ClaimVerdict): string {
  const c = v.claim;
  const b = v.baseline;
  const flipping = v.assumptions.filter((a) => a.applies && a.values.some((x) => x.outcome.holds !== b.holds));
  const verdict = b.holds ? 'Holds' : 'Fails';
  const parts = [
    `${b.holds ? HOLDS : FAILS} **${sentence(c.text)}**`,
    `${verdict} at the baseline: ${statisticLabel(c)} ${bandText(c, b)}, true on ${b.seedsHolding} of ${b.seeds} seeds.`,
  ];
  if (flipping.length === 0) parts.push(`${verdict} over the whole tested range of every assumption.`);
  else parts.push(`Flips with ${flipping.map((a) => flipText(c, a)).join('; ')}. ${verdict} over the whole range of the other assumptions.`);
  return parts.join(' ');
}

/** The compact table: a row per claim, a column per assumption, a mark per value (baseline in brackets). */
export function claimsTable(verdicts: readonly ClaimVerdict[], assumptions: readonly PlannedAssumption[]): string {
  const head = ['claim', 'baseline', ...assumptions.map((a) => a.label)];
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const v of verdicts) {
    const cells = v.assumptions.map((a) =>
      a.applies ? a.values.map((x) => (x.value.baseline ? `(${mark(x.outcome.holds)})` : mark(x.outcome.holds))).join(' ') : NOT_APPLICABLE,
    );
    lines.push(`| ${v.claim.id} | ${mark(v.baseline.holds)} ${statisticText(v.claim, v.baseline.median)} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

const mark = (holds: boolean) => (holds ? HOLDS : FAILS);

/** "proof-time spread: 0.1, (0.15), 0.25, exponential" for the legend. */
function valuesLegend(a: PlannedAssumption): string {
  const list = a.values.map((v) => (v.baseline ? `(${v.label})` : v.label)).join(', ');
  return `${a.label}: ${list}${a.unit ? ` ${a.unit}` : ''}`;
}

/** The header of the run: what was compared, how often, and how a claim is decided. */
export function runDescription(meta: RobustnessMeta): string {
  const seeds = meta.seeds.length === 1 ? `seed ${meta.seeds[0]}` : `seeds ${meta.seeds[0]}-${meta.seeds[meta.seeds.length - 1]}`;
  return [
    `Each claim was checked at the baseline (the \`${meta.scenarioName}\` scenario as it stands, ${thousands(meta.days)} days) and with one assumption at a time moved over its documented range (${meta.assumptionsFile}), every mechanism on the same ${meta.seeds.length} ${meta.seeds.length === 1 ? 'seed' : 'seeds'} (${seeds}; common random numbers): ${meta.mechanisms.length} mechanisms, ${meta.settings} settings, ${thousands(meta.distinctRuns)} distinct runs.`,
    'A claim holds at a setting when the median over seeds of its statistic is on the claimed side: between two mechanisms, the paired difference left minus right on the same seed (or their ratio where the claim says so); against a number, the mechanism\'s own value. Brackets give the 5%-95% range over seeds.',
  ].join(' ');
}

/** claims.md: the verdict lines, the table with its legend, the assumptions' sources, how to reproduce. */
export function claimsMarkdown(meta: RobustnessMeta, verdicts: readonly ClaimVerdict[]): string {
  const out = [`# Which conclusions survive their assumptions: ${meta.scenarioName}`, '', runDescription(meta), '', '## Claims', ''];
  verdicts.forEach((v, i) => out.push(`${i + 1}. ${claimLine(v)}`));
  if (meta.skippedClaims.length) {
    out.push('', `Not checked (a mechanism they compare was not run): ${meta.skippedClaims.map((s) => `${s.id} (${s.missing.join(', ')})`).join('; ')}.`);
  }
  out.push('', '## Every claim at every value', '', claimsTable(verdicts, meta.assumptions), '');
  out.push(`${HOLDS} holds, ${FAILS} fails (on the median over seeds); ${NOT_APPLICABLE}: the assumption does not change the mechanisms the claim compares. Marks follow each assumption's values in order, the baseline in brackets:`);
  out.push('', ...meta.assumptions.map((a) => `- ${valuesLegend(a)}. ${a.rangeText ? `Range: ${a.rangeText}.` : ''}`.trimEnd()));
  out.push('', `Reproduce: \`${meta.command}\` (prover-sim ${meta.version}, commit ${meta.gitCommit}); every run's numbers are in runs.csv, every verdict in claims.csv.`, '');
  return out.join('\n');
}
