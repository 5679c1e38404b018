/**
 * The scenario: one typed, validated parameter object. Every field is documented where it is
 * declared (meaning, unit, default, source), in the spirit of the CADLabs ethereum-economic-model's
 * `system_parameters.py`. The parameter reference in the README is generated from these
 * declarations (`npm run docs:params`).
 */
import { z } from 'zod';
import { calibrated, provenance } from './calibration';
import { checkCurve, type Curve } from './curves';

/** Documentation attached to a parameter declaration. */
export interface ParamDoc {
  /** What the parameter means (one or two sentences). */
  doc: string;
  /** Unit, e.g. `USD/h`, `share`, `1/year`. */
  unit?: string;
  /** Where the default comes from: a source and date, or "assumption: why". */
  source?: string;
}

/** Attaches documentation to a schema (stored as JSON in zod's description). */
function doc<T extends z.ZodTypeAny>(schema: T, d: ParamDoc): T {
  return schema.describe(JSON.stringify(d)) as T;
}

const nonNegative = () => z.number().finite().min(0);
const positive = () => z.number().finite().positive();
const share = () => z.number().finite().min(0).max(1);
const count = () => z.number().int().min(0);
const identifier = () =>
  z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes (e.g. "home-gpu")');

/** A constant or a mathjs expression of t (years); checked over 100 years here, over the run later. */
function curve(min: number, max = Infinity) {
  return z
    .custom<Curve>((v) => typeof v === 'number' || typeof v === 'string', {
      message: 'expected a number or a mathjs expression of t (years), e.g. "20 * 1.1^t"',
    })
    .superRefine((v, ctx) => {
      const problem = checkCurve(v, typeof v === 'number' ? 0 : 1, min, max);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    });
}

// ---------------------------------------------------------------------------------------------
// Hardware
// ---------------------------------------------------------------------------------------------

const hw = (kind: string, field: string) => calibrated(`hardware.kinds.${kind}.${field}`);

/** One kind of proving hardware (a GPU model, an ASIC generation). */
export const hardwareKindSchema = z
  .object({
    label: doc(z.string(), { doc: 'Human-readable name of the hardware kind.' }),
    capexUsdPerUnit: doc(nonNegative(), { doc: 'Purchase price of one unit on day 0, before cost decline.', unit: 'USD' }),
    powerKwPerUnit: doc(nonNegative(), { doc: 'Power drawn by one unit while proving.', unit: 'kW' }),
    rentalUsdPerHourPerUnit: doc(nonNegative(), {
      doc: 'Cloud rental price of one unit per hour on day 0 (used by provers whose ownership is "rent").',
      unit: 'USD/h',
    }),
    lifetimeYears: doc(positive(), { doc: 'Straight-line depreciation period of owned hardware.', unit: 'years' }),
    proofsPerHourPerUnit: doc(positive(), {
      doc: 'Proving throughput of one unit on day 0: a prover with u units proves one batch in 1/(u * this) hours on average.',
      unit: 'proofs/h',
    }),
    availableFromYear: doc(nonNegative(), { doc: 'First year (since day 0) in which the kind can be bought.', unit: 'years' }),
    minUnits: doc(z.number().int().min(1), { doc: 'Smallest purchase: provers below it cannot switch to this kind.', unit: 'units' }),
    initialInstalledUnits: doc(positive().default(1_000_000), {
      doc: 'Units installed worldwide on day 0; the experience curve prices by cumulative units relative to this.',
      unit: 'units',
      source: 'assumption: order of a million data-centre GPUs a year',
    }),
    globalUnitsPerYear: doc(nonNegative().default(1_000_000), {
      doc: 'Units installed worldwide per year outside the model (drives the experience curve with the model\'s own purchases).',
      unit: 'units/year',
      source: 'assumption',
    }),
  })
  .strict();
export type HardwareKind = z.output<typeof hardwareKindSchema>;

function calibratedKind(id: string): z.input<typeof hardwareKindSchema> {
  const fields = ['capexUsdPerUnit', 'powerKwPerUnit', 'rentalUsdPerHourPerUnit', 'lifetimeYears', 'proofsPerHourPerUnit', 'availableFromYear', 'minUnits'] as const;
  const kind: Record<string, unknown> = { label: require('../../../data/calibration/hardware.json').kinds[id].label };
  for (const f of fields) kind[f] = hw(id, f);
  if (id === 'asic') {
    // A new product: its volume, and so its experience curve, is driven by the proving market itself.
    kind.initialInstalledUnits = 100;
    kind.globalUnitsPerYear = 0;
  }
  return kind as z.input<typeof hardwareKindSchema>;
}

/** Hardware kinds shipped with the model, from data/calibration/hardware.json. */
export const defaultHardwareKinds = { rtx4090: calibratedKind('rtx4090'), h100: calibratedKind('h100'), asic: calibratedKind('asic') };

// ---------------------------------------------------------------------------------------------
// Provers
// ---------------------------------------------------------------------------------------------

/** Costs given directly per proof attempt (the abstraction of BENCHMARK.md's race-reference). */
export const perAttemptCostSchema = z
  .object({
    model: z.literal('perAttempt'),
    speedMedianProofsPerHour: doc(positive(), {
      doc: 'Median proving speed: proof latency is exponential with this rate. Drawn log-normally per prover.',
      unit: 'proofs/h',
    }),
    speedSigma: doc(nonNegative().default(0), { doc: 'Log-normal sigma of speed across provers (0: all equal).', unit: 'log', source: 'assumption: identical unless set' }),
    attemptCostMedianUsd: doc(nonNegative(), { doc: 'Median cost of one proof attempt on day 0, drawn log-normally per prover.', unit: 'USD' }),
    attemptCostSigma: doc(nonNegative().default(0), { doc: 'Log-normal sigma of attempt cost across provers.', unit: 'log', source: 'assumption: identical unless set' }),
    yearlyCostDecline: doc(z.number().finite().min(0).lt(1).default(calibrated('costs.raceReferenceYearlyDecline')), {
      doc: 'Yearly decline of the attempt cost: cost(d) = cost(0) * (1 - decline)^(d/365).',
      unit: '1/year',
      source: provenance('costs.raceReferenceYearlyDecline'),
    }),
  })
  .strict();

