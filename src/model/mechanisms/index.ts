/** The mechanism registry: `scenario.mechanism.kind` -> implementation. */
import type { MechanismConfig } from '../scenario/schema';
import { CentralizedMechanism } from './centralized';
import type { Mechanism } from './mechanism';
import { RaceMechanism } from './race';

export type { DayOutcome, Mechanism } from './mechanism';

export function createMechanism(config: MechanismConfig): Mechanism {
  switch (config.kind) {
    case 'race':
      return new RaceMechanism();
    case 'centralized':
      return new CentralizedMechanism(config);
  }
}
