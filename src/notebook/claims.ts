/**
 * Claims: the statements a notebook's conclusion makes, checked against the results it just
 * computed. A notebook whose words no longer match the model then fails its test (instead of
 * quietly telling readers something the model stopped saying), and the failure names the claim.
 */
import { liveTslab } from './kernel';

/** A statement of the conclusion and whether this run bears it out. */
export type Claim = [statement: string, holds: boolean];

/** The markdown list of claims, each marked as holding or not. */
export function claimsMarkdown(claims: readonly Claim[]): string {
  return claims.map(([statement, holds]) => `- ${holds ? '✔' : '✘ **no longer holds:**'} ${statement}`).join('\n');
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