/** Costs built up from hardware: units of a kind, owned or rented, powered at an electricity price. */
export const hardwareCostSchema = z
  .object({
    model: z.literal('hardware'),
    hardware: doc(z.string(), { doc: 'Hardware kind, a key of `hardware`.' }),
    minUnits: doc(z.number().int().min(1), { doc: 'Fewest units a prover of this class runs (drawn uniformly in [minUnits, maxUnits]).', unit: 'units' }),
    maxUnits: doc(z.number().int().min(1), { doc: 'Most units a prover of this class runs.', unit: 'units' }),
    ownership: doc(z.enum(['own', 'rent']).default('own'), {
      doc: '"own": buy at entry and depreciate daily while active; "rent": pay the hourly rental only while proving.',
    }),
    electricityUsdPerKwh: doc(nonNegative().default(calibrated('energy.electricityUsdPerKwh.datacenter')), {
      doc: 'Electricity price paid while proving (included in rental for rented hardware).',
      unit: 'USD/kWh',
      source: provenance('energy.electricityUsdPerKwh.datacenter'),
    }),
    speedSigma: doc(nonNegative().default(0.3), {
      doc: 'Log-normal sigma of operator efficiency (software, tuning) multiplying hardware throughput.',
      unit: 'log',
      source: 'assumption: operators differ by tens of percent',
    }),
    upgradeTo: doc(z.array(z.string()).default([]), {
      doc: 'Hardware kinds this class may switch to once available, when the switch raises expected profit and fits capitalBudgetUsd.',
    }),
  })
  .strict();

export const costModelSchema = z.discriminatedUnion('model', [perAttemptCostSchema, hardwareCostSchema]);
export type CostModel = z.output<typeof costModelSchema>;

/** A class of potential provers sharing cost structure and behaviour. */
export const proverClassSchema = z
  .object({
    id: doc(identifier(), { doc: 'Short identifier, used in outputs (e.g. "home-gpu").' }),
    label: doc(z.string().default(''), { doc: 'Human-readable name (defaults to the id).' }),
    count: doc(count(), { doc: 'Number of potential provers in the class.', unit: 'provers' }),
    activeAtStart: doc(count().default(0), { doc: 'How many of them are active on day 0.', unit: 'provers', source: 'assumption: nobody but the classes that say so' }),
    costModel: doc(costModelSchema, { doc: 'How the class\'s costs and speed are set: "perAttempt" or "hardware".' }),
    overheadUsdPerDay: doc(nonNegative().default(0), {
      doc: 'Fixed operating cost per active day (staff, hosting, monitoring).',
      unit: 'USD/day',
      source: 'assumption',
    }),
    stakeUsd: doc(nonNegative().default(0), {
      doc: 'Capital a prover of the class must lock while active (stake or bond).',
      unit: 'USD',
      source: 'assumption: no stake unless the mechanism or scenario asks for one',
    }),
    capitalCostPerYear: doc(nonNegative().default(calibrated('rewards.stakeCapitalCostPerYear')), {
      doc: 'Opportunity cost of locked capital.',
      unit: '1/year',
      source: provenance('rewards.stakeCapitalCostPerYear'),
    }),
    capitalBudgetUsd: doc(nonNegative().optional(), {
      doc: 'Most capital a prover of the class can put into hardware (limits upgrades to expensive kinds); unlimited when absent.',
      unit: 'USD',
    }),
    outagesPerYear: doc(nonNegative().default(0), {
      doc: 'Rate of independent outages of each prover (Poisson).',
      unit: '1/year',
      source: 'assumption: off unless set; the default population uses data/calibration/outages.json',
    }),
    meanOutageHours: doc(positive().default(calibrated('outages.meanOutageHours')), {
      doc: 'Mean duration of an outage (exponential).',
      unit: 'hours',
      source: provenance('outages.meanOutageHours'),
    }),
  })
  .strict();
export type ProverClass = z.output<typeof proverClassSchema>;

// ---------------------------------------------------------------------------------------------
// Mechanisms
// ---------------------------------------------------------------------------------------------

/** Permissionless race: anyone may prove; the first valid proof wins; every attempt costs its prover. */
export const raceMechanismSchema = z
  .object({
    kind: z.literal('race'),
    frontRunProbability: doc(share().default(0), {
      doc: 'Probability that a mempool copier front-runs the winning proof once it is revealed (copies it and lands first with higher gas), taking the prover reward; the copier has no proving cost. 0: no copier. The race-copier comparison uses data/calibration/mechanisms.json race.copierFrontRunProbability.',
      unit: 'share',
      source: 'assumption: off unless set (Opside\'s motivation for two-step submission, 2023)',
    }),
  })
  .strict();

