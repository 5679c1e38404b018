/**
 * Errors of bad input as one line in a notebook. tslab prints a failing cell's error with
 * console.error, which formats it with util.inspect: message and stack trace. For the errors whose
 * message already says everything (which field, which values are allowed), the trace is noise, so
 * inside a tslab kernel they print as "ScenarioError: <message>"; elsewhere they print as always.
 */
import { inspect } from 'util';
import { ScenarioError } from '../model/scenario/validate';
import { SweepError } from '../experiments/errors';
import { ReportError } from '../report/errors';
import { inKernel } from './kernel';

/** The error classes whose message is the whole story (bad input, named and explained). */
export const ONE_LINE_ERRORS: ReadonlyArray<new (...args: never[]) => Error> = [ScenarioError, SweepError, ReportError];

function oneLine(this: Error, _depth: number, options: object, fallback: typeof inspect): string {
  return inKernel() ? `${this.name}: ${this.message}` : fallback(this, { ...options, customInspect: false });
}

for (const cls of ONE_LINE_ERRORS) {
  Object.defineProperty(cls.prototype, inspect.custom, { value: oneLine, configurable: true, writable: true });
}
