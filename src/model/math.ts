/**
 * Elementary functions that give the same bits on every JavaScript engine. The engines' own
 * Math.exp, Math.log, Math.pow (and `**`), Math.log2, Math.log10 and Math.cos are only required to
 * be close to the true value, and they differ in the last bits between V8 versions (Node 20 and
 * Chromium 156 disagree on about one argument in ten). A run would then depend on the Node version
 * or browser it ran in; the in-browser explorer must reproduce `prover-sim run` exactly. So the model
 * takes these functions from stdlib-js, plain JavaScript ports of FreeBSD's msun (fdlibm) that use
 * only +, -, *, / (exact in IEEE 754 on every engine). Math.sqrt, floor, ceil, round, abs, min and max
 * are exact everywhere and stay. A test (determinism.test.ts) keeps the engine's versions out of
 * src/model.
 */
/* eslint-disable @typescript-eslint/no-var-requires */
type Unary = (x: number) => number;

/** e^x. */
export const exp: Unary = require('@stdlib/math-base-special-exp');
/** Natural logarithm. */
export const log: Unary = require('@stdlib/math-base-special-ln');
/** Base-2 logarithm. */
export const log2: Unary = require('@stdlib/math-base-special-log2');
/** Base-10 logarithm. */
export const log10: Unary = require('@stdlib/math-base-special-log10');
/** Cosine (radians). */
export const cos: Unary = require('@stdlib/math-base-special-cos');
/** x^y. */
export const pow: (x: number, y: number) => number = require('@stdlib/math-base-special-pow');
