/** The preset scenarios in data/scenarios, listed without loading the scenario schema. */
import * as fs from 'fs';
import * as path from 'path';
import { SCENARIOS_DIR } from './paths';

/** A preset's name, description and file. */
export interface PresetInfo {
  name: string;
  description: string;
  file: string;
}

/** Presets in data/scenarios, sorted by name. */
export function listPresets(): PresetInfo[] {
  return fs
    .readdirSync(SCENARIOS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = path.join(SCENARIOS_DIR, f);
      const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; description?: string };
      return { name: path.basename(f, '.json'), description: raw.description ?? '', file };
    });
}
