/**
 * Stage 5 of the day, recording: charges the day's fixed costs and writes the day's row of every
 * daily series (concentration of wins and rewards by entity and by pool member, over the day and over
 * windows; finality; money), the per-class rows, and at the end the run's result.
 */
import { allocateDaily, CLASS_COLUMNS, type ClassSeries, type DailySeries } from '../columns';
import { HOURS_PER_DAY, type Environment } from '../environment';
import type { DayOutcome, Mechanism } from '../mechanisms';
import { concentration, RollingAmounts, sortAscending, topShare, type Concentration, type WindowConcentration } from '../metrics';
import type { Pools } from '../pools';
import type { ProverLedgers, RunResult } from '../result';
import type { Scenario } from '../scenario/schema';
import { DelayHistogram, type World } from '../world';
import type { HardwareEconomics } from './hardware';
import type { Decisions } from './market';

/** Concentration of one day's wins and rewards and of their windows. */
interface DayConcentration {
  wins: Concentration;
  rewardTop: number;
  w7: WindowConcentration;
  w30: WindowConcentration;
  rewardTop30: number;
}

export class Recorder {
  private readonly days: number;
  private readonly daily: DailySeries;
  private readonly classSeries = {} as ClassSeries;
  private readonly histogram = new DelayHistogram();
  private readonly window7: RollingAmounts;
  private readonly window30: RollingAmounts;
  private readonly rewards30: RollingAmounts;
  /** The same windows by member, when there are pools. */
  private readonly memberWindows: { w7: RollingAmounts; w30: RollingAmounts; rewards30: RollingAmounts } | null;
  private readonly scratch: Float64Array;
  private readonly values: Float64Array;

  constructor(
    private readonly scenario: Scenario,
    private readonly w: World,
    private readonly env: Environment,
    private readonly mechanism: Mechanism,
    private readonly hardware: HardwareEconomics,
    private readonly pools: Pools | null,
    private readonly seed: number,
    private readonly streamKey: string,
  ) {
    this.days = scenario.days;
    const n = w.provers.n;
    this.daily = allocateDaily(this.days);
    for (const c of CLASS_COLUMNS) this.classSeries[c.name] = new Float64Array(hardware.nClasses * this.days);
    this.window7 = new RollingAmounts(n, 7);
    this.window30 = new RollingAmounts(n, 30);
    this.rewards30 = new RollingAmounts(n, 30);
    this.memberWindows = pools ? { w7: new RollingAmounts(n, 7), w30: new RollingAmounts(n, 30), rewards30: new RollingAmounts(n, 30) } : null;
    this.scratch = new Float64Array(n);
    this.values = new Float64Array(n);
  }

  /** Charges fixed costs and writes the day's row and per-class rows. */
  record(d: number, decisions: Decisions, upgrades: number, outcome: DayOutcome): void {
    const p = this.w.provers;
    const days = this.days;
    const cs = this.classSeries;
    const pools = this.pools;
    const hw = this.hardware;
    let attempts = 0;
    let attemptSpend = 0;
    let winningSpend = 0;
    let fixedSpend = 0;
    let lockedClassStakeUsd = 0;
    // Fixed costs of the active set and of pool members, then attempts and wins of everyone who took
    // part today (a pool's go to its members' classes, through the pools).
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      if (p.slotPool[i] >= 0) continue;
      fixedSpend += this.chargeFixed(i, d);
    }
    if (pools) {
      const members = pools.members();
      for (let k = 0; k < pools.memberTotal; k++) fixedSpend += this.chargeFixed(members[k], d);
    }
    for (let k = 0; k < p.activeCount; k++) {
      const i = p.activeList[k];
      if (p.slotPool[i] < 0) lockedClassStakeUsd += hw.classStakeUsd[p.classIndex[i]];
    }
    if (pools) {
      const members = pools.members();
      for (let k = 0; k < pools.memberTotal; k++) lockedClassStakeUsd += hw.classStakeUsd[p.classIndex[members[k]]];
    }
    for (let k = 0; k < p.dayParticipantCount; k++) {
      const i = p.dayParticipants[k];
      const a = p.dayAttempts[i];
      const attemptCost = a * p.attemptCostUsd[i] + p.dayExtraCostUsd[i];
      attempts += a;
      attemptSpend += attemptCost;
      winningSpend += p.dayWins[i] * p.attemptCostUsd[i];
      if (p.slotPool[i] >= 0) continue;
      const row = p.classIndex[i] * days + d;
      cs.proofs_won[row] += p.dayWins[i];
      cs.revenue_usd[row] += p.dayRewardValueUsd[i];
      cs.cost_usd[row] += attemptCost;
    }
    const collateral = this.w.collateral;
    const ledger = this.w.ledger;
    // Slashes of individual provers (pools' went to their members' classes through the pools).
    if (ledger.daySlashedUsd > 0) this.slashesByClass(d);
    for (let c = 0; c < hw.nClasses; c++) {
      const row = c * days + d;
      cs.cost_usd[row] += collateral.dayCapitalCostByClass[c];
      if (pools) {
        cs.revenue_usd[row] += pools.revenueByClass[c];
        cs.cost_usd[row] += pools.costByClass[c];
        cs.proofs_won[row] += pools.winsByClass[c];
      }
      cs.profit_usd[row] = cs.revenue_usd[row] - cs.cost_usd[row];
    }

