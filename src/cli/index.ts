/**
 * The `prover-sim` command line. Each command lives in its own file under commands/ and registers
 * itself here. Errors a user can fix are printed as one line (no stack trace) with exit code 2.
 *
 * A command loads only what it uses: the command named on the command line is the only one whose
 * file (and so whose code: the model, sweeps, reports) is loaded. Help, a version query or an
 * unknown command register them all, so that help lists every command and commander can suggest one.
 */
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../io/manifest';
import { UsageError } from './errors';

type Register = (program: Command) => void;

/** Every command, in the order help lists them; each loaded only when registered. */
const COMMANDS: ReadonlyArray<readonly [string, () => Register]> = [
  ['run', () => (require('./commands/run') as typeof import('./commands/run')).registerRun],
  ['scenarios', () => (require('./commands/scenarios') as typeof import('./commands/scenarios')).registerScenarios],
  ['report', () => (require('./commands/report') as typeof import('./commands/report')).registerReport],
  ['sweep', () => (require('./commands/sweep') as typeof import('./commands/sweep')).registerSweep],
  ['merge', () => (require('./commands/merge') as typeof import('./commands/merge')).registerMerge],
  ['compare', () => (require('./commands/compare') as typeof import('./commands/compare')).registerCompare],
  ['robustness', () => (require('./commands/robustness') as typeof import('./commands/robustness')).registerRobustness],
  ['deploy', () => (require('./commands/deploy') as typeof import('./commands/deploy')).registerDeploy],
  ['explore', () => (require('./commands/explore') as typeof import('./commands/explore')).registerExplore],
];

/** The program with the command `only` registered, or every command when `only` names none. */
export function buildProgram(only?: string): Command {
  const program = new Command();
  program
    .name('prover-sim')
    .description('Agent-based model of ZK-rollup prover reward markets: decentralization, finality and money over time.')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)');
  const chosen = COMMANDS.filter(([name]) => name === only);
  for (const [, load] of chosen.length ? chosen : COMMANDS) load()(program);
  return program;
}

/** Whether `err` is a mistake of the user's, to print as one line without a stack trace. */
function isUsageError(err: unknown): boolean {
  if (err instanceof UsageError) return true;
  if (!(err instanceof Error) || err.name !== 'ScenarioError') return false;
  // Loaded here, not at start-up: scenario validation (zod) is the heaviest module a command needs.
  const { ScenarioError } = require('../model/scenario/validate') as typeof import('../model/scenario/validate');
  return err instanceof ScenarioError;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(argv[0]);
  program.exitOverride();
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (isUsageError(err)) {
      process.stderr.write(`prover-sim: error: ${(err as Error).message}\n`);
      return 2;
    }
    const e = err as Error;
    process.stderr.write(`prover-sim: error: ${e.message}\n`);
    if (process.env.PROVER_SIM_DEBUG) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