/** One operator proves everything; a backup pool is opened when it fails. */
export const centralizedMechanismSchema = z
  .object({
    kind: z.literal('centralized'),
    operatorClass: doc(z.string().default('team'), { doc: 'Prover class whose first prover is the operator.' }),
    backupTrigger: doc(z.enum(['governance', 'timeout']).default('governance'), {
      doc: 'What opens the backup pool when the operator fails: an emergency governance vote (after governanceDelayHours) or a protocol timeout (timeoutHours).',
    }),
    governanceDelayHours: doc(nonNegative().default(calibrated('outages.governanceEmergencyDelayHours')), {
      doc: 'Hours from the operator\'s failure until an emergency vote opens the backup pool.',
      unit: 'hours',
      source: provenance('outages.governanceEmergencyDelayHours'),
    }),
    timeoutHours: doc(nonNegative().default(calibrated('outages.protocolTimeoutHours')), {
      doc: 'Hours from the operator\'s failure until the protocol opens proving to the backup pool.',
      unit: 'hours',
      source: provenance('outages.protocolTimeoutHours'),
    }),
    backupPoolSize: doc(count().default(10), {
      doc: 'Provers on call in the backup pool (the first ones of backupClasses).',
      unit: 'provers',
      source: 'assumption',
    }),
    backupClasses: doc(z.array(z.string()).default([]), { doc: 'Classes the backup pool is drawn from (empty: every class but the operator\'s).' }),
  })
  .strict();

/** Capital cost and release of a mechanism's stake: shared by the mechanisms that hold stakes or bonds. */
const stakeByClass = () =>
  doc(z.record(z.string(), nonNegative()).default({}), {
    doc: 'Stake per prover of each class (class id -> tokens); classes left out stake the minimum. Valued at rewards.tokenPriceUsd; its opportunity cost is the class\'s capitalCostPerYear.',
    unit: 'tokens',
  });

/**
 * Stake-weighted selection, Taiko's alpha-4 staking pool (taiko-mono tokenomics_staking.md): the top
 * K stakers are eligible; each batch's prover is drawn with weight sqrt(stake) / feeMultiplier^2; a
 * miss past the deadline slashes a fraction of stake and opens the batch to anyone.
 */
export const stakingMechanismSchema = z
  .object({
    kind: z.literal('staking'),
    eligibleProvers: doc(z.number().int().min(1).default(calibrated('mechanisms.taiko.stakingEligibleProvers')), {
      doc: 'K: the K largest stakers among the active provers are eligible for selection (ties: earlier index).',
      unit: 'provers',
      source: provenance('mechanisms.taiko.stakingEligibleProvers'),
    }),
    minStakeTokens: doc(nonNegative().default(calibrated('mechanisms.taiko.stakingMinStakeTokens')), {
      doc: 'Least stake a prover locks to register (and its stake when stakeTokensByClass does not name its class).',
      unit: 'tokens',
      source: provenance('mechanisms.taiko.stakingMinStakeTokens'),
    }),
    stakeTokensByClass: stakeByClass(),
    feeMultiplierMin: doc(positive().default(calibrated('mechanisms.taiko.stakingFeeMultiplierMin')), {
      doc: 'Lowest fee multiplier a prover may set (its fee per batch is multiplier x rewards.feeUsdPerBatch; its selection weight falls with the square of the multiplier).',
      unit: 'ratio',
      source: provenance('mechanisms.taiko.stakingFeeMultiplierMin'),
    }),
    feeMultiplierMax: doc(positive().default(calibrated('mechanisms.taiko.stakingFeeMultiplierMax')), {
      doc: 'Highest fee multiplier a prover may set.',
      unit: 'ratio',
      source: provenance('mechanisms.taiko.stakingFeeMultiplierMax'),
    }),
    deadlineAverageDelayMultiple: doc(positive().default(calibrated('mechanisms.taiko.stakingDeadlineAverageDelayMultiple')), {
      doc: 'The selected prover must prove within this multiple of the average proof delay of recent batches.',
      unit: 'ratio',
      source: provenance('mechanisms.taiko.stakingDeadlineAverageDelayMultiple'),
    }),
    averageDelayWindowBatches: doc(z.number().int().min(1).default(calibrated('mechanisms.taiko.stakingAverageDelayWindowBatches')), {
      doc: 'Window of the moving average of proof delays that sets the deadline (an exponential moving average over about this many batches).',
      unit: 'batches',
      source: provenance('mechanisms.taiko.stakingAverageDelayWindowBatches'),
    }),
    slashShare: doc(share().default(calibrated('mechanisms.taiko.stakingSlashShare')), {
      doc: 'Share of the selected prover\'s stake slashed when it misses the deadline (the prover tops its stake back up).',
      unit: 'share',
      source: provenance('mechanisms.taiko.stakingSlashShare'),
    }),
    slashToProverShare: doc(share().default(0), {
      doc: 'Share of a slash paid to whoever proves the opened batch; the rest is burned.',
      unit: 'share',
      source: 'assumption: the alpha-4 note does not say where slashed stake goes; burned',
    }),
    withdrawalDelayDays: doc(nonNegative().default(calibrated('mechanisms.taiko.stakingWithdrawalDelayDays')), {
      doc: 'Days an exiting prover\'s stake stays locked (and keeps costing capital) after it leaves.',
      unit: 'days',
      source: provenance('mechanisms.taiko.stakingWithdrawalDelayDays'),
    }),
  })
  .strict();

/**
 * Two-step commit-reveal submission, Opside / Lumoz (docs.lumoz.org zkp-two-step-submission): commit
 * H(proof, address) within a window after the first commit, reveal afterwards; valid committers share
 * the reward pro rata to stake; no valid proof by the deadline slashes every committer and reopens.
 */
