import type { Command } from 'commander';
import { listPresets } from '../../io/presets';

export function registerScenarios(program: Command): void {
  program
    .command('scenarios')
    .description('list the preset scenarios in data/scenarios, one line each')
    .action(() => {
      const presets = listPresets();
      const width = Math.max(...presets.map((p) => p.name.length));
      for (const p of presets) {
        const firstSentence = p.description.split(/(?<=\.)\s/)[0];
        console.log(`${p.name.padEnd(width)}  ${firstSentence}`);
      }
    });
}