    // Concentration of today's wins and rewards among the provers taking part (a pool counting once),
    // and over windows; then the same with pools spread over their members.
    const entity = this.concentrations(p.dayParticipants, p.dayParticipantCount, p.dayWins, p.dayRewardValueUsd, this.window7, this.window30, this.rewards30);
    const D = this.daily;
    if (pools && this.memberWindows) {
      pools.expandByMember(p);
      const mw = this.memberWindows;
      const member = this.concentrations(pools.byMemberList, pools.byMemberCount, pools.byMemberWins, pools.byMemberReward, mw.w7, mw.w30, mw.rewards30);
      this.writeByMember(d, member);
    } else {
      this.writeByMember(d, entity);
    }

    const f = this.w.finality;
    const env = this.env;
    const proven = f.count;
    const proverCost = attemptSpend + fixedSpend + collateral.dayCapitalCostUsd + ledger.daySlashedUsd;
    const tokenPrice = env.tokenPriceUsd[d];
    const delays = f.delays;
    sortAscending(delays, proven);
    this.histogram.addSorted(delays, proven);
    const wins = entity.wins;
    D.day[d] = d;
    D.active_provers[d] = outcome.activeProvers;
    D.nakamoto_coefficient[d] = wins.nakamoto;
    D.hhi[d] = wins.hhi;
    D.wasted_attempt_share[d] = attempts > 0 ? 1 - proven / attempts : 0;
    D.mean_finality_delay_hours[d] = proven > 0 ? f.sum / proven : 0;
    D.missed_batches[d] = f.missed;
    D.prover_profit_usd[d] = ledger.dayProverRewardUsd - proverCost;
    D.tokenholder_income_usd[d] = ledger.dayTokenholderUsd;
    D.batches_posted[d] = this.w.batchesToday;
    D.batches_proven[d] = proven;
    D.attempts[d] = attempts;
    D.gini[d] = wins.gini;
    D.entropy_bits[d] = wins.entropyBits;
    D.top1_win_share[d] = wins.topShare;
    D.top1_reward_share[d] = entity.rewardTop;
    D.nakamoto_coefficient_7d[d] = entity.w7.nakamoto;
    D.hhi_7d[d] = entity.w7.hhi;
    D.nakamoto_coefficient_30d[d] = entity.w30.nakamoto;
    D.hhi_30d[d] = entity.w30.hhi;
    D.top1_reward_share_30d[d] = entity.rewardTop30;
    D.open_to_anyone_share[d] = outcome.openToAnyoneShare ?? (this.mechanism.openEntry ? 1 : 0);
    D.entry_capital_usd[d] = hw.entryCapitalUsd(this.w, this.mechanism);
    D.profitable_entrants[d] = decisions.profitableEntrants;
    D.wasted_cost_share[d] = attemptSpend > 0 ? 1 - winningSpend / attemptSpend : 0;
    D.p95_finality_delay_hours[d] = proven > 0 ? delays[Math.ceil(0.95 * proven) - 1] : 0;
    D.max_finality_delay_hours[d] = f.max;
    D.missed_deadlines[d] = f.missedDeadlines;
    D.cost_per_proof_usd[d] = proven > 0 ? proverCost / proven : 0;
    D.prover_revenue_usd[d] = ledger.dayProverRewardUsd;
    D.prover_cost_usd[d] = proverCost;
    D.treasury_income_usd[d] = ledger.dayTreasuryUsd;
    D.treasury_balance_usd[d] = ledger.usd.treasury + ledger.tokens.treasury * tokenPrice;
    D.burned_usd[d] = ledger.dayBurnedUsd;
    D.reward_per_batch_usd[d] = env.feeUsdPerBatch[d] + env.issuanceTokensPerBatch[d] * tokenPrice;
    D.token_price_usd[d] = tokenPrice;
    D.entries[d] = decisions.entries;
    D.exits[d] = decisions.exits;
    D.upgrades[d] = upgrades;
    const ownHours = outcome.openToAnyoneShare !== undefined;
    D.backup_open_hours[d] = this.mechanism.openEntry && !ownHours ? HOURS_PER_DAY : outcome.openHours;
    D.rollup_paid_usd[d] = ledger.dayPaidInUsd;
    D.rollup_cost_per_batch_usd[d] = proven > 0 ? ledger.dayPaidInUsd / proven : 0;
    D.slashed_usd[d] = ledger.daySlashedUsd;
    D.bounties_usd[d] = ledger.dayBountyUsd;
    D.capital_cost_usd[d] = collateral.dayCapitalCostUsd;
    D.locked_capital_usd[d] = collateral.dayLockedUsd + lockedClassStakeUsd;
    D.copier_income_usd[d] = ledger.dayCopierUsd;
    D.front_run_batches[d] = outcome.frontRunBatches ?? 0;
    D.pools_active[d] = pools ? pools.activeCount() : 0;
    D.pool_members[d] = pools ? pools.memberTotal : 0;
    D.pooled_speed_share[d] = pools ? pools.pooledSpeedShare : 0;
    D.pool_fees_usd[d] = ledger.dayPoolFeesUsd;
    D.active_provers_by_member[d] = outcome.activeProvers - (pools ? pools.activeCount() - pools.memberTotal : 0);
  }

  /** Charges prover i its fixed cost of the day and counts it as active in its class; returns the cost. */
  private chargeFixed(i: number, d: number): number {
    const p = this.w.provers;
    const row = p.classIndex[i] * this.days + d;
    const fixed = p.fixedCostUsdPerDay[i];
    p.fixedSpendUsd[i] += fixed;
    p.daysActive[i]++;
    this.classSeries.active_provers[row]++;
    this.classSeries.cost_usd[row] += fixed;
    return fixed;
  }

  /** Adds today's slashes of individual provers to their classes' costs. */
  private slashesByClass(d: number): void {
    const p = this.w.provers;
    const l = this.w.ledger;
    for (let k = 0; k < l.slashedTodayCount; k++) {
      const i = l.slashedToday[k];
      if (p.slotPool[i] < 0) this.classSeries.cost_usd[p.classIndex[i] * this.days + d] += l.daySlashedValueUsd[i];
    }
  }

  /** Day and window concentration of wins and rewards among `holders[0..n)`, with the windows pushed. */
  private concentrations(
    holders: Int32Array,
    n: number,
    wins: Float64Array,
    rewards: Float64Array,
    w7: RollingAmounts,
    w30: RollingAmounts,
    rewards30: RollingAmounts,
  ): DayConcentration {
    const values = this.values;
    for (let k = 0; k < n; k++) values[k] = wins[holders[k]];
    const day = concentration(values, n, this.scratch);
    for (let k = 0; k < n; k++) values[k] = rewards[holders[k]];
    const rewardTop = topShare(values, n);
    w7.push(holders, n, wins);
    w30.push(holders, n, wins);
    rewards30.push(holders, n, rewards);
    const c7 = w7.concentration(values);
    const c30 = w30.concentration(values);
    for (let k = 0; k < rewards30.holderCount; k++) values[k] = rewards30.sums[rewards30.holders[k]];
    return { wins: day, rewardTop, w7: c7, w30: c30, rewardTop30: topShare(values, rewards30.holderCount) };
  }

  private writeByMember(d: number, c: DayConcentration): void {
    const D = this.daily;
    D.nakamoto_coefficient_by_member[d] = c.wins.nakamoto;
    D.hhi_by_member[d] = c.wins.hhi;
    D.gini_by_member[d] = c.wins.gini;
    D.entropy_bits_by_member[d] = c.wins.entropyBits;
    D.top1_win_share_by_member[d] = c.wins.topShare;
    D.top1_reward_share_by_member[d] = c.rewardTop;
    D.nakamoto_coefficient_7d_by_member[d] = c.w7.nakamoto;
    D.hhi_7d_by_member[d] = c.w7.hhi;
    D.nakamoto_coefficient_30d_by_member[d] = c.w30.nakamoto;
    D.hhi_30d_by_member[d] = c.w30.hhi;
    D.top1_reward_share_30d_by_member[d] = c.rewardTop30;
  }

  /** Throws when money was created or lost, a balance is negative, or a daily value is NaN. */
  checkInvariants(): void {
    this.w.ledger.check();
    for (const [name, col] of Object.entries(this.daily)) {
      for (let d = 0; d < this.days; d++) if (Number.isNaN(col[d])) throw new Error(`invariant: daily column ${name} is NaN on day ${d}`);
    }
  }

  result(): RunResult {
    const classes = this.scenario.provers.classes;
    const ledger = this.w.ledger;
    return {
      scenario: this.scenario,
      seed: this.seed,
      streamKey: this.streamKey,
      days: this.days,
      daily: this.daily,
      classes: { ids: classes.map((c) => c.id), labels: classes.map((c) => c.label || c.id), series: this.classSeries },
      provers: this.proverLedgers(),
      flows: { usd: { ...ledger.usd }, tokens: { ...ledger.tokens } },
      finalityHistogram: { edgesHours: this.histogram.edgesHours, counts: this.histogram.counts },
      p95FinalityDelayHours: this.histogram.quantile(0.95),
    };
  }

  private proverLedgers(): ProverLedgers {
    const p = this.w.provers;
    const classIds = [...this.scenario.provers.classes.map((c) => c.id), 'pool'];
    const poolIds = this.scenario.pools.list.map((q) => q.id);
    const profit = new Float64Array(p.n);
    for (let i = 0; i < p.n; i++) profit[i] = p.rewardValueUsd[i] - p.attemptSpendUsd[i] - p.fixedSpendUsd[i] - p.slashedValueUsd[i] - p.capitalSpendUsd[i];
    return {
      id: Int32Array.from({ length: p.n }, (_, i) => i),
      classId: Array.from(p.classIndex, (c) => classIds[c]),
      pool: Array.from({ length: p.n }, (_, i) => (p.slotPool[i] >= 0 ? poolIds[p.slotPool[i]] : p.poolOf[i] >= 0 ? poolIds[p.poolOf[i]] : '')),
      hardware: Array.from(p.kind, (k) => (k >= 0 ? this.env.hardwareIds[k] : '')),
      units: p.units,
      speedProofsPerHour: p.speed,
      attemptCostUsd: p.attemptCostUsd,
      activeAtEnd: p.active,
      daysActive: p.daysActive,
      entries: p.entries,
      exits: p.exits,
      upgrades: p.upgrades,
      attempts: p.attempts,
      proofsWon: p.wins,
      rewardUsd: p.rewardUsd,
      rewardTokens: p.rewardTokens,
      rewardValueUsd: p.rewardValueUsd,
      attemptSpendUsd: p.attemptSpendUsd,
      fixedSpendUsd: p.fixedSpendUsd,
      capexSpendUsd: p.capexSpendUsd,
      slashedValueUsd: p.slashedValueUsd,
      capitalSpendUsd: p.capitalSpendUsd,
      profitUsd: profit,
    };
  }
}
