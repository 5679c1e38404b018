/**
 * Proving pools, as ZKPool proposes them (docs.zkpool.io; "like liquid staking" in the seed thread):
 * small provers delegate their hardware and stake to a pool, which competes under any mechanism as one
 * prover (its entity slot, after the individual provers) with the members' combined speed and stake.
 * Pooled hardware works on one proof together, so a pool pays for one attempt where its members
 * racing alone would each pay for one.
 *
 * Every day the pool's rewards go to its members pro rata to the speed they contribute, after the
 * operator's fee; its attempt costs go to them pro rata to the hourly cost of their hardware; its
 * slashes and capital costs pro rata to their stake. Members keep paying their own fixed costs.
 * Members (and solo provers of the member classes) move to the pool, or to going solo, that they
 * expect to pay them best, and leave when nothing pays.
 *
 * A prover outside a pool values joining it at the size the pool would reach if every prover who
 * prefers it at that size joined (so pools can start: the first member alone would gain nothing).
 *
 * Simplifications: a pool is never down (its hardware is spread over its members); members do not
 * upgrade hardware; a member evaluates a pool at the pool's current stake; an operator has no costs
 * of its own.
 */
import type { Mechanism } from './mechanisms/mechanism';
import type { Provers } from './provers';
import type { Rng } from './random';
import type { Scenario } from './scenario/schema';
import { mechanismCostOfStake } from './mechanisms/stakes';
import type { World } from './world';

/** How a membership decision changes a prover (carried out by the simulation, which owns entry bookkeeping). */
/** Most rounds of dropping provers from a pool's prospective size (it converges in a few). */
const MAX_PROSPECT_ROUNDS = 20;

export interface PoolMoves {
  /** An inactive prover buys in and joins pool q. */
  join(i: number, q: number): void;
  /** A member leaves proving altogether. */
  leave(i: number): void;
  /** An active solo prover brings its hardware into pool q. */
  intoPool(i: number, q: number): void;
  /** A member takes its hardware out and proves alone. */
  goSolo(i: number): void;
}

export class Pools {
  readonly count: number;
  readonly ids: string[];
  readonly feeShare: Float64Array;
  /** Prover index of each pool's entity slot. */
  readonly slot: Int32Array;
  /** Members of pool q are memberIdx[offsets[q] .. offsets[q+1]) (rebuilt by refresh). */
  private readonly memberIdx: Int32Array;
  private readonly offsets: Int32Array;
  /** Per member (indexed like memberIdx): its share of the pool's speed, hourly cost and stake. */
  private readonly speedWeight: Float64Array;
  private readonly costWeight: Float64Array;
  private readonly stakeWeight: Float64Array;
  /** Per pool: sums of members' speed and of speed x attempt cost (= hourly cost). */
  private readonly speedSum: Float64Array;
  private readonly costSpeedSum: Float64Array;
  /** 1 for individual provers of a class allowed to join pools. */
  private readonly eligible: Uint8Array;
  private readonly switchProbability: number;
  private readonly hurdle: number;
  /** Per pool, at today's decisions: terms for staying (current size) and for joining (prospective size). */
  private readonly stayRevenue: Float64Array;
  private readonly stayAttempt: Float64Array;
  private readonly joinRevenue: Float64Array;
  private readonly joinAttempt: Float64Array;
  /** Scratch: provers counted in a pool's prospective size. */
  private readonly joining: Uint8Array;
  /** Today's pool results attributed to the members' classes: revenue, costs, proofs won. */
  readonly revenueByClass: Float64Array;
  readonly costByClass: Float64Array;
  readonly winsByClass: Float64Array;
  /** Today's wins and rewards counted by member (pools spread over their members), for concentration by member. */
  readonly byMemberWins: Float64Array;
  readonly byMemberReward: Float64Array;
  readonly byMemberList: Int32Array;
  byMemberCount = 0;
  /** Members in total, and the share of all engaged proving speed that sits in pools. */
  memberTotal = 0;
  pooledSpeedShare = 0;

