import type { Command } from 'commander';
import { SweepError } from '../../experiments/errors';
import { mergeShards, type MergeResult } from '../../experiments/merge';
import { UsageError } from '../errors';

/** Runs `prover-sim merge`; returns the result (the lines it prints go to `log`). */
export function mergeCommand(dirs: string[], out: string, log: (line: string) => void = console.log): MergeResult {
  let result: MergeResult;
  try {
    result = mergeShards(dirs, out, ['prover-sim', ...process.argv.slice(2)].join(' '));
  } catch (err) {
    if (err instanceof SweepError) throw new UsageError(err.message);
    throw err;
  }
  for (const w of result.warnings) process.stderr.write(`prover-sim: warning: ${w}\n`);
  const m = result.manifest;
  log(`merge: ${dirs.length} shard(s), ${m.totalRuns} runs (${m.pointCount} points x ${m.seeds} seeds)`);
  log(`  wrote ${result.files.join(', ')} to ${result.outDir}`);
  return result;
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine the shard folders of a sweep (--shard i/N) into what one machine writes for the whole sweep')
    .argument('<dirs...>', 'the shard folders, one per shard')
    .requiredOption('--out <dir>', 'output folder (new or empty)')
    .action((dirs: string[], opts: { out: string }) => {
      mergeCommand(dirs, opts.out);
    });
}
