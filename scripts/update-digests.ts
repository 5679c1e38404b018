/**
 * `npm run digests:update`: records the digests of the "same bytes" test (test/output-digests.test.ts)
 * from the code as it is now. Run it only when outputs are meant to change (a model change, a new
 * column, a new manifest field), and say so in the commit; a change meant only to speed things up
 * must leave the digests as they are.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMMANDS, differingFromSweep, DIGESTS_FILE, produceDigests, SAME_AS_SWEEP } from '../test/helpers/output-digests';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prover-sim-digests-'));
try {
  const outputs = produceDigests(dir);
  for (const folder of SAME_AS_SWEEP) {
    const differing = differingFromSweep(outputs, folder);
    if (differing.length) throw new Error(`${folder}: ${differing.join(', ')} differ from the whole sweep's with 2 workers: results depend on workers or shards; not recording`);
  }
  const record = {
    about: 'SHA-256 of every file written by the commands below (manifests: of their deterministic fields). Written by `npm run digests:update`; checked by test/output-digests.test.ts.',
    commands: COMMANDS.map((args) => ['prover-sim', ...args].join(' ')),
    outputs,
  };
  fs.mkdirSync(path.dirname(DIGESTS_FILE), { recursive: true });
  fs.writeFileSync(DIGESTS_FILE, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), DIGESTS_FILE)}: ${Object.keys(outputs).length} output folders, ${Object.values(outputs).reduce((n, f) => n + Object.keys(f).length, 0)} files`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
