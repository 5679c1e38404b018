/**
 * The `prover-sim` command line. Each command lives in its own file under commands/ and registers
 * itself here. Errors a user can fix are printed as one line (no stack trace) with exit code 2.
 */
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../io/manifest';
import { ScenarioError } from '../model/scenario/validate';
import { registerCompare } from './commands/compare';
import { registerDeploy } from './commands/deploy';
import { registerExplore } from './commands/explore';
import { registerMerge } from './commands/merge';
import { registerRun } from './commands/run';
import { registerReport } from './commands/report';
import { registerRobustness } from './commands/robustness';
import { registerScenarios } from './commands/scenarios';
import { registerSweep } from './commands/sweep';
import { UsageError } from './errors';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('prover-sim')
    .description('Agent-based model of ZK-rollup prover reward markets: decentralization, finality and money over time.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)');
  registerRun(program);
  registerScenarios(program);
  registerReport(program);
  registerSweep(program);
  registerMerge(program);
  registerCompare(program);
  registerRobustness(program);
  registerDeploy(program);
  registerExplore(program);
  return program;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ScenarioError || err instanceof UsageError) {
      process.stderr.write(`prover-sim: error: ${err.message}\n`);
      return 2;
    }
    const e = err as Error;
    process.stderr.write(`prover-sim: error: ${e.message}\n`);
    if (process.env.PROVER_SIM_DEBUG) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