export const twoStepMechanismSchema = z
  .object({
    kind: z.literal('two-step'),
    stakeTokens: doc(nonNegative().default(calibrated('mechanisms.opside.stakeTokens')), {
      doc: 'Least stake per rollup a prover locks to submit hashes or proofs (and its stake when stakeTokensByClass does not name its class).',
      unit: 'tokens',
      source: provenance('mechanisms.opside.stakeTokens'),
    }),
    stakeTokensByClass: stakeByClass(),
    commitWindowBlocks: doc(z.number().int().min(0).default(calibrated('mechanisms.opside.commitWindowBlocks')), {
      doc: 'Commits are accepted for this many L1 blocks after the first commit; the reveal opens the block after.',
      unit: 'L1 blocks',
      source: provenance('mechanisms.opside.commitWindowBlocks'),
    }),
    revealDeadlineBlocks: doc(z.number().int().min(1).default(calibrated('mechanisms.opside.revealDeadlineBlocks')), {
      doc: 'If no proof verifies this many L1 blocks after the first commit, every committer is slashed and the batch reopens.',
      unit: 'L1 blocks',
      source: provenance('mechanisms.opside.revealDeadlineBlocks'),
    }),
    l1BlockSeconds: doc(positive().default(calibrated('mechanisms.ethereum.l1BlockSeconds')), {
      doc: 'L1 block time that turns the windows into hours.',
      unit: 's',
      source: provenance('mechanisms.ethereum.l1BlockSeconds'),
    }),
    wrongHashPenaltyTokens: doc(nonNegative().default(calibrated('mechanisms.opside.wrongHashPenaltyTokens')), {
      doc: 'Penalty for a commit whose hash the revealed proof does not validate (burned).',
      unit: 'tokens',
      source: provenance('mechanisms.opside.wrongHashPenaltyTokens'),
    }),
    noProofPenaltyTokens: doc(nonNegative().default(calibrated('mechanisms.opside.noProofPenaltyTokens')), {
      doc: 'Penalty for each committer when no proof verifies by the deadline (burned).',
      unit: 'tokens',
      source: provenance('mechanisms.opside.noProofPenaltyTokens'),
    }),
    invalidCommitProbability: doc(share().default(calibrated('mechanisms.opside.invalidCommitProbability')), {
      doc: 'Probability that a commit does not match a valid proof (a prover bug, a corrupted proof).',
      unit: 'probability',
      source: provenance('mechanisms.opside.invalidCommitProbability'),
    }),
    withdrawalDelayDays: doc(nonNegative().default(calibrated('mechanisms.opside.withdrawalDelayDays')), {
      doc: 'Days an exiting prover\'s stake stays locked after it leaves.',
      unit: 'days',
      source: provenance('mechanisms.opside.withdrawalDelayDays'),
    }),
  })
  .strict();

/**
 * Continuous reverse auction for the designated prover, Taiko ProverAuction (taiko-mono AUCTION.md) and
 * OpenZeppelin's minimal-rollup auction: the lowest fee holds the seat; outsiders undercut by at least
 * minFeeReductionBps; bond = livenessBond x maxPendingProposals x 2; vacancy fee cap doubling.
 */
export const auctionMechanismSchema = z
  .object({
    kind: z.literal('auction'),
    minFeeReductionBps: doc(z.number().int().min(1).max(10_000).default(calibrated('mechanisms.taiko.auctionMinFeeReductionBps')), {
      doc: 'An outsider\'s bid takes the seat only if it is at least this much below the holder\'s fee; the holder may lower its own fee freely.',
      unit: 'basis points',
      source: provenance('mechanisms.taiko.auctionMinFeeReductionBps'),
    }),
    livenessBondTokens: doc(nonNegative().default(calibrated('mechanisms.taiko.livenessBondTokens')), {
      doc: 'Bond slashed from the holder for each proposal it fails to prove within the proving window.',
      unit: 'tokens',
      source: provenance('mechanisms.taiko.livenessBondTokens'),
    }),
    maxPendingProposals: doc(z.number().int().min(1).default(calibrated('mechanisms.taiko.auctionMaxPendingProposals')), {
      doc: 'Most unproven proposals at a time; sizes the required bond (livenessBond x this x 2) and the forced-exit threshold (livenessBond x this / 2).',
      unit: 'proposals',
      source: provenance('mechanisms.taiko.auctionMaxPendingProposals'),
    }),
    provingWindowHours: doc(positive().default(calibrated('cadence.provingDeadlineHours')), {
      doc: 'Only the holder may prove a proposal within this window; after it anyone may, and the holder is slashed.',
      unit: 'hours',
      source: provenance('cadence.provingDeadlineHours'),
    }),
    lateProverShare: doc(share().default(calibrated('mechanisms.taiko.lateProverBondShare')), {
      doc: 'Share of a slashed liveness bond paid to the prover who proves late; the rest is burned (locked forever in the contract). Nothing is paid when the holder itself proves late.',
      unit: 'share',
      source: provenance('mechanisms.taiko.lateProverBondShare'),
    }),
    feeDoublingMinutes: doc(positive().default(calibrated('mechanisms.taiko.auctionFeeDoublingMinutes')), {
      doc: 'While the seat is vacant, the highest allowed bid doubles every this many minutes from the previous holder\'s fee.',
      unit: 'minutes',
      source: provenance('mechanisms.taiko.auctionFeeDoublingMinutes'),
    }),
    maxFeeDoublings: doc(z.number().int().min(0).max(30).default(calibrated('mechanisms.taiko.auctionMaxFeeDoublings')), {
      doc: 'Cap on the doublings of the vacancy fee cap (8: 256 times the base fee).',
      unit: 'doublings',
      source: provenance('mechanisms.taiko.auctionMaxFeeDoublings'),
    }),
    initialMaxFeeUsd: doc(nonNegative().optional(), {
      doc: 'Base of the vacancy fee cap before anyone has held the seat; absent: rewards.feeUsdPerBatch on day 0.',
      unit: 'USD/batch',
    }),
    bondWithdrawalDelayHours: doc(nonNegative().default(calibrated('mechanisms.taiko.auctionBondWithdrawalDelayHours')), {
      doc: 'Hours a former holder\'s bond stays locked after it exits or is outbid.',
      unit: 'hours',
      source: provenance('mechanisms.taiko.auctionBondWithdrawalDelayHours'),
    }),
  })
  .strict();

