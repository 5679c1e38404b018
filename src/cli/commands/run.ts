import type { Command } from 'commander';
import * as path from 'path';
import { loadScenario } from '../../io/scenarios';
import { writeRunOutputs } from '../../io/run-outputs';
import { simulate } from '../../model/simulate';
import { summarize } from '../../model/summary';
import { collect, wholeNumber } from '../errors';
import { summaryLines } from '../format';

export interface RunOptions {
  seed?: number;
  streamKey?: string;
  days?: number;
  set?: string[];
  out: string;
}

/** Runs one scenario and writes its outputs; returns the output folder. */
export function runCommand(scenarioRef: string, opts: RunOptions, log: (line: string) => void = console.log): string {
  const { scenario } = loadScenario(scenarioRef, { set: opts.set, days: opts.days, seed: opts.seed });
  const t0 = performance.now();
  const result = simulate(scenario, { streamKey: opts.streamKey ?? '' });
  const durationMs = performance.now() - t0;
  const out = path.resolve(opts.out);
  writeRunOutputs(out, result, { scenarioRef, command: ['prover-sim', ...process.argv.slice(2)].join(' '), durationMs });
  for (const line of summaryLines(scenario.name, result.seed, summarize(result))) log(line);
  log(`  ran in ${durationMs.toFixed(0)} ms; wrote timeseries.csv, provers.csv, classes.csv, summary.json, manifest.json to ${out}`);
  return out;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('run one scenario and write timeseries.csv, provers.csv, classes.csv, summary.json and manifest.json')
    .argument('<scenario>', 'a preset name (see `prover-sim scenarios`) or a path to a scenario JSON file')
    .option('--seed <n>', 'master seed (default: the scenario\'s seed)', wholeNumber('--seed', 0, 4294967295))
    .option('--days <n>', 'days to simulate (default: the scenario\'s days)', wholeNumber('--days', 1, 36500))
    .option('--stream-key <key>', 'key of the market stream, to reproduce one run of a sweep (its point\'s JSON key)')
    .option('--set <path=value>', 'override a parameter by dotted path, e.g. rewards.redistributionShare=0.3 (repeatable)', collect, [])
    .option('--out <dir>', 'output folder', 'out/run')
    .action((scenario: string, opts: RunOptions) => {
      runCommand(scenario, opts);
    });
}
