/**
 * Curves: parameters that are either a constant or a mathjs expression of time `t` in years since
 * the start of the run (for example `"20 * 1.1^t"` for fees growing 10% a year). Expressions are
 * compiled once and tabulated per day, so the simulation loop only reads arrays.
 */

/** A constant, or a mathjs expression of `t` (years since day 0). */
export type Curve = number | string;

/** The slice of mathjs's API used here (its own typings are ESM-only under node16 resolution). */
interface MathNode {
  type: string;
  name?: string;
  fn?: MathNode;
  traverse(callback: (node: MathNode, path: string, parent: MathNode | null) => void): void;
  compile(): EvalFunction;
}
interface EvalFunction {
  evaluate(scope: Record<string, number>): unknown;
}
interface MathJs {
  parse(expr: string): MathNode;
}
let mathjs: MathJs | undefined;
// mathjs is loaded only when a scenario actually uses an expression: it is the slowest import.
function math(): MathJs {
  if (!mathjs) mathjs = require('mathjs') as MathJs;
  return mathjs;
}

const compiled = new Map<string, EvalFunction>();

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
    fn = node.compile();
    compiled.set(expr, fn);
  }
  return fn;
}

/** Value of a curve at time t (years). Throws when an expression does not give a finite number. */
export function evaluateCurve(curve: Curve, tYears: number): number {
  if (typeof curve === 'number') return curve;
  const value: unknown = compileExpression(curve).evaluate({ t: tYears });
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