/**
 * Per-request proof market, Boundless reverse-Dutch lock (boundless contracts Offer.sol) with
 * Succinct-style staking: each batch is a request whose price ramps up until a prover locks it with
 * collateral; a missed lock refunds the requester and slashes the collateral.
 */
export const proofMarketMechanismSchema = z
  .object({
    kind: z.literal('proof-market'),
    minPriceShare: doc(share().default(calibrated('mechanisms.boundless.minPriceShare')), {
      doc: 'The price ramp starts at this share of the maximum price (the maximum is rewards.feeUsdPerBatch).',
      unit: 'share',
      source: provenance('mechanisms.boundless.minPriceShare'),
    }),
    rampUpMinutes: doc(nonNegative().default(calibrated('mechanisms.boundless.rampUpMinutes')), {
      doc: 'Minutes over which the price rises linearly from the minimum to the maximum.',
      unit: 'minutes',
      source: provenance('mechanisms.boundless.rampUpMinutes'),
    }),
    lockTimeoutMinutes: doc(positive().default(calibrated('mechanisms.boundless.lockTimeoutMinutes')), {
      doc: 'The locking prover has exclusivity this long after locking; if it has not proven by then it is slashed.',
      unit: 'minutes',
      source: provenance('mechanisms.boundless.lockTimeoutMinutes'),
    }),
    timeoutMinutes: doc(positive().default(calibrated('mechanisms.boundless.timeoutMinutes')), {
      doc: 'Minutes after the request starts until it expires: a late prover earns the bounty only before then.',
      unit: 'minutes',
      source: provenance('mechanisms.boundless.timeoutMinutes'),
    }),
    collateralMultiple: doc(nonNegative().default(calibrated('mechanisms.boundless.collateralMultipleOfMaxPrice')), {
      doc: 'Collateral locked per request, as a multiple of the request\'s maximum price; locked from lock to proof.',
      unit: 'ratio',
      source: provenance('mechanisms.boundless.collateralMultipleOfMaxPrice'),
    }),
    slashBurnShare: doc(share().default(calibrated('mechanisms.boundless.slashBurnShare')), {
      doc: 'Share of a missed lock\'s collateral burned; the rest is a bounty for a prover who fulfils the request before it expires (burned too if nobody does).',
      unit: 'share',
      source: provenance('mechanisms.boundless.slashBurnShare'),
    }),
    minStakeTokens: doc(nonNegative().default(calibrated('mechanisms.succinct.minStakeTokens')), {
      doc: 'Standing stake a prover locks to bid at all (Succinct-style).',
      unit: 'tokens',
      source: provenance('mechanisms.succinct.minStakeTokens'),
    }),
    withdrawalDelayDays: doc(nonNegative().default(calibrated('mechanisms.succinct.unstakeDays')), {
      doc: 'Days an exiting prover\'s stake stays locked.',
      unit: 'days',
      source: provenance('mechanisms.succinct.unstakeDays'),
    }),
  })
  .strict();

/**
 * Open multi-proof with activity-score shares, Aztec (RewardLib; engineering-designs prover-reward-boost,
 * AZIP-5): any prover may submit each epoch's proof before the deadline; the epoch's reward is split by
 * shares that grow with a prover's recent activity.
 */
export const multiProofMechanismSchema = z
  .object({
    kind: z.literal('multi-proof'),
    submissionWindowHours: doc(positive().default(calibrated('mechanisms.aztec.submissionWindowHours')), {
      doc: 'A proof counts for rewards if it lands within this many hours of the batch (epoch) being posted.',
      unit: 'hours',
      source: provenance('mechanisms.aztec.submissionWindowHours'),
    }),
    scoreIncrement: doc(nonNegative().default(calibrated('mechanisms.aztec.scoreIncrement')), {
      doc: 'Activity score added for each epoch a prover proves.',
      unit: 'score points',
      source: provenance('mechanisms.aztec.scoreIncrement'),
    }),
    scoreDecayPerEpoch: doc(nonNegative().default(calibrated('mechanisms.aztec.scoreDecayPerEpoch')), {
      doc: 'Activity score every prover loses each epoch (floored at 0).',
      unit: 'score points',
      source: provenance('mechanisms.aztec.scoreDecayPerEpoch'),
    }),
    maxScore: doc(positive().default(calibrated('mechanisms.aztec.maxScore')), {
      doc: 'Cap of the activity score, and the score at which a prover holds the most shares.',
      unit: 'score points',
      source: provenance('mechanisms.aztec.maxScore'),
    }),
    curveA: doc(nonNegative().default(calibrated('mechanisms.aztec.curveA')), {
      doc: 'Curvature a of the shares curve y = max(k - a ((maxScore - x) / 1e5)^2, minShares).',
      unit: 'shares',
      source: provenance('mechanisms.aztec.curveA'),
    }),
    minShares: doc(positive().default(calibrated('mechanisms.aztec.minShares')), {
      doc: 'Shares of a prover with a low activity score (the floor m of the curve).',
      unit: 'shares',
      source: provenance('mechanisms.aztec.minShares'),
    }),
    maxShares: doc(positive().default(calibrated('mechanisms.aztec.maxShares')), {
      doc: 'Shares at the top of the curve (k).',
      unit: 'shares',
      source: provenance('mechanisms.aztec.maxShares'),
    }),
    submissionCostUsd: doc(nonNegative().default(calibrated('mechanisms.ethereum.groth16VerifyGas') * calibrated('mechanisms.ethereum.gasUsdPerMillion') / 1e6), {
      doc: 'L1 gas each submitter pays to verify its proof: the part of "users pay proving M times" on top of the proving work.',
      unit: 'USD',
      source: `${provenance('mechanisms.ethereum.groth16VerifyGas')} x ${provenance('mechanisms.ethereum.gasUsdPerMillion')}`,
    }),
  })
  .strict();

