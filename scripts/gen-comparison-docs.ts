/**
 * `npm run docs:comparison -- <robustness folder>`: regenerates the README's comparison section
 * (between its markers) from a `prover-sim robustness` run: the table at the baseline, then each
 * conclusion with the range of the assumptions over which it holds.
 */
import * as path from 'path';
import { regenerateReadme } from '../src/robustness/readme';
import { RobustnessError } from '../src/robustness/errors';

const README = path.join(__dirname, '..', 'README.md');
const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run docs:comparison -- <folder of a prover-sim robustness run>  (e.g. prover-sim robustness permissionless-race --seeds 10 --out out/robustness)');
  process.exit(2);
}
try {
  const changed = regenerateReadme(README, path.resolve(dir));
  console.log(changed ? `README.md comparison section rebuilt from ${dir}` : `README.md comparison section already matches ${dir}`);
} catch (err) {
  if (!(err instanceof RobustnessError)) throw err;
  console.error(`docs:comparison: ${err.message}`);
  process.exit(2);
}
