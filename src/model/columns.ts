/**
 * The daily time series of a run: one row per day, one typed column per metric. The first columns
 * are exactly BENCHMARK.md's output columns; the names carry their units.
 */

/** Definition of one daily column. */
export interface ColumnDef {
  readonly name: string;
  readonly unit: string;
  readonly doc: string;
}

const col = (name: string, unit: string, doc: string): ColumnDef => ({ name, unit, doc });

export const DAILY_COLUMNS = [
  col('day', 'day', 'Day index d, from 0.'),
  col('active_provers', 'provers', 'Provers taking part that day (the active set, a pool counting once; for the centralized mechanism, the operator plus backup provers that attempted).'),
  col('nakamoto_coefficient', 'provers', 'Least number of provers whose wins that day add up to more than half the proven batches (0 if none proven).'),
  col('hhi', 'share', 'Herfindahl-Hirschman index of the day\'s wins, sum of squared shares in [0, 1] (0 if none proven).'),
  col('wasted_attempt_share', 'share', '1 - proven batches / attempts (0 if no attempts).'),
  col('mean_finality_delay_hours', 'hours', 'Mean delay from posting to proof over the batches posted that day and proven.'),
  col('missed_batches', 'batches', 'Batches posted that day that nobody proved.'),
  col('prover_profit_usd', 'USD', 'Rewards won by provers minus their costs that day (attempt and fixed costs, and under mechanisms with stakes their capital costs and slashes).'),
  col('tokenholder_income_usd', 'USD', 'Rewards redistributed to tokenholders that day (tokens valued at the day\'s price).'),
  col('batches_posted', 'batches', 'Batches that needed a proof that day.'),
  col('batches_proven', 'batches', 'Batches posted that day that were proven (possibly later).'),
  col('attempts', 'attempts', 'Proof attempts started that day.'),
  col('gini', 'share', 'Gini coefficient of wins among the provers taking part that day.'),
  col('entropy_bits', 'bits', 'Shannon entropy of the day\'s win shares.'),
  col('top1_win_share', 'share', 'Largest prover\'s share of the day\'s proofs.'),
  col('top1_reward_share', 'share', 'Largest prover\'s share of the day\'s prover rewards.'),
  col('nakamoto_coefficient_7d', 'provers', 'Nakamoto coefficient of wins over the last 7 days.'),
  col('hhi_7d', 'share', 'HHI of wins over the last 7 days.'),
  col('nakamoto_coefficient_30d', 'provers', 'Nakamoto coefficient of wins over the last 30 days.'),
  col('hhi_30d', 'share', 'HHI of wins over the last 30 days.'),
  col('top1_reward_share_30d', 'share', 'Largest prover\'s share of prover rewards over the last 30 days.'),
  col('open_to_anyone_share', 'share', 'Share of the day during which anyone may prove (the permissionless axis; 1 for the race).'),
  col('entry_capital_usd', 'USD', 'Least up-front capital (hardware bought at today\'s prices plus stake) with which a newcomer can start proving.'),
  col('profitable_entrants', 'provers', 'Inactive potential provers whose expected profit from entering is positive.'),
  col('wasted_cost_share', 'share', 'Share of the day\'s attempt spending on attempts that did not win.'),
  col('p95_finality_delay_hours', 'hours', '95th percentile (nearest rank) of the finality delay of batches posted that day.'),
  col('max_finality_delay_hours', 'hours', 'Largest finality delay of batches posted that day.'),
  col('missed_deadlines', 'batches', 'Batches posted that day proven after the deadline, or never.'),
  col('cost_per_proof_usd', 'USD', 'Provers\' total cost that day divided by batches proven (0 if none).'),
  col('prover_revenue_usd', 'USD', 'Rewards won by provers that day (fees plus tokens at the day\'s price).'),
  col('prover_cost_usd', 'USD', 'Provers\' attempt and fixed costs that day, plus the capital cost of mechanism stakes and bonds and the value slashed from them.'),
  col('treasury_income_usd', 'USD', 'Rewards kept by the treasury that day.'),
  col('treasury_balance_usd', 'USD', 'Treasury holdings at the end of the day (tokens at the day\'s price).'),
  col('burned_usd', 'USD', 'Value burned that day (slashes; tokens at the day\'s price).'),
  col('reward_per_batch_usd', 'USD', 'Fee plus issuance value paid for one proven batch that day, before splits.'),
  col('token_price_usd', 'USD', 'Token price that day.'),
  col('entries', 'provers', 'Provers that entered that day.'),
  col('exits', 'provers', 'Provers that exited that day.'),
  col('upgrades', 'provers', 'Provers that switched hardware kind that day.'),
  col('backup_open_hours', 'hours', 'Hours of the day during which a fallback (backup pool, open proving) was open.'),
  col('rollup_paid_usd', 'USD', 'Value paid by the rollup that day for proofs (fees at the price actually paid, plus issuance), before splits.'),
  col('rollup_cost_per_batch_usd', 'USD', 'rollup_paid_usd divided by batches proven (0 if none).'),
  col('slashed_usd', 'USD', 'Value slashed from provers\' stakes, bonds and collateral that day.'),
  col('bounties_usd', 'USD', 'Part of the slashed value paid to other provers (late-proof bounties).'),
  col('capital_cost_usd', 'USD', 'Opportunity cost that day of mechanism stakes, bonds and per-batch collateral (part of prover_cost_usd).'),
  col('locked_capital_usd', 'USD', 'Capital locked at the end of the day: class stakes of provers taking part, mechanism stakes and bonds (also those awaiting withdrawal), and the day\'s average per-batch collateral.'),
  col('copier_income_usd', 'USD', 'Prover rewards taken that day by mempool copiers who front-ran a revealed proof.'),
  col('front_run_batches', 'batches', 'Batches whose prover reward a copier took that day.'),
  col('pools_active', 'pools', 'Proving pools with at least one member.'),
  col('pool_members', 'provers', 'Provers proving through a pool.'),
  col('pooled_speed_share', 'share', 'Share of the proving speed of provers taking part that sits in pools.'),
  col('pool_fees_usd', 'USD', 'Fees kept by pool operators that day.'),
  col('active_provers_by_member', 'provers', 'Provers taking part counted by member: solo provers plus every pool member (active_provers counts a pool once).'),
  col('nakamoto_coefficient_by_member', 'provers', 'nakamoto_coefficient with each pool\'s wins spread over its members pro rata to speed (equal to it without pools).'),
  col('hhi_by_member', 'share', 'hhi by member.'),
  col('gini_by_member', 'share', 'gini by member.'),
  col('entropy_bits_by_member', 'bits', 'entropy_bits by member.'),
  col('top1_win_share_by_member', 'share', 'top1_win_share by member.'),
  col('top1_reward_share_by_member', 'share', 'top1_reward_share by member (members\' rewards after pool fees).'),
  col('nakamoto_coefficient_7d_by_member', 'provers', 'nakamoto_coefficient_7d by member.'),
  col('hhi_7d_by_member', 'share', 'hhi_7d by member.'),
  col('nakamoto_coefficient_30d_by_member', 'provers', 'nakamoto_coefficient_30d by member.'),
  col('hhi_30d_by_member', 'share', 'hhi_30d by member.'),
  col('top1_reward_share_30d_by_member', 'share', 'top1_reward_share_30d by member.'),
] as const;

export type DailyColumn = (typeof DAILY_COLUMNS)[number]['name'];
export const DAILY_COLUMN_NAMES: readonly DailyColumn[] = DAILY_COLUMNS.map((c) => c.name);

/** Daily time series: one Float64Array of length `days` per column. */
export type DailySeries = { [K in DailyColumn]: Float64Array };

export function allocateDaily(days: number): DailySeries {
  const out = {} as DailySeries;
  for (const name of DAILY_COLUMN_NAMES) out[name] = new Float64Array(days);
  return out;
}

/** Per-class daily columns, stored row-major as [classIndex * days + day]. */
export const CLASS_COLUMNS = [
  col('active_provers', 'provers', 'Active provers of the class (pool members included).'),
  col('proofs_won', 'batches', 'Proofs won by the class.'),
  col('revenue_usd', 'USD', 'Rewards won by the class.'),
  col('cost_usd', 'USD', 'Attempt and fixed costs of the class.'),
  col('profit_usd', 'USD', 'Revenue minus cost.'),
] as const;
export type ClassColumn = (typeof CLASS_COLUMNS)[number]['name'];
export type ClassSeries = { [K in ClassColumn]: Float64Array };
