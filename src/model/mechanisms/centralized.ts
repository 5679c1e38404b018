/**
 * Centralized prover with a backup pool: today's ZK rollups (a trusted aggregator or operator) with
 * the fallback the seed thread proposes. One operator proves every batch. When it fails, finality
 * waits until either it recovers or the backup pool is opened: by an emergency governance vote after
 * `governanceDelayHours` from the failure (closed again when the operator recovers), or by a protocol
 * timeout `timeoutHours` after a batch was posted unproven (like Taiko's open proving after the
 * proving window, or Polygon zkEVM's trustedAggregatorTimeout). The backup pool then races.
 *
 * Simplifications: the pool's provers are on call (they carry no fixed cost for it) and enter the race
 * as soon as it opens; an outage that starts during a proof loses that attempt; no capacity limits.
 */
import { downUntil, firstEndingAfter, nextOutageStart, HOURS_PER_DAY } from '../environment';
import type { MechanismConfig } from '../scenario/schema';
import type { World } from '../world';
import { payProofs } from '../world';
import type { DayOutcome, Mechanism } from './mechanism';

type CentralizedConfig = Extract<MechanismConfig, { kind: 'centralized' }>;

export class CentralizedMechanism implements Mechanism {
  readonly kind = 'centralized';
  readonly openEntry = false;
  private operator = 0;
  private pool!: Int32Array;
  private cumSpeed!: Float64Array;
  private upPool!: Int32Array;
  /** Start times of the operator's attempts on the current batch (reused). */
  private starts = new Float64Array(8);
  /** Result of the last backup race. */
  private backupWinner = -1;
  private backupAt = Infinity;

  constructor(private readonly config: CentralizedConfig) {}

  init(w: World): void {
    const p = w.provers;
    const classes = w.scenario.provers.classes;
    const opClass = classes.findIndex((c) => c.id === this.config.operatorClass);
    const backup = new Set(
      this.config.backupClasses.length ? this.config.backupClasses.map((id) => classes.findIndex((c) => c.id === id)) : classes.map((_, k) => k).filter((k) => k !== opClass),
    );
    const pool: number[] = [];
    this.operator = -1;
    for (let i = 0; i < p.n; i++) {
      p.active[i] = 0;
      if (this.operator < 0 && p.classIndex[i] === opClass) this.operator = i;
      else if (backup.has(p.classIndex[i]) && pool.length < this.config.backupPoolSize) pool.push(i);
    }
    if (this.operator < 0) throw new Error(`mechanism.operatorClass: class "${this.config.operatorClass}" has no prover (set its count to at least 1)`);
    p.active[this.operator] = 1;
    this.pool = Int32Array.from(pool);
    this.cumSpeed = new Float64Array(pool.length);
    this.upPool = new Int32Array(pool.length);
  }

  beginDecisions(): void {}

  expectedProfitUsdPerDay(w: World, i: number, _speed: number, attemptCostUsd: number, fixedCostUsdPerDay: number): number {
    return i === this.operator ? w.batchesToday * (w.proverRewardPerBatchUsd - attemptCostUsd) - fixedCostUsdPerDay : -fixedCostUsdPerDay;
  }

  expectedProfitsUsdPerDay(w: World, out: Float64Array): void {
    const p = w.provers;
    for (let i = 0; i < p.n; i++) out[i] = this.expectedProfitUsdPerDay(w, i, p.speed[i], p.attemptCostUsd[i], p.fixedCostUsdPerDay[i]);
  }

  entryBondUsd(): number {
    return 0;
  }

  /** Hours after the operator's failure at which the pool opens. */
  private get openDelayHours(): number {
    return this.config.backupTrigger === 'governance' ? this.config.governanceDelayHours : this.config.timeoutHours;
  }