export const mechanismSchema = z.discriminatedUnion('kind', [
  raceMechanismSchema,
  centralizedMechanismSchema,
  stakingMechanismSchema,
  twoStepMechanismSchema,
  auctionMechanismSchema,
  proofMarketMechanismSchema,
  multiProofMechanismSchema,
]);
export type MechanismConfig = z.output<typeof mechanismSchema>;
export type MechanismKind = MechanismConfig['kind'];

// ---------------------------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------------------------

const scheduledOutageSchema = z
  .object({
    startHours: doc(nonNegative(), { doc: 'Start, in hours since the start of day 0.', unit: 'hours' }),
    durationHours: doc(positive(), { doc: 'Duration.', unit: 'hours' }),
    classes: doc(z.array(z.string()).default([]), { doc: 'Classes whose provers all fail (empty: every prover).' }),
  })
  .strict();

/** One proving pool. */
const poolSchema = z
  .object({
    id: doc(identifier(), { doc: 'Short identifier of the pool, used in outputs.' }),
    feeShare: doc(share().default(calibrated('mechanisms.pools.feeShare')), {
      doc: 'Share of the pool\'s rewards its operator keeps; the rest goes to members pro rata to the proving speed they contribute.',
      unit: 'share',
      source: provenance('mechanisms.pools.feeShare'),
    }),
  })
  .strict();

/**
 * The default population: the rollup team, data centres, professional GPU operators and home provers.
 * Hardware, prices and outage rates come from data/calibration; the class sizes, unit counts, daily
 * overheads and capital budgets are assumptions (no public census of provers exists, DOMAIN.md gap):
 * a team cluster of 32 H100 (the 20-40 GPUs per competitive proof of docs.succinct.xyz, 2025); 30
 * data-centre operators renting 8-64 H100 (Lagrange's "85+" operators, lagrange.dev 2024-25, are the
 * order of magnitude of professional provers); 150 professional and 500 home GPU operators, the long
 * tail that pools (ZKPool) aim at.
 */
export const defaultProverClasses: Array<z.input<typeof proverClassSchema>> = [
  {
    id: 'team', label: 'Rollup team', count: 1, activeAtStart: 1,
    costModel: { model: 'hardware', hardware: 'h100', minUnits: 32, maxUnits: 32, ownership: 'own', speedSigma: 0, upgradeTo: ['asic'] },
    overheadUsdPerDay: 500, outagesPerYear: calibrated('outages.operatorOutagesPerYear'),
  },
  {
    id: 'datacenter', label: 'Data-centre operator', count: 30,
    costModel: { model: 'hardware', hardware: 'h100', minUnits: 8, maxUnits: 64, ownership: 'rent', upgradeTo: ['asic'] },
    overheadUsdPerDay: 200, stakeUsd: 0, capitalBudgetUsd: 5_000_000, outagesPerYear: calibrated('outages.independentProverOutagesPerYear'),
  },
  {
    id: 'pro-gpu', label: 'Professional GPU operator', count: 150,
    costModel: { model: 'hardware', hardware: 'rtx4090', minUnits: 8, maxUnits: 48, ownership: 'own', upgradeTo: ['asic'] },
    overheadUsdPerDay: 50, capitalBudgetUsd: 1_500_000, outagesPerYear: calibrated('outages.independentProverOutagesPerYear'),
  },
  {
    id: 'home', label: 'Home prover', count: 500,
    costModel: {
      model: 'hardware', hardware: 'rtx4090', minUnits: 1, maxUnits: 4, ownership: 'own',
      electricityUsdPerKwh: calibrated('energy.electricityUsdPerKwh.residential'),
    },
    overheadUsdPerDay: 0, capitalBudgetUsd: 20_000, outagesPerYear: calibrated('outages.independentProverOutagesPerYear'),
  },
];

