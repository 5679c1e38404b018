/**
 * Claims: the statements a notebook's conclusion makes, checked against the results it just
 * computed. A notebook whose words no longer match the model then fails its test (instead of
 * quietly telling readers something the model stopped saying), and the failure names the claim.
 *
 * A number written in the prose is checked to the precision its digits state (`stated`): "78%" must
 * be within half a percentage point of the run's value, "2.1 million" within 50,000, "40 s" within
 * half a second. Each such claim carries the prose's own text, which the notebook test finds in the
 * notebook's Markdown, so a claim cannot check a looser statement than the prose makes.
 */
import { liveTslab } from './kernel';

/** A statement of the conclusion and whether this run bears it out (and, for `stated`, the prose text). */
export type Claim = [statement: string, holds: boolean] | [statement: string, holds: boolean, stated: string];

/** A number as the prose writes it: its value (hours for durations) and half a unit of its last digit. */
export interface StatedNumber {
  value: number;
  precision: number;
}

const SCALES: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, b: 1e9, billion: 1e9 };
/** Duration units, in hours (the model's durations are hours). */
const DURATIONS: Record<string, number> = { s: 1 / 3600, second: 1 / 3600, seconds: 1 / 3600, min: 1 / 60, minute: 1 / 60, minutes: 1 / 60, h: 1, hour: 1, hours: 1, day: 24, days: 24 };

/**
 * Reads a number as prose writes it: "78%", "about 35", "$5.26 million", "-75,000 USD", "0.6 M",
 * "40 seconds", "2 hours". Shares come back as fractions (78% is 0.78), durations in hours; the
 * precision is half a unit of the last digit written, in the same unit.
 */
export function statedNumber(text: string): StatedNumber {
  const m = /^\s*(?:about|some|around|nearly|almost|~)?\s*([-+−]?)\s*\$?\s*(\d[\d,]*(?:\.\d+)?)\s*(%|k\b|thousand|m\b|million|b\b|billion)?\s*(?:(s|seconds?|min|minutes?|h|hours?|days?)\b)?\s*(?:usd)?\s*$/i.exec(text);
  if (!m) throw new Error(`stated: cannot read a number in "${text}" (write it as the prose does: "78%", "about 35", "2.1 million", "40 s")`);
  const digits = m[2].replace(/,/g, '');
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0;
  const scaleWord = (m[3] ?? '').toLowerCase();
  const scale = scaleWord === '%' ? 0.01 : (SCALES[scaleWord] ?? 1);
  const unit = m[4] ? DURATIONS[m[4].toLowerCase()] : 1;
  const sign = m[1] === '-' || m[1] === '−' ? -1 : 1;
  return { value: sign * Number(digits) * scale * unit, precision: 0.5 * 10 ** -decimals * scale * unit };
}

/**
 * A claim that a number in the prose (`text`, exactly as the Markdown writes it) is the run's
 * `actual` value to the precision the prose states. `what` says what the number is.
 */
export function stated(text: string, actual: number, what: string): Claim {
  const { value, precision } = statedNumber(text);
  const holds = Number.isFinite(actual) && Math.abs(actual - value) <= precision * (1 + 1e-9);
  return [`${what}: the text says "${text}"; this run gives ${Number(actual.toPrecision(4))}`, holds, text];
}

/** Marks a claim's prose text in the displayed list (an HTML comment: invisible, found by the notebook test). */
export const STATED_MARK = 'prover-sim:stated';

/** The markdown list of claims, each marked as holding or not. */
export function claimsMarkdown(claims: readonly Claim[]): string {
  return claims
    .map(([statement, holds, text]) => {
      const mark = text === undefined ? '' : ` <!-- ${STATED_MARK} ${JSON.stringify(text).replace(/--/g, '\\u002d\\u002d')} -->`;
      return `- ${holds ? '✔' : '✘ **no longer holds:**'} ${statement}${mark}`;
    })
    .join('\n');
}

/**
 * Shows the claims (in a kernel) and throws if any does not hold, naming those that failed.
 */
export function checkClaims(claims: readonly Claim[]): void {
  liveTslab()?.display.markdown(claimsMarkdown(claims));
  const failed = claims.filter(([, holds]) => !holds).map(([s]) => s);
  if (failed.length > 0) {
    throw new Error(`The conclusion of this notebook no longer matches the model; re-check its words. Failed claims:\n- ${failed.join('\n- ')}`);
  }
}
