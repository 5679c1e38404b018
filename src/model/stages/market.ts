/**
 * Stage 3 of the day, market decisions: entry and exit on expected profit (everyone deciding on the
 * same snapshot of the active set, none on day 0, as docs/race-reference.md specifies), pool
 * membership, and hardware upgrades. Entering buys hardware and locks the mechanism's stake; exiting
 * gives both up.
 */
import { DAYS_PER_YEAR } from '../environment';
import type { Mechanism } from '../mechanisms';
import type { Pools, PoolMoves } from '../pools';
import { COST_HARDWARE, type Provers } from '../provers';
import type { Scenario } from '../scenario/schema';
import type { World } from '../world';
import type { Candidate, HardwareEconomics } from './hardware';

/** The day's entry and exit counts. */
export interface Decisions {
  entries: number;
  exits: number;
  /** Inactive potential provers whose expected profit from entering is positive. */
  profitableEntrants: number;
}

export class Market {
  /** Provers brought in during the day by the mechanism (w.activate), counted with the day's entries. */
  private midDayEntries = 0;
  /** Today's entries into and exits out of proving through pools. */
  private poolEntries = 0;
  private poolExits = 0;
  private readonly poolMoves: PoolMoves;
  /** True when some class may switch hardware (skips the switch logic otherwise). */
  private readonly anyUpgrades: boolean;
  private readonly flips: Int32Array;
  private readonly profits: Float64Array;
  /** Hardware kind an inactive prover would enter with today (-1: its current kind). */
  private readonly entryKind: Int16Array;
  private readonly entryUnits: Float64Array;
  /** The best hardware switch found by bestSwitch (valid when it returns a kind). */
  private switchUnits = 0;
  private switchCapitalUsd = 0;
  private switchProfitUsdPerDay = 0;
  private readonly switchCandidate: Candidate = { speed: 0, attemptCostUsd: 0, fixedCostUsdPerDay: 0 };

  constructor(
    private readonly scenario: Scenario,
    private readonly w: World,
    private readonly mechanism: Mechanism,
    private readonly hardware: HardwareEconomics,
    private readonly pools: Pools | null,
  ) {
    const p = w.provers;
    const n = p.n;
    this.anyUpgrades = hardware.upgradeKinds.some((u) => u.length > 0);
    this.flips = new Int32Array(n);
    this.profits = new Float64Array(n);
    this.entryKind = new Int16Array(n).fill(-1);
    this.entryUnits = new Float64Array(n);
    this.poolMoves = {
      join: (i, q) => {
        if (!p.active[i] && p.poolOf[i] < 0) {
          this.buyIn(i);
          this.poolEntries++;
        }
        p.active[i] = 0;
        p.poolOf[i] = q;
      },
      leave: (i) => {
        p.poolOf[i] = -1;
        this.sellOut(i);
        this.poolExits++;
      },
      intoPool: (i, q) => {
        p.active[i] = 0;
        p.poolOf[i] = q;
      },
      goSolo: (i) => {
        p.poolOf[i] = -1;
        p.active[i] = 1;
      },
    };
  }

  /** Brings an inactive prover into the active set during the day (World.activate). */
  activate(i: number): void {
    const p = this.w.provers;
    if (p.active[i] || p.poolOf[i] >= 0 || p.slotPool[i] >= 0) return;
    this.enter(i);
    this.midDayEntries++;
    p.refreshActiveList();
  }

  /** Entries the mechanism made during the day; resets the count. */
  takeMidDayEntries(): number {
    const n = this.midDayEntries;
    this.midDayEntries = 0;
    return n;
  }

  /** Prover i starts proving alone. */
  enter(i: number): void {
    this.buyIn(i);
    this.w.provers.active[i] = 1;
  }

  /** Prover i starts proving (alone or in a pool): buys its hardware and locks the mechanism's stake. */
  private buyIn(i: number): void {
    this.w.provers.entries[i]++;
    const stake = this.mechanism.standingBondTokens?.(this.w, i) ?? 0;
    if (stake > 0) this.w.collateral.lock(i, stake);
    this.hardware.buy(i);
  }

  /** Prover i stops proving: its hardware goes, its stake starts the mechanism's withdrawal delay. */
  private sellOut(i: number): void {
    const p = this.w.provers;
    p.active[i] = 0;
    p.exits[i]++;
    this.hardware.sell(i);
    this.w.collateral.release(i, this.w.day + (this.mechanism.withdrawalDelayDays ?? 0));
  }

