import type { Command } from 'commander';
import { SweepError } from '../../experiments/errors';
import { exportReport, type ReportResult } from '../../report/export';
import { ReportError } from '../../report/errors';
import { collect, UsageError, wholeNumber } from '../errors';

export interface ReportCliOptions {
  seeds?: number;
  seed?: number;
  days?: number;
  set: string[];
  compare?: string;
  label: string[];
  title?: string;
  charts: boolean;
  chromium?: string;
  out: string;
}

/** Writes a report; returns where it is (the lines it prints go to `log`). */
export async function reportCommand(sources: string[], o: ReportCliOptions, log: (line: string) => void = console.log): Promise<ReportResult> {
  let result: ReportResult;
  try {
    result = await exportReport({
      sources,
      out: o.out,
      seeds: o.seeds,
      masterSeed: o.seed,
      days: o.days,
      set: o.set.length ? o.set : undefined,
      compare: o.compare,
      labels: o.label.length ? o.label : undefined,
      title: o.title,
      charts: o.charts,
      chromiumPath: o.chromium,
      command: ['prover-sim', ...process.argv.slice(2)].join(' '),
      log,
    });
  } catch (err) {
    if (err instanceof ReportError || err instanceof SweepError) throw new UsageError(err.message);
    throw err;
  }
  log(`  ${result.reportMd}`);
  log(`  ${result.indexHtml}`);
  log(`  ${result.bundle}   (report.md and its PNG charts: drag it into a forum post)`);
  return result;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a report for a governance forum: report.md with PNG charts, a self-contained index.html, data and manifest')
    .argument('<sources...>', 'a preset name or scenario file (one report); several of them (a comparison, same seeds for each); or one sweep output folder')
    .option('--seeds <k>', 'seeds per scenario (default 10; not for a sweep folder)', wholeNumber('--seeds', 1, 100000))
    .option('--seed <m>', 'master seed: seed k is deriveSeed(m, k), as in prover-sim sweep (default: the scenario\'s seed)', wholeNumber('--seed', 0, 4294967295))
    .option('--days <n>', 'days to simulate (default: the scenario\'s days)', wholeNumber('--days', 1, 36500))
    .option('--set <path=value>', 'override a parameter of every scenario, e.g. rewards.redistributionShare=0.3 (repeatable)', collect, [])
    .option('--compare <path=v1,v2,...>', 'compare one scenario under each value of a parameter, e.g. mechanism.kind=race,centralized')
    .option('--label <text>', 'name of each scenario in tables and charts, in order (repeatable; default: scenario names or compared values)', collect, [])
    .option('--title <text>', 'report title (default: from the scenario names)')
    .option('--no-charts', 'skip rendering PNG and SVG charts (index.html still has interactive charts)')
    .option('--chromium <path>', 'Chromium or Chrome binary to render charts with (default: $CHROMIUM_PATH, then /usr/bin/chromium and the usual paths)')
    .option('--out <dir>', 'output folder', 'out/report')
    .addHelpText(
      'after',
      `
Examples:
  prover-sim report permissionless-race --seeds 20 --out out/race-report
  prover-sim report permissionless-race centralized-with-backup --days 730 --out out/race-vs-central
  prover-sim report permissionless-race --compare rewards.redistributionShare=0,0.2,0.5 --out out/redistribution
  prover-sim report out/my-sweep --out out/my-sweep-report

Writes report.md (paste into a Discourse post; upload charts/*.png with it), index.html (one file,
interactive charts, works offline), charts/*.png and *.svg (headless Chromium), data/*.csv,
summary.json and manifest.json. Without Chromium the report says so, with the install command,
and everything else is still written.`,
    )
    .action(async (sources: string[], opts: ReportCliOptions) => {
      await reportCommand(sources, opts);
    });
}