  runDay(w: World): DayOutcome {
    const p = w.provers;
    const o = this.operator;
    const batches = w.batchesToday;
    const outages = w.env.outages;
    const rng = w.rng;
    const opSpeed = p.speed[o];
    const spacing = batches > 0 ? HOURS_PER_DAY / batches : 0;
    for (let b = 0; b < batches; b++) {
      const posted = w.dayStartHours + b * spacing;
      // The operator works on the batch, restarting after each outage that interrupts it.
      let nStarts = 0;
      let start = posted;
      let opDone: number;
      for (;;) {
        const down = outages.none ? -1 : downUntil(outages, o, start);
        if (down >= 0) start = down;
        const finish = start + rng.exponential(opSpeed);
        if (nStarts === this.starts.length) {
          const grown = new Float64Array(nStarts * 2);
          grown.set(this.starts);
          this.starts = grown;
        }
        this.starts[nStarts++] = start;
        const next = outages.none ? Infinity : nextOutageStart(outages, o, start);
        if (next >= finish) {
          opDone = finish;
          break;
        }
        start = next;
      }
      // Is the backup pool opened for this batch before the operator is done?
      let gate = Infinity;
      if (this.config.backupTrigger === 'timeout') {
        if (posted + this.config.timeoutHours < opDone) gate = posted + this.config.timeoutHours;
      } else if (!outages.none) {
        for (let k = firstEndingAfter(outages, o, posted); k < outages.offsets[o + 1] && outages.startHours[k] < opDone; k++) {
          const opens = outages.startHours[k] + this.config.governanceDelayHours;
          if (opens < outages.endHours[k] && opens < opDone) {
            gate = Math.max(posted, opens);
            break;
          }
        }
      }
      let winner = o;
      let provenAt = opDone;
      if (gate < opDone) {
        this.raceBackup(w, gate);
        if (this.backupAt < opDone) {
          winner = this.backupWinner;
          provenAt = this.backupAt;
        }
      }
      let opAttempts = 0;
      for (let k = 0; k < nStarts; k++) if (this.starts[k] < provenAt) opAttempts++;
      p.chargeAttempts(o, opAttempts);
      p.recordWins(winner, 1);
      w.finality.proven(provenAt - posted);
    }
    let active = 0;
    for (let k = 0; k < p.dayParticipantCount; k++) {
      const i = p.dayParticipants[k];
      payProofs(w, i, p.dayWins[i]);
      active++;
    }
    return { activeProvers: Math.max(1, active), openHours: this.openHoursToday(w) };
  }

  /** The backup pool races from `at`: every pool prover that is up attempts; the fastest wins (sets backupWinner, backupAt). */
  private raceBackup(w: World, at: number): void {
    const p = w.provers;
    const outages = w.env.outages;
    let n = 0;
    let total = 0;
    for (let k = 0; k < this.pool.length; k++) {
      const i = this.pool[k];
      if (!outages.none && downUntil(outages, i, at) >= 0) continue;
      total += p.speed[i];
      this.upPool[n] = i;
      this.cumSpeed[n] = total;
      n++;
    }
    this.backupWinner = -1;
    this.backupAt = Infinity;
    if (n === 0 || total <= 0) return;
    const u = w.rng.uniform() * total;
    let j = 0;
    while (j < n - 1 && this.cumSpeed[j] <= u) j++;
    for (let k = 0; k < n; k++) p.chargeAttempts(this.upPool[k], 1);
    this.backupWinner = this.upPool[j];
    this.backupAt = at + w.rng.exponential(total);
  }

  /** Hours of today during which the backup gate stands open after an operator failure. */
  private openHoursToday(w: World): number {
    const outages = w.env.outages;
    if (outages.none) return 0;
    const o = this.operator;
    const from = w.dayStartHours;
    const to = from + HOURS_PER_DAY;
    let open = 0;
    for (let k = firstEndingAfter(outages, o, from); k < outages.offsets[o + 1] && outages.startHours[k] < to; k++) {
      const a = Math.max(from, outages.startHours[k] + this.openDelayHours);
      const b = Math.min(to, outages.endHours[k]);
      if (b > a) open += b - a;
    }
    return open;
  }
}