  /** Entry and exit, all deciding on the same snapshot; none on day 0. */
  decide(d: number): Decisions {
    const w = this.w;
    const p = w.provers;
    const m = this.mechanism;
    const rng = w.rng;
    const open = d > 0 && m.openEntry;
    const pEnter = this.scenario.behaviour.entryProbabilityPerDay;
    const pExit = this.scenario.behaviour.exitProbabilityPerDay;
    const active = p.active;
    const profits = this.profits;
    m.beginDecisions(w);
    m.expectedProfitsUsdPerDay(w, profits);
    // A newcomer may enter with any hardware its class can switch to (an ASIC once on sale).
    if (this.anyUpgrades) {
      for (let i = 0; i < p.nIndividuals; i++) {
        this.entryKind[i] = -1;
        if (active[i] || p.poolOf[i] >= 0 || p.costModel[i] !== COST_HARDWARE) continue;
        const j = this.bestSwitch(i, d, profits[i]);
        if (j >= 0) {
          this.entryKind[i] = j;
          this.entryUnits[i] = this.switchUnits;
          profits[i] = this.switchProfitUsdPerDay;
        }
      }
    }
    let nFlips = 0;
    let profitableEntrants = 0;
    // Pool slots and members decide through the pools (below).
    const poolOf = p.poolOf;
    for (let i = 0; i < p.nIndividuals; i++) {
      if (poolOf[i] >= 0) continue;
      const profit = profits[i];
      if (active[i]) {
        if (open && profit < 0 && rng.uniform32() < pExit) this.flips[nFlips++] = i;
      } else if (profit > 0) {
        profitableEntrants++;
        if (open && rng.uniform32() < pEnter) this.flips[nFlips++] = i;
      }
    }
    let entries = 0;
    let exits = 0;
    for (let k = 0; k < nFlips; k++) {
      const i = this.flips[k];
      if (active[i]) {
        this.sellOut(i);
        exits++;
      } else {
        if (this.anyUpgrades && this.entryKind[i] >= 0) {
          p.kind[i] = this.entryKind[i];
          p.units[i] = this.entryUnits[i];
          const cand = this.hardware.price(i, p.kind[i], p.units[i], w.env.efficiency[d], 0);
          p.speed[i] = cand.speed;
          p.attemptCostUsd[i] = cand.attemptCostUsd;
        }
        this.enter(i);
        entries++;
      }
    }
    if (nFlips > 0) p.refreshActiveList();
    if (open && this.pools) {
      this.poolEntries = 0;
      this.poolExits = 0;
      if (this.pools.decide(w, m, profits, rng, this.poolMoves) > 0) {
        this.pools.refresh(p);
        this.pools.aggregate(w);
        p.refreshActiveList();
        entries += this.poolEntries;
        exits += this.poolExits;
      }
    }
    return { entries, exits, profitableEntrants };
  }

  /**
   * The most profitable hardware switch for prover i today, among the kinds its class may switch to
   * that are on sale and fit its capital budget, keeping at least its current speed. Returns the kind
   * when it beats `baselineUsdPerDay` (and sets switchUnits, switchCapitalUsd, switchProfitUsdPerDay,
   * switchCandidate), else -1.
   */
  private bestSwitch(i: number, d: number, baselineUsdPerDay: number): number {
    const p: Provers = this.w.provers;
    const hw = this.hardware;
    const c = p.classIndex[i];
    const t = d / DAYS_PER_YEAR;
    const from = hw.kinds[p.kind[i]];
    let best = -1;
    let bestProfit = baselineUsdPerDay;
    for (const j of hw.upgradeKinds[c]) {
      const k = hw.kinds[j];
      // Renters can only move to hardware that is rented out (rental price above zero).
      if (j === p.kind[i] || t < k.availableFromYear || (hw.rents[c] && k.rentalUsdPerHourPerUnit <= 0)) continue;
      const units = Math.max(k.minUnits, Math.ceil((p.units[i] * from.proofsPerHourPerUnit) / k.proofsPerHourPerUnit));
      const capital = hw.purchasePriceUsd(i, j, units);
      if (capital > hw.budget[c]) continue;
      const cand = hw.price(i, j, units, this.w.env.efficiency[d], hw.depreciation(i, j, units));
      const profit = this.mechanism.expectedProfitUsdPerDay(this.w, i, cand.speed, cand.attemptCostUsd, cand.fixedCostUsdPerDay);
      if (profit > bestProfit) {
        best = j;
        bestProfit = profit;
        this.switchUnits = units;
        this.switchCapitalUsd = capital;
        this.switchProfitUsdPerDay = profit;
        this.switchCandidate.speed = cand.speed;
        this.switchCandidate.attemptCostUsd = cand.attemptCostUsd;
        this.switchCandidate.fixedCostUsdPerDay = cand.fixedCostUsdPerDay;
      }
    }
    return best;
  }

  /** Hardware upgrades: an active prover switches kind when the switch pays and fits its budget. */
  upgrade(d: number): number {
    if (!this.anyUpgrades) return 0;
    const w = this.w;
    const p = w.provers;
    const m = this.mechanism;
    const pUpgrade = this.scenario.behaviour.upgradeProbabilityPerDay;
    m.beginDecisions(w);
    let upgrades = 0;
    for (let a = 0; a < p.activeCount; a++) {
      const i = p.activeList[a];
      if (p.costModel[i] !== COST_HARDWARE || this.hardware.upgradeKinds[p.classIndex[i]].length === 0) continue;
      const current = m.expectedProfitUsdPerDay(w, i, p.speed[i], p.attemptCostUsd[i], p.fixedCostUsdPerDay[i]);
      const j = this.bestSwitch(i, d, current);
      if (j < 0 || w.rng.uniform32() >= pUpgrade) continue;
      this.hardware.switchTo(i, j, this.switchUnits, this.switchCapitalUsd, this.switchCandidate);
      p.upgrades[i]++;
      upgrades++;
    }
    return upgrades;
  }
}
