/**
 * Curves: parameters that are either a constant or a mathjs expression of time `t` in years since
 * the start of the run (for example `"20 * 1.1^t"` for fees growing 10% a year). Expressions are
 * compiled once and tabulated per day, so the simulation loop only reads arrays.
 *
 * mathjs computes `^`, exp, log and the like with the engine's Math functions, whose last bits differ
 * between JavaScript engines; an expression's values would then differ between Node and a browser.
 * So those calls are rewritten to the portable functions of ../math before compiling (the values
 * are the same to an ulp or two; see src/model/math.ts). Other functions (sin, tan, cbrt, ...) keep
 * mathjs's own: an expression using them may differ in the last bits from one engine to another.
 */
import { cos, exp, log, log10, log2, pow } from '../math';

/** A constant, or a mathjs expression of `t` (years since day 0). */
export type Curve = number | string;

/** The slice of mathjs's API used here (its own typings are ESM-only under node16 resolution). */
interface MathNode {
  type: string;
  name?: string;
  /** A FunctionNode's function (a node); an OperatorNode's function name ("pow" for ^). */
  fn?: MathNode | string;
  args?: MathNode[];
  traverse(callback: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  transform(callback: (node: MathNode) => MathNode): MathNode;
  compile(): EvalFunction;
}
interface EvalFunction {
  evaluate(scope: Record<string, unknown>): unknown;
}
interface MathJs {
  parse(expr: string): MathNode;
  FunctionNode: new (fn: MathNode, args: MathNode[]) => MathNode;
  SymbolNode: new (name: string) => MathNode;
}
let mathjs: MathJs | undefined;
// mathjs is loaded only when a scenario actually uses an expression: it is the slowest import.
function math(): MathJs {
  if (!mathjs) mathjs = require('mathjs') as MathJs;
  return mathjs;
}

const compiled = new Map<string, EvalFunction>();

/** The portable replacements of mathjs functions, under names no expression uses (they are not symbols of t). */
const PORTABLE_PREFIX = 'portable__';
const PORTABLE: Record<string, (...args: number[]) => number> = {
  pow,
  exp,
  // log(x, base) as mathjs defines it.
  log: (x: number, base?: number) => (base === undefined ? log(x) : log(x) / log(base)),
  log2,
  log10,
  cos,
};
const PORTABLE_SCOPE: Record<string, unknown> = Object.fromEntries(Object.entries(PORTABLE).map(([k, f]) => [PORTABLE_PREFIX + k, f]));

/** The expression with `^` and the functions of PORTABLE calling the portable versions. */
function portable(node: MathNode): MathNode {
  const m = math();
  // transform does not descend into a replaced node: the arguments are rewritten here.
  return node.transform((n) => {
    const name = n.type === 'OperatorNode' && n.fn === 'pow' ? 'pow' : n.type === 'FunctionNode' && typeof n.fn === 'object' && n.fn.type === 'SymbolNode' ? n.fn.name : undefined;
    if (name === undefined || !(name in PORTABLE)) return n;
    return new m.FunctionNode(new m.SymbolNode(PORTABLE_PREFIX + name), (n.args ?? []).map(portable));
  });
}

function compileExpression(expr: string): EvalFunction {
  let fn = compiled.get(expr);
  if (!fn) {
    const node: MathNode = math().parse(expr);
    const unknown = new Set<string>();
    node.traverse((n, _path, parent) => {
      const isFunctionName = parent !== null && parent.type === 'FunctionNode' && parent.fn === n;
      if (n.type === 'SymbolNode' && !isFunctionName) {
        const name = n.name ?? '';
        if (name !== 't' && !['e', 'pi', 'E', 'PI', 'LN2', 'LN10'].includes(name)) unknown.add(name);
      }
    });
    if (unknown.size > 0) throw new Error(`unknown symbol ${[...unknown].map((s) => `'${s}'`).join(', ')} (only t, in years, is allowed)`);
    fn = portable(node).compile();
    compiled.set(expr, fn);
  }
  return fn;
}

/** Value of a curve at time t (years). Throws when an expression does not give a finite number. */
export function evaluateCurve(curve: Curve, tYears: number): number {
  if (typeof curve === 'number') return curve;
  const value: unknown = compileExpression(curve).evaluate({ ...PORTABLE_SCOPE, t: tYears });
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`'${curve}' gives ${typeof value === 'number' ? value : 'a non-number'} at t=${+tYears.toFixed(4)}`);
  }
  return value;
}

/**
 * Checks a curve over [0, years]: it must compile and stay finite and at least `min` (and at most
 * `max`) on a daily grid. Returns a message naming the problem, or undefined when valid.
 */
export function checkCurve(curve: Curve, years: number, min: number, max = Infinity): string | undefined {
  try {
    const days = Math.max(1, Math.ceil(years * 365));
    for (let d = 0; d <= days; d++) {
      const v = evaluateCurve(curve, d / 365);
      if (v < min || v > max) {
        const range = max === Infinity ? `>= ${min}` : `between ${min} and ${max}`;
        return `must stay ${range}, but is ${v} at t=${+(d / 365).toFixed(4)} years`;
      }
      if (typeof curve === 'number') break;
    }
    return undefined;
  } catch (err) {
    const reason = (err as Error).message.replace(/\s+/g, ' ');
    return `invalid expression '${curve}': ${reason} (allowed: a number, or a mathjs expression of t in years such as '20 * 1.1^t')`;
  }
}

/** One value per day d = 0..days-1, at t = d / 365 years. */
export function tabulateCurve(curve: Curve, days: number): Float64Array {
  const out = new Float64Array(days);
  if (typeof curve === 'number') return out.fill(curve);
  for (let d = 0; d < days; d++) out[d] = evaluateCurve(curve, d / 365);
  return out;
}
