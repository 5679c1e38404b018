/**
 * Claims as data (data/robustness/claims.json, one claim a line): each one a statement of the
 * comparison's conclusions, made checkable: a summary metric of one mechanism against the same (or
 * another) metric of a second mechanism, or against a number. Evaluated seed by seed on common
 * random numbers: the paired difference (or ratio) of the two mechanisms on the same seed.
 */
import * as path from 'path';
import { z } from 'zod';
import { MECHANISM_NAMES } from '../compare/variants';
import { PROJECT_ROOT } from '../io/paths';
import { quantile } from '../stats';
import { RobustnessError } from './errors';
import { readDataFile } from './input';
import { CLAIM_METRIC_NAMES, isClaimMetric, type ClaimMetric } from './metrics';

/** The shipped claims. */
export const DEFAULT_CLAIMS_FILE = path.join(PROJECT_ROOT, 'data', 'robustness', 'claims.json');

export const CLAIM_OPS = ['>', '<', '>=', '<='] as const;
export type ClaimOp = (typeof CLAIM_OPS)[number];

const claimSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    /** The statement, as a delegate would quote it. */
    text: z.string().min(1),
    /** A key of the comparison summary (summary.json). */
    metric: z.string(),
    /** The mechanism the statement is about. */
    left: z.string(),
    op: z.enum(CLAIM_OPS),
    /** Another mechanism (a paired comparison) or a number (a threshold on the left mechanism's metric). */
    right: z.union([z.string(), z.number().finite()]),
    /** The right mechanism's metric when it differs from `metric` (e.g. slashed value vs profit). */
    rightMetric: z.string().optional(),
    /** Between two mechanisms: compare left - right (default) or left / right. */
    measure: z.enum(['difference', 'ratio']).default('difference'),
    /** What the difference or ratio is compared with (default 0 for a difference, 1 for a ratio). */
    threshold: z.number().finite().optional(),
  })
  .strict();

const fileSchema = z
  .object({
    about: z.string().optional(),
    claims: z.array(claimSchema).min(1),
  })
  .strict();

export type ClaimsInput = z.input<typeof fileSchema>;
type ClaimSpec = z.output<typeof claimSchema>;

export interface Claim extends Omit<ClaimSpec, 'metric' | 'rightMetric' | 'threshold'> {
  metric: ClaimMetric;
  /** The metric read from the right mechanism (the same as `metric` unless the claim says otherwise). */
  rightMetric: ClaimMetric;
  /** What the statistic is compared with. */
  threshold: number;
  /** "value" (a threshold claim), "difference" or "ratio": what the statistic of a seed is. */
  statistic: 'value' | 'difference' | 'ratio';
}

export interface ClaimsFile {
  source: string;
  about?: string;
  claims: Claim[];
}

/** Reads and checks a claims file (or object); every problem is a one-line RobustnessError. */
export function loadClaims(input: string | ClaimsInput = DEFAULT_CLAIMS_FILE): ClaimsFile {
  const { source, data } = readDataFile(input, 'claims', 'claims', fileSchema);
  const ids = new Set<string>();
  const claims = data.claims.map((c) => {
    const where = `claims ${source}: "${c.id}"`;
    if (ids.has(c.id)) throw new RobustnessError(`${where}: id given twice`);
    ids.add(c.id);
    return checkClaim(c, where);
  });
  return { source, about: data.about, claims };
}

function checkClaim(c: ClaimSpec, where: string): Claim {
  const metric = (field: string, name: string): ClaimMetric => {
    if (!isClaimMetric(name)) throw new RobustnessError(`${where}: ${field} "${name}": not a number of the comparison summary (allowed: ${CLAIM_METRIC_NAMES.join(', ')})`);
    return name;
  };
  const mechanism = (field: string, name: string) => {
    if (!MECHANISM_NAMES.includes(name)) throw new RobustnessError(`${where}: ${field} "${name}": unknown mechanism (allowed: ${MECHANISM_NAMES.join(', ')})`);
  };
  const m = metric('metric', c.metric);
  mechanism('left', c.left);
  if (typeof c.right === 'number') {
    if (c.rightMetric !== undefined || c.threshold !== undefined || c.measure !== 'difference') {
      throw new RobustnessError(`${where}: right is a number (a threshold), so rightMetric, measure and threshold do not apply; compare with a mechanism to use them`);
    }
    return { ...c, metric: m, rightMetric: m, threshold: c.right, statistic: 'value' };
  }
  mechanism('right', c.right);
  const rightMetric = c.rightMetric === undefined ? m : metric('rightMetric', c.rightMetric);
  if (c.right === c.left && rightMetric === m) throw new RobustnessError(`${where}: compares ${c.left}'s ${m} with itself; name another mechanism or a rightMetric`);
  return { ...c, metric: m, rightMetric, threshold: c.threshold ?? (c.measure === 'ratio' ? 1 : 0), statistic: c.measure };
}

/** The mechanisms a claim reads. */
export function claimMechanisms(c: Claim): string[] {
  return typeof c.right === 'number' || c.right === c.left ? [c.left] : [c.left, c.right];
}

/** The claim's statistic on one seed: the left value, or its difference or ratio to the right one. */
export function claimStatistic(c: Claim, left: number, right: number): number {
  if (c.statistic === 'value') return left;
  if (c.statistic === 'difference') return left - right;
  return right === 0 ? (left === 0 ? NaN : Infinity * Math.sign(left)) : left / right;
}

/** Whether a statistic is on the claimed side of the threshold. */
export function holdsAt(c: Claim, statistic: number): boolean {
  if (Number.isNaN(statistic)) return false;
  switch (c.op) {
    case '>':
      return statistic > c.threshold;
    case '<':
      return statistic < c.threshold;
    case '>=':
      return statistic >= c.threshold;
    case '<=':
      return statistic <= c.threshold;
  }
}

/** The claim over seeds: the median and 5-95% band of its statistic, and whether the median holds. */
export interface ClaimOutcome {
  median: number;
  p5: number;
  p95: number;
  holds: boolean;
  /** Seeds on which the claim holds (a claim holding on the median may fail on some seeds). */
  seedsHolding: number;
  seeds: number;
}

/**
 * Decides a claim from its per-seed statistics: it holds when the median over seeds is on the
 * claimed side (for a strict comparison, when it holds on more than half of the seeds); the band
 * says how far the seeds spread. Seeds whose ratio is undefined (0 / 0) are left out of the band.
 */
export function claimOutcome(c: Claim, statistics: readonly number[]): ClaimOutcome {
  const median = quantile(statistics, 0.5);
  return {
    median,
    p5: quantile(statistics, 0.05),
    p95: quantile(statistics, 0.95),
    holds: holdsAt(c, median),
    seedsHolding: statistics.filter((s) => holdsAt(c, s)).length,
    seeds: statistics.length,
  };
}
