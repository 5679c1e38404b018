/**
 * The mechanisms `prover-sim compare` knows by name: each one of the model's mechanism kinds with its
 * calibrated defaults, plus the race with a mempool copier (the attack two-step submission answers).
 */
import { calibrated } from '../model/scenario/calibration';
import type { ScenarioInput } from '../model/scenario/schema';

type MechanismInput = NonNullable<ScenarioInput['mechanism']>;

export interface MechanismVariant {
  /** Name on the command line and in outputs. */
  name: string;
  /** One line on what it is. */
  description: string;
  mechanism: MechanismInput;
}

export const MECHANISM_VARIANTS: readonly MechanismVariant[] = [
  { name: 'race', description: 'permissionless race: first valid proof wins', mechanism: { kind: 'race' } },
  {
    name: 'race-copier',
    description: 'the race with a mempool copier front-running revealed proofs',
    mechanism: { kind: 'race', frontRunProbability: calibrated('mechanisms.race.copierFrontRunProbability') },
  },
  { name: 'centralized', description: 'one operator, backup pool after an emergency vote', mechanism: { kind: 'centralized' } },
  { name: 'staking', description: 'stake-weighted selection among the top stakers (Taiko alpha-4)', mechanism: { kind: 'staking' } },
  { name: 'two-step', description: 'commit-reveal, reward pro rata to stake (Opside/Lumoz)', mechanism: { kind: 'two-step' } },
  { name: 'auction', description: 'continuous reverse auction for the designated prover (Taiko ProverAuction)', mechanism: { kind: 'auction' } },
  { name: 'proof-market', description: 'per-batch reverse-Dutch lock with collateral (Boundless)', mechanism: { kind: 'proof-market' } },
  { name: 'multi-proof', description: 'open multi-proof with activity-score shares (Aztec)', mechanism: { kind: 'multi-proof' } },
];

/** The names, in table order. */
export const MECHANISM_NAMES: readonly string[] = MECHANISM_VARIANTS.map((v) => v.name);

/** The variant of a name, or undefined. */
export function findVariant(name: string): MechanismVariant | undefined {
  return MECHANISM_VARIANTS.find((v) => v.name === name);
}