  constructor(scenario: Scenario, provers: Provers) {
    const list = scenario.pools.list;
    this.count = list.length;
    this.ids = list.map((p) => p.id);
    this.feeShare = Float64Array.from(list, (p) => p.feeShare);
    this.slot = Int32Array.from(list, (_, q) => provers.nIndividuals + q);
    const n = provers.n;
    this.memberIdx = new Int32Array(provers.nIndividuals);
    this.offsets = new Int32Array(this.count + 1);
    this.speedWeight = new Float64Array(provers.nIndividuals);
    this.costWeight = new Float64Array(provers.nIndividuals);
    this.stakeWeight = new Float64Array(provers.nIndividuals);
    this.speedSum = new Float64Array(this.count);
    this.costSpeedSum = new Float64Array(this.count);
    const classes = scenario.provers.classes;
    const allowed = new Set(scenario.pools.memberClasses.length ? scenario.pools.memberClasses : classes.map((c) => c.id));
    this.eligible = new Uint8Array(provers.nIndividuals);
    for (let i = 0; i < provers.nIndividuals; i++) this.eligible[i] = allowed.has(classes[provers.classIndex[i]].id) ? 1 : 0;
    this.switchProbability = scenario.pools.switchProbabilityPerDay;
    this.stayRevenue = new Float64Array(this.count);
    this.stayAttempt = new Float64Array(this.count);
    this.joinRevenue = new Float64Array(this.count);
    this.joinAttempt = new Float64Array(this.count);
    this.joining = new Uint8Array(provers.nIndividuals);
    this.hurdle = scenario.pools.switchHurdleShare;
    this.revenueByClass = new Float64Array(classes.length);
    this.costByClass = new Float64Array(classes.length);
    this.winsByClass = new Float64Array(classes.length);
    this.byMemberWins = new Float64Array(n);
    this.byMemberReward = new Float64Array(n);
    this.byMemberList = new Int32Array(n);
  }

  /** Pools with at least one member. */
  activeCount(): number {
    let n = 0;
    for (let q = 0; q < this.count; q++) if (this.offsets[q + 1] > this.offsets[q]) n++;
    return n;
  }

  /** Every member, pool by pool: the first memberTotal entries. */
  members(): Int32Array {
    return this.memberIdx;
  }

  /** Rebuilds the member lists from provers.poolOf (after membership changes). */
  refresh(p: Provers): void {
    const counts = this.offsets;
    counts.fill(0);
    for (let i = 0; i < p.nIndividuals; i++) if (p.poolOf[i] >= 0) counts[p.poolOf[i] + 1]++;
    for (let q = 0; q < this.count; q++) counts[q + 1] += counts[q];
    this.memberTotal = counts[this.count];
    const next = Int32Array.from(counts.subarray(0, this.count));
    for (let i = 0; i < p.nIndividuals; i++) if (p.poolOf[i] >= 0) this.memberIdx[next[p.poolOf[i]]++] = i;
  }

  /**
   * Sets each pool slot's speed, attempt cost, capital rate, delegated stake and active flag from its
   * members' values of today, and the members' weights. Returns true when a slot's active flag changed.
   */
  aggregate(w: World): boolean {
    const p = w.provers;
    const stake = w.collateral.bondTokens;
    let changed = false;
    let pooledSpeed = 0;
    for (let q = 0; q < this.count; q++) {
      const from = this.offsets[q];
      const to = this.offsets[q + 1];
      let speed = 0;
      let hourly = 0;
      let staked = 0;
      let rate = 0;
      for (let k = from; k < to; k++) {
        const i = this.memberIdx[k];
        speed += p.speed[i];
        hourly += p.speed[i] * p.attemptCostUsd[i];
        staked += stake[i];
        rate += p.speed[i] * p.capitalCostPerYear[i];
      }
      for (let k = from; k < to; k++) {
        const i = this.memberIdx[k];
        const share = speed > 0 ? p.speed[i] / speed : 1 / (to - from);
        this.speedWeight[k] = share;
        this.costWeight[k] = hourly > 0 ? (p.speed[i] * p.attemptCostUsd[i]) / hourly : share;
        this.stakeWeight[k] = staked > 0 ? stake[i] / staked : share;
      }
      const s = this.slot[q];
      this.speedSum[q] = speed;
      this.costSpeedSum[q] = hourly;
      p.speed[s] = speed;
      p.attemptCostUsd[s] = speed > 0 ? hourly / speed : 0;
      p.fixedCostUsdPerDay[s] = 0;
      p.capitalCostPerYear[s] = speed > 0 ? rate / speed : 0;
      w.collateral.delegatedTokens[s] = staked;
      const active = to > from && speed > 0 ? 1 : 0;
      if (p.active[s] !== active) changed = true;
      p.active[s] = active;
      pooledSpeed += speed;
    }
    let soloSpeed = 0;
    for (let k = 0; k < p.activeCount; k++) if (p.slotPool[p.activeList[k]] < 0) soloSpeed += p.speed[p.activeList[k]];
    this.pooledSpeedShare = pooledSpeed + soloSpeed > 0 ? pooledSpeed / (pooledSpeed + soloSpeed) : 0;
    return changed;
  }

