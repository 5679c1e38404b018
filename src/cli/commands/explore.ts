import type { Command } from 'commander';
import { DEFAULT_EXPLORE_SCENARIO, DEFAULT_EXPLORE_SEEDS, writeExplorePage } from '../../explorer/page-file';
import { MAX_EXPLORER_SEEDS } from '../../explorer/engine';
import { collect, wholeNumber } from '../errors';

interface ExploreOptions {
  out: string;
  seeds?: number;
  seed?: number;
  days?: number;
  set?: string[];
}

export function registerExplore(program: Command): void {
  program
    .command('explore')
    .description('write an HTML page where the reader changes assumptions and reruns the model in the browser, offline (prints its path; opens nothing)')
    .argument('[scenario...]', `preset names or scenario files (default: ${DEFAULT_EXPLORE_SCENARIO})`)
    .option('--seeds <n>', `seeds of the first run (default ${DEFAULT_EXPLORE_SEEDS})`, wholeNumber('--seeds', 1, MAX_EXPLORER_SEEDS))
    .option('--seed <n>', 'master seed (default: the scenario\'s seed)', wholeNumber('--seed', 0, 4294967295))
    .option('--days <n>', 'days to simulate (default: the scenario\'s days)', wholeNumber('--days', 1, 36500))
    .option('--set <path=value>', 'start from an overridden parameter (repeatable)', collect, [])
    .option('--out <dir>', 'output folder', 'out/explore')
    .action((scenarios: string[], opts: ExploreOptions) => {
      const { file, bytes } = writeExplorePage({ scenarios, out: opts.out, seeds: opts.seeds, seed: opts.seed, days: opts.days, set: opts.set });
      console.log(`explore: wrote ${file} (${(bytes / 1e6).toFixed(1)} MB); open it in a browser`);
    });
}