const scenarioObject = z
  .object({
    name: doc(z.string().min(1), { doc: 'Name of the scenario (shown in outputs and reports).' }),
    description: doc(z.string().default(''), { doc: 'What the scenario represents.' }),
    sources: doc(z.record(z.string()).default({}), { doc: 'Where the preset\'s own numbers come from: parameter path -> source.' }),
    days: doc(z.number().int().min(1).max(36_500).default(1825), {
      doc: 'Days simulated (one output row each).',
      unit: 'days',
      source: 'assumption: five years, the horizon of the seed thread\'s "how decentralized in three years" question with room after it',
    }),
    seed: doc(z.number().int().min(0).max(4294967295).default(1), { doc: 'Master seed of every random stream of the run.', source: 'convention' }),
    demand: z
      .object({
        batchesPerDay: doc(curve(0).default(calibrated('cadence.batchesPerDay')), {
          doc: 'Batches that need a proof per day (rounded to a whole number each day); may grow with t.',
          unit: 'batches/day',
          source: provenance('cadence.batchesPerDay'),
        }),
      })
      .strict()
      .default({}),
    finality: z
      .object({
        deadlineHours: doc(positive().default(calibrated('cadence.provingDeadlineHours')), {
          doc: 'A batch proven later than this after it is posted counts as a missed deadline.',
          unit: 'hours',
          source: provenance('cadence.provingDeadlineHours'),
        }),
      })
      .strict()
      .default({}),
    rewards: z
      .object({
        feeUsdPerBatch: doc(curve(0).default(calibrated('rewards.feeUsdPerBatch')), {
          doc: 'Fee paid by the rollup for each proven batch.',
          unit: 'USD/batch',
          source: provenance('rewards.feeUsdPerBatch'),
        }),
        issuanceTokensPerBatch: doc(curve(0).default(0), {
          doc: 'Tokens issued for each proven batch (protocol emission), on top of the fee.',
          unit: 'tokens/batch',
          source: 'assumption: no issuance unless a scenario sets it',
        }),
        tokenPriceUsd: doc(curve(0).default(1), {
          doc: 'Token price path, used to value issuance.',
          unit: 'USD/token',
          source: 'assumption: a unit price; set a path per scenario',
        }),
        redistributionShare: doc(share().default(calibrated('rewards.redistributionShare')), {
          doc: 'Share of every reward redistributed to tokenholders.',
          unit: 'share',
          source: provenance('rewards.redistributionShare'),
        }),
        treasuryShare: doc(share().default(0), {
          doc: 'Share of every reward kept by the rollup treasury.',
          unit: 'share',
          source: 'assumption',
        }),
      })
      .strict()
      .default({}),
    costs: z
      .object({
        hardwareDeclineModel: doc(z.enum(['exponential', 'experience']).default('exponential'), {
          doc: 'How hardware prices fall: "exponential" at hardwareYearlyDecline, or "experience" (Wright\'s law) by experienceLearningRate per doubling of cumulative units.',
        }),
        hardwareYearlyDecline: doc(z.number().finite().min(0).lt(1).default(calibrated('costs.hardwareYearlyDecline')), {
          doc: 'Yearly fall of hardware purchase and rental prices (exponential model).',
          unit: '1/year',
          source: provenance('costs.hardwareYearlyDecline'),
        }),
        experienceLearningRate: doc(z.number().finite().min(0).lt(1).default(calibrated('costs.experienceLearningRate')), {
          doc: 'Price fall per doubling of cumulative installed units (experience model).',
          unit: 'share',
          source: provenance('costs.experienceLearningRate'),
        }),
        proofEfficiencyGainPerYear: doc(nonNegative().default(calibrated('costs.proofEfficiencyGainPerYear')), {
          doc: 'Yearly speed-up of provers from software: throughput multiplies by (1 + gain)^t on all hardware.',
          unit: '1/year',
          source: provenance('costs.proofEfficiencyGainPerYear'),
        }),
      })
      .strict()
      .default({}),
    hardware: doc(z.record(identifier(), hardwareKindSchema).default(defaultHardwareKinds), {
      doc: 'Hardware kinds by id; defaults to data/calibration/hardware.json (rtx4090, h100, asic).',
    }),
    provers: z
      .object({
        classes: doc(z.array(proverClassSchema).min(1).default(defaultProverClasses), {
          doc: 'Prover classes; the default population is a rollup team, data centres, professional GPU operators and home provers.',
        }),
      })
      .strict()
      .default({}),
    behaviour: z
      .object({
        entryProbabilityPerDay: doc(share().default(0.1), {
          doc: 'Daily probability that an inactive prover with positive expected profit enters.',
          unit: '1/day',
          source: 'assumption (BENCHMARK.md pEnter)',
        }),
        exitProbabilityPerDay: doc(share().default(0.2), {
          doc: 'Daily probability that an active prover with negative expected profit exits.',
          unit: '1/day',
          source: 'assumption (BENCHMARK.md pExit)',
        }),
        upgradeProbabilityPerDay: doc(share().default(0.05), {
          doc: 'Daily probability that an active prover for which a hardware switch pays switches.',
          unit: '1/day',
          source: 'assumption: decisions take weeks',
        }),
      })
      .strict()
      .default({}),
    outages: z
      .object({
        correlatedEventsPerYear: doc(nonNegative().default(0), {
          doc: 'Rate of correlated failures (cloud region, prover software bug) hitting many provers at once.',
          unit: '1/year',
          source: provenance('outages.correlatedEventsPerYear'),
        }),
        correlatedMeanHours: doc(positive().default(calibrated('outages.meanOutageHours')), {
          doc: 'Mean duration of a correlated failure (exponential).',
          unit: 'hours',
          source: provenance('outages.meanOutageHours'),
        }),
        correlatedAffectedShare: doc(share().default(calibrated('outages.correlatedAffectedShare')), {
          doc: 'Probability that a given prover is hit by a correlated failure.',
          unit: 'share',
          source: provenance('outages.correlatedAffectedShare'),
        }),
        scheduled: doc(z.array(scheduledOutageSchema).default([]), {
          doc: 'Failures placed by hand ("what if the team\'s prover fails on day 100 for 3 days").',
        }),
      })
      .strict()
      .default({}),
    pools: z
      .object({
        list: doc(z.array(poolSchema).default([]), {
          doc: 'Proving pools (ZKPool-style) that members may join: each competes as one prover with its members\' hardware and stake and keeps a fee. Empty: no pools.',
        }),
        memberClasses: doc(z.array(z.string()).default([]), { doc: 'Prover classes whose provers may join pools (empty: every class).' }),
        switchProbabilityPerDay: doc(share().default(calibrated('mechanisms.pools.switchProbabilityPerDay')), {
          doc: 'Daily probability that a member (or an active solo prover) for whom another pool, or going solo, pays better moves there.',
          unit: '1/day',
          source: provenance('mechanisms.pools.switchProbabilityPerDay'),
        }),
        switchHurdleShare: doc(nonNegative().default(calibrated('mechanisms.pools.switchHurdleShare')), {
          doc: 'A member moves only when the alternative\'s expected profit beats its current one by this share.',
          unit: 'share',
          source: provenance('mechanisms.pools.switchHurdleShare'),
        }),
      })
      .strict()
      .default({}),
    mechanism: doc(mechanismSchema.default({ kind: 'race' }), {
      doc: 'How batches are assigned and paid: "race", "centralized", "staking", "two-step", "auction", "proof-market" or "multi-proof" (one file each in src/model/mechanisms/).',
    }),
  })
  .strict();

