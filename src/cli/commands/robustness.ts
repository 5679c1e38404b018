import type { Command } from 'commander';
import { consoleProgress } from '../../experiments/progress';
import { MECHANISM_NAMES } from '../../compare/variants';
import { DEFAULT_SEEDS, RobustnessError, runRobustness, type RobustnessResult } from '../../robustness';
import { thousands } from '../../robustness/format';
import { collectList, UsageError, wholeNumber } from '../errors';

export interface RobustnessCliOptions {
  seeds: number;
  seed?: number;
  days?: number;
  mechanisms?: string[];
  workers?: number;
  assumptions?: string;
  claims?: string;
  quiet?: boolean;
  out: string;
}

/** Runs `prover-sim robustness`; returns the result (the lines it prints go to `log`). */
export async function robustnessCommand(scenario: string, o: RobustnessCliOptions, log: (line: string) => void = console.log): Promise<RobustnessResult> {
  const progress = o.quiet ? undefined : consoleProgress(process.stderr, 10_000, 'robustness');
  let result: RobustnessResult;
  try {
    result = await runRobustness(
      {
        scenario,
        seeds: o.seeds,
        seed: o.seed,
        days: o.days,
        mechanisms: o.mechanisms,
        assumptions: o.assumptions,
        claims: o.claims,
        workers: o.workers,
        out: o.out,
        command: ['prover-sim', ...process.argv.slice(2)].join(' '),
      },
      { onProgress: progress?.listener },
    );
  } catch (err) {
    if (err instanceof RobustnessError) throw new UsageError(err.message);
    throw err;
  } finally {
    progress?.stop();
  }
  const { plan, verdicts } = result;
  log(`${plan.base.name}: ${plan.mechanisms.length} mechanisms x ${plan.points.length} settings (the baseline and ${plan.assumptions.length} assumptions moved one at a time) x ${plan.seeds.length} seeds: ${thousands(plan.totalRuns)} distinct runs of ${plan.base.days} days in ${(result.durationMs / 1000).toFixed(1)} s, ${result.workers} worker thread(s)`);
  for (const v of verdicts) {
    const flips = v.assumptions.filter((a) => a.applies && a.values.some((x) => x.outcome.holds !== v.baseline.holds)).map((a) => a.assumption.label);
    log(`  ${v.baseline.holds ? 'holds' : 'fails'}  ${v.claim.id}${flips.length ? ` (flips with ${flips.join(', ')})` : ''}`);
  }
  if (plan.skippedClaims.length) log(`  not checked (mechanism not run): ${plan.skippedClaims.map((s) => s.id).join(', ')}`);
  log(`wrote claims.md, claims.csv, runs.csv, manifest.json to ${result.outDir}`);
  return result;
}

export function registerRobustness(program: Command): void {
  program
    .command('robustness')
    .description('rerun the mechanism comparison with each assumption moved over its documented range (data/robustness/assumptions.json) and say where each claim (data/robustness/claims.json) holds and where it flips; write claims.md, claims.csv, runs.csv and manifest.json')
    .argument('<scenario>', 'a preset name (see `prover-sim scenarios`) or a path to a scenario JSON file')
    .option('--seeds <N>', 'seeds per mechanism and setting (the same seeds everywhere)', wholeNumber('--seeds', 1, 10_000), DEFAULT_SEEDS)
    .option('--seed <S>', 'first seed (then S+1, ...; default: the scenario\'s seed, as `compare` uses)', wholeNumber('--seed', 0, 4294967295))
    .option('--days <D>', 'days to simulate (default: the scenario\'s days)', wholeNumber('--days', 1, 36500))
    .option('--mechanisms <list>', `comma-separated mechanisms (default: those the claims compare): ${MECHANISM_NAMES.join(', ')}`, collectList)
    .option('--workers <W>', 'worker threads (default: one per core; 0 runs in the main thread); the results do not depend on it', wholeNumber('--workers', 0, 1024))
    .option('--assumptions <file>', 'assumptions file (default: data/robustness/assumptions.json)')
    .option('--claims <file>', 'claims file (default: data/robustness/claims.json)')
    .option('--quiet', 'no progress bar or progress lines')
    .option('--out <dir>', 'output folder (new, empty, or an earlier robustness run, which is replaced)', 'out/robustness')
    .addHelpText(
      'after',
      `
Every mechanism runs on the same seeds at every setting (common random numbers); a setting is the
scenario as it stands (the baseline) or the scenario with one assumption at one of its values. A
claim holds at a setting when the median over seeds of its statistic is on the claimed side: the
paired difference (or ratio) of two mechanisms on the same seed, or one mechanism's value against a
number. claims.md says, for each claim, its verdict at the baseline and where it flips; claims.csv
has columns claim, assumption, value, holds, metric, median, p5, p95.

Add a claim with one line in data/robustness/claims.json, e.g.
  {"id": "two-step-more-independent-than-race", "text": "two-step submission has more independent provers than the race", "metric": "nakamoto30dLastYear", "left": "two-step", "op": ">", "right": "race"}
Examples:
  prover-sim robustness permissionless-race --seeds 10
  prover-sim robustness permissionless-race --seeds 4 --days 730 --mechanisms race,two-step,auction,proof-market --out out/rob`,
    )
    .action(async (scenario: string, opts: RobustnessCliOptions) => {
      await robustnessCommand(scenario, opts);
    });
}
