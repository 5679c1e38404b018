/** The mechanism registry: `scenario.mechanism.kind` -> implementation. */
import type { MechanismConfig } from '../scenario/schema';
import { AuctionMechanism } from './auction';
import { CentralizedMechanism } from './centralized';
import type { Mechanism } from './mechanism';
import { MultiProofMechanism } from './multi-proof';
import { ProofMarketMechanism } from './proof-market';
import { RaceMechanism } from './race';
import { StakingMechanism } from './staking';
import { TwoStepMechanism } from './two-step';

export type { DayOutcome, Mechanism } from './mechanism';

export function createMechanism(config: MechanismConfig): Mechanism {
  switch (config.kind) {
    case 'race':
      return new RaceMechanism(config);
    case 'centralized':
      return new CentralizedMechanism(config);
    case 'staking':
      return new StakingMechanism(config);
    case 'two-step':
      return new TwoStepMechanism(config);
    case 'auction':
      return new AuctionMechanism(config);
    case 'proof-market':
      return new ProofMarketMechanism(config);
    case 'multi-proof':
      return new MultiProofMechanism(config);
  }
}
