import type { Command } from 'commander';
import * as path from 'path';
import { compareMechanisms, comparisonTable, MECHANISM_NAMES, writeComparison } from '../../compare';
import { loadScenario } from '../../io/scenarios';
import { collect, UsageError, wholeNumber } from '../errors';

export interface CompareOptions {
  mechanisms: string;
  seeds: number;
  days?: number;
  set: string[];
  out: string;
}

/** Runs the comparison and writes its outputs; returns the output folder. */
export function compareCommand(scenarioRef: string, opts: CompareOptions, log: (line: string) => void = console.log): string {
  const names = opts.mechanisms.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const unknown = names.find((n) => !MECHANISM_NAMES.includes(n));
  if (names.length === 0 || unknown !== undefined) {
    throw new UsageError(`--mechanisms: ${unknown === undefined ? 'name at least one mechanism' : `unknown mechanism "${unknown}"`} (allowed: ${MECHANISM_NAMES.join(', ')})`);
  }
  const { scenario } = loadScenario(scenarioRef, { days: opts.days });
  log(`${scenario.name}: ${names.length} mechanisms x ${opts.seeds} seeds x ${scenario.days} days (same seeds, same environment per seed)`);
  const t0 = performance.now();
  const comparison = compareMechanisms(scenario, {
    mechanisms: names,
    seeds: opts.seeds,
    set: opts.set,
    onProgress: (name, seconds) => log(`  ${name}: ${seconds.toFixed(1)} s`),
  });
  const durationMs = performance.now() - t0;
  const out = path.resolve(opts.out);
  writeComparison(out, comparison, { scenarioRef, command: ['prover-sim', ...process.argv.slice(2)].join(' '), durationMs });
  log('');
  log(`Median [5%, 95%] over seeds ${comparison.seeds[0]}..${comparison.seeds[comparison.seeds.length - 1]}; decentralization over the last year (30-day windows), money over the run.`);
  log('');
  for (const line of comparisonTable(comparison).trimEnd().split('\n')) log(line);
  log('');
  log(`ran in ${(durationMs / 1000).toFixed(1)} s; wrote table.md, summary.csv, runs.csv, series.csv, manifest.json to ${out}`);
  return out;
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('run several mechanisms on the same scenario and seeds (common random numbers); write a headline table and per-day series')
    .argument('<scenario>', 'a preset name (see `prover-sim scenarios`) or a path to a scenario JSON file')
    .requiredOption('--mechanisms <list>', `comma-separated mechanisms: ${MECHANISM_NAMES.join(', ')}`)
    .option('--seeds <k>', 'number of seeds (the scenario\'s seed and the next ones)', wholeNumber('--seeds', 1, 10_000), 20)
    .option('--days <n>', 'days to simulate (default: the scenario\'s days)', wholeNumber('--days', 1, 36500))
    .option('--set <path=value>', 'override a parameter for every mechanism; a mechanism.<field> applies to the mechanisms that have it (repeatable)', collect, [])
    .option('--out <dir>', 'output folder', 'out/compare')
    .action((scenario: string, opts: CompareOptions) => {
      compareCommand(scenario, opts);
    });
}