/** The scenario schema with its cross-field rules. */
export const scenarioSchema = scenarioObject.superRefine((s, ctx) => {
  const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path, message });
  const r = s.rewards;
  if (r.redistributionShare + r.treasuryShare > 1) {
    issue(['rewards', 'treasuryShare'], `redistributionShare + treasuryShare must be at most 1 (got ${r.redistributionShare + r.treasuryShare})`);
  }
  const years = s.days / 365;
  const curves: Array<[Array<string>, Curve]> = [
    [['demand', 'batchesPerDay'], s.demand.batchesPerDay],
    [['rewards', 'feeUsdPerBatch'], r.feeUsdPerBatch],
    [['rewards', 'issuanceTokensPerBatch'], r.issuanceTokensPerBatch],
    [['rewards', 'tokenPriceUsd'], r.tokenPriceUsd],
  ];
  for (const [path, c] of curves) {
    const problem = typeof c === 'string' ? checkCurve(c, years, 0) : undefined;
    if (problem) issue(path, problem);
  }
  const ids = new Set<string>();
  const kinds = Object.keys(s.hardware);
  s.provers.classes.forEach((c, i) => {
    if (ids.has(c.id)) issue(['provers', 'classes', i, 'id'], `duplicate class id "${c.id}"`);
    ids.add(c.id);
    if (c.activeAtStart > c.count) issue(['provers', 'classes', i, 'activeAtStart'], `must be at most count (${c.count})`);
    if (c.costModel.model === 'hardware') {
      const m = c.costModel;
      if (!s.hardware[m.hardware]) issue(['provers', 'classes', i, 'costModel', 'hardware'], `unknown hardware kind "${m.hardware}" (allowed: ${kinds.join(', ')})`);
      m.upgradeTo.forEach((k, j) => {
        if (!s.hardware[k]) issue(['provers', 'classes', i, 'costModel', 'upgradeTo', j], `unknown hardware kind "${k}" (allowed: ${kinds.join(', ')})`);
      });
      if (m.minUnits > m.maxUnits) issue(['provers', 'classes', i, 'costModel', 'minUnits'], `must be at most maxUnits (${m.maxUnits})`);
    }
  });
  const classList = [...ids].join(', ');
  const checkClasses = (list: string[], path: Array<string | number>) =>
    list.forEach((id, j) => {
      if (!ids.has(id)) issue([...path, j], `unknown prover class "${id}" (allowed: ${classList})`);
    });
  s.outages.scheduled.forEach((o, i) => checkClasses(o.classes, ['outages', 'scheduled', i, 'classes']));
  checkClasses(s.pools.memberClasses, ['pools', 'memberClasses']);
  const poolIds = new Set<string>();
  s.pools.list.forEach((p, i) => {
    if (poolIds.has(p.id)) issue(['pools', 'list', i, 'id'], `duplicate pool id "${p.id}"`);
    poolIds.add(p.id);
  });
  const m = s.mechanism;
  if (m.kind === 'centralized') {
    if (!ids.has(m.operatorClass)) issue(['mechanism', 'operatorClass'], `unknown prover class "${m.operatorClass}" (allowed: ${classList})`);
    checkClasses(m.backupClasses, ['mechanism', 'backupClasses']);
  }
  if (m.kind === 'staking' || m.kind === 'two-step') {
    const least = m.kind === 'staking' ? m.minStakeTokens : m.stakeTokens;
    for (const [id, tokens] of Object.entries(m.stakeTokensByClass)) {
      if (!ids.has(id)) issue(['mechanism', 'stakeTokensByClass', id], `unknown prover class "${id}" (allowed: ${classList})`);
      else if (tokens < least) issue(['mechanism', 'stakeTokensByClass', id], `must be at least the minimum stake ${least} (got ${tokens})`);
    }
  }
  if (m.kind === 'staking' && m.feeMultiplierMin > m.feeMultiplierMax) {
    issue(['mechanism', 'feeMultiplierMin'], `must be at most feeMultiplierMax (${m.feeMultiplierMax})`);
  }
  if (m.kind === 'two-step' && m.revealDeadlineBlocks <= m.commitWindowBlocks) {
    issue(['mechanism', 'revealDeadlineBlocks'], `must be more than commitWindowBlocks (${m.commitWindowBlocks}): the reveal comes after the commit window`);
  }
  if (m.kind === 'proof-market' && m.lockTimeoutMinutes > m.timeoutMinutes) {
    issue(['mechanism', 'lockTimeoutMinutes'], `must be at most timeoutMinutes (${m.timeoutMinutes})`);
  }
});

/** A fully resolved, validated scenario (every default filled in). */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a preset file or a notebook may give: any field may be left out to take its default. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