  /**
   * The pool's expected economics at a size (members' total speed and hourly cost), from the
   * mechanism's expected profit of the pool as one prover: revenue per unit of speed and attempt cost
   * per unit of hourly cost, which members share pro rata. Sets `revenuePerSpeed` and `attemptPerHourly`.
   */
  private terms(w: World, m: Mechanism, q: number, speed: number, hourly: number, stakeTokens: number): void {
    if (!(speed > 0)) {
      this.revenuePerSpeed = 0;
      this.attemptPerHourly = 0;
      return;
    }
    const s = this.slot[q];
    // Mechanisms that weigh by stake read the pool's delegated stake: evaluate at the stake of this size.
    const delegated = w.collateral.delegatedTokens;
    const actual = delegated[s];
    delegated[s] = stakeTokens;
    const revenue = m.expectedProfitUsdPerDay(w, s, speed, 0, 0);
    const attempts = Math.max(0, revenue - m.expectedProfitUsdPerDay(w, s, speed, hourly / speed, 0));
    delegated[s] = actual;
    this.revenuePerSpeed = revenue / speed;
    this.attemptPerHourly = hourly > 0 ? attempts / hourly : 0;
  }

  private revenuePerSpeed = 0;
  private attemptPerHourly = 0;

  /**
   * Expected profit per day of prover i as a member of pool q at the pool's terms: its share of the
   * rewards after the fee, minus its share of the attempt costs, its own fixed costs and the cost of
   * its own stake.
   */
  private memberValue(w: World, m: Mechanism, q: number, i: number, revenuePerSpeed: number, attemptPerHourly: number): number {
    const p = w.provers;
    return (1 - this.feeShare[q]) * revenuePerSpeed * p.speed[i] - attemptPerHourly * p.speed[i] * p.attemptCostUsd[i] - p.fixedCostUsdPerDay[i] - mechanismCostOfStake(w, m, i);
  }

  /** Stake prover i brings into a pool: what it has locked, or what it would lock on entry. */
  private stakeOnJoining(w: World, m: Mechanism, i: number): number {
    return w.provers.active[i] ? w.collateral.bondTokens[i] : m.standingBondTokens?.(w, i) ?? 0;
  }

  /**
   * A pool's expected size for a prover thinking of joining it: its members plus every eligible
   * prover outside pools that would rather be in it than alone or out, at that size (the largest
   * such coalition, found by dropping those it does not pay until nobody drops). Sets the pool's
   * prospective terms in joinRevenue/joinAttempt.
   */
  private prospect(w: World, m: Mechanism, q: number, soloProfit: Float64Array): void {
    const p = w.provers;
    const n = p.nIndividuals;
    let speed = 0;
    let hourly = 0;
    let stake = 0;
    for (let i = 0; i < n; i++) {
      this.joining[i] = this.eligible[i] && p.poolOf[i] < 0 && p.speed[i] > 0 ? 1 : 0;
      if (this.joining[i]) {
        speed += p.speed[i];
        hourly += p.speed[i] * p.attemptCostUsd[i];
        stake += this.stakeOnJoining(w, m, i);
      }
    }
    for (let round = 0; round < MAX_PROSPECT_ROUNDS; round++) {
      this.terms(w, m, q, this.speedSum[q] + speed, this.costSpeedSum[q] + hourly, w.collateral.delegatedTokens[this.slot[q]] + stake);
      let dropped = false;
      for (let i = 0; i < n; i++) {
        if (!this.joining[i] || this.memberValue(w, m, q, i, this.revenuePerSpeed, this.attemptPerHourly) > Math.max(0, soloProfit[i])) continue;
        this.joining[i] = 0;
        speed -= p.speed[i];
        hourly -= p.speed[i] * p.attemptCostUsd[i];
        stake -= this.stakeOnJoining(w, m, i);
        dropped = true;
      }
      if (!dropped) break;
    }
    this.joinRevenue[q] = this.revenuePerSpeed;
    this.joinAttempt[q] = this.attemptPerHourly;
  }

  /**
   * Membership decisions on today's snapshot (`soloProfit`: every prover's expected profit alone, from
   * the daily decisions). A member values its pool at its current size and another pool at that
   * pool's prospective size (see `prospect`); members leave when nothing pays and move when another
   * pool or going solo pays clearly better; inactive provers join the best pool when it pays and beats
   * going solo; solo provers move into a pool that pays clearly better. Returns the number of moves.
   */
  decide(w: World, m: Mechanism, soloProfit: Float64Array, rng: Rng, moves: PoolMoves): number {
    if (this.count === 0) return 0;
    const p = w.provers;
    const b = w.scenario.behaviour;
    for (let q = 0; q < this.count; q++) {
      this.terms(w, m, q, this.speedSum[q], this.costSpeedSum[q], w.collateral.delegatedTokens[this.slot[q]]);
      this.stayRevenue[q] = this.revenuePerSpeed;
      this.stayAttempt[q] = this.attemptPerHourly;
      this.prospect(w, m, q, soloProfit);
    }
    let changes = 0;
    for (let i = 0; i < p.nIndividuals; i++) {
      if (!this.eligible[i]) continue;
      const current = p.poolOf[i];
      let best = -1;
      let bestValue = -Infinity;
      for (let q = 0; q < this.count; q++) {
        if (q === current) continue;
        const v = this.memberValue(w, m, q, i, this.joinRevenue[q], this.joinAttempt[q]);
        if (v > bestValue) {
          bestValue = v;
          best = q;
        }
      }
      const solo = soloProfit[i];
      if (current >= 0) {
        const currentValue = this.memberValue(w, m, current, i, this.stayRevenue[current], this.stayAttempt[current]);
        const alternative = Math.max(bestValue, solo);
        if (Math.max(alternative, currentValue) < 0) {
          if (rng.uniform() < b.exitProbabilityPerDay) {
            moves.leave(i);
            changes++;
          }
        } else if (alternative > currentValue + this.hurdle * Math.abs(currentValue) && rng.uniform() < this.switchProbability) {
          if (bestValue >= solo) moves.join(i, best);
          else moves.goSolo(i);
          changes++;
        }
      } else if (p.active[i]) {
        if (best >= 0 && bestValue > 0 && bestValue > solo + this.hurdle * Math.abs(solo) && rng.uniform() < this.switchProbability) {
          moves.intoPool(i, best);
          changes++;
        }
      } else if (best >= 0 && bestValue > 0 && bestValue >= solo && rng.uniform() < b.entryProbabilityPerDay) {
        moves.join(i, best);
        changes++;
      }
    }
    return changes;
  }

  /**
   * After the mechanism's day: passes each pool's rewards (after the fee), attempt costs, slashes and
   * capital costs on to its members, attributes them to the members' classes, and spreads the day's
   * wins and rewards over members for concentration by member.
   */
  settle(w: World): void {
    const p = w.provers;
    const price = w.env.tokenPriceUsd[w.day];
    this.revenueByClass.fill(0);
    this.costByClass.fill(0);
    this.winsByClass.fill(0);
    for (let q = 0; q < this.count; q++) {
      const s = this.slot[q];
      const from = this.offsets[q];
      const to = this.offsets[q + 1];
      if (to === from) continue;
      const fee = this.feeShare[q];
      const kept = p.rewardValueUsd[s] * (1 - fee);
      const attemptSpend = p.attemptSpendUsd[s];
      const slashedValue = p.slashedValueUsd[s];
      const slashedTokens = p.slashedTokens[s];
      const capital = p.capitalSpendUsd[s];
      const wins = p.dayWins[s];
      w.ledger.distributePool(s, fee, this.memberIdx.subarray(from, to), this.speedWeight.subarray(from, to), to - from, price);
      for (let k = from; k < to; k++) {
        const i = this.memberIdx[k];
        const c = p.classIndex[i];
        const cost = attemptSpend * this.costWeight[k] + (slashedValue + capital) * this.stakeWeight[k];
        p.attemptSpendUsd[i] += attemptSpend * this.costWeight[k];
        p.slashedValueUsd[i] += slashedValue * this.stakeWeight[k];
        p.slashedTokens[i] += slashedTokens * this.stakeWeight[k];
        p.capitalSpendUsd[i] += capital * this.stakeWeight[k];
        this.revenueByClass[c] += kept * this.speedWeight[k];
        this.costByClass[c] += cost;
        this.winsByClass[c] += wins * this.speedWeight[k];
      }
      p.attemptSpendUsd[s] = 0;
      p.slashedValueUsd[s] = 0;
      p.slashedTokens[s] = 0;
      p.capitalSpendUsd[s] = 0;
    }
  }

  /**
   * Fills byMemberWins/byMemberReward and byMemberList with today's participants, each pool replaced by
   * its members (pro rata to speed; rewards after the pool's fee).
   */
  expandByMember(p: Provers): void {
    for (let k = 0; k < this.byMemberCount; k++) {
      const i = this.byMemberList[k];
      this.byMemberWins[i] = 0;
      this.byMemberReward[i] = 0;
    }
    let n = 0;
    for (let k = 0; k < p.dayParticipantCount; k++) {
      const i = p.dayParticipants[k];
      const q = p.slotPool[i];
      if (q < 0) {
        this.byMemberWins[i] = p.dayWins[i];
        this.byMemberReward[i] = p.dayRewardValueUsd[i];
        this.byMemberList[n++] = i;
        continue;
      }
      const keep = 1 - this.feeShare[q];
      for (let j = this.offsets[q]; j < this.offsets[q + 1]; j++) {
        const m = this.memberIdx[j];
        this.byMemberWins[m] = p.dayWins[i] * this.speedWeight[j];
        this.byMemberReward[m] = p.dayRewardValueUsd[i] * keep * this.speedWeight[j];
        this.byMemberList[n++] = m;
      }
    }
    this.byMemberCount = n;
  }
}
