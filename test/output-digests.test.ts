/**
 * Same bytes: every file that `run`, `sweep` (any worker count, whole or sharded), `merge` and
 * `compare` write for a few small commands matches the digests committed in
 * test/fixtures/output-digests.json. Speed work (formatting, buffering, worker threads, loading) must
 * not change a byte; a model change that is meant to change results regenerates them with
 * `npm run digests:update` (see test/helpers/output-digests.ts).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { differingFromSweep, DIGESTS_FILE, produceDigests, SAME_AS_SWEEP, type Digests } from './helpers/output-digests';
import { tmpDir } from './helpers/tmp';

describe('output files (same bytes)', () => {
  const produced = produceDigests(tmpDir('digests'));
  const recorded = (JSON.parse(fs.readFileSync(DIGESTS_FILE, 'utf8')) as { outputs: Digests }).outputs;

  it('a sweep writes the same result files with 0, 1 or 2 workers, and merged from shards', () => {
    for (const folder of SAME_AS_SWEEP) assert.deepEqual(differingFromSweep(produced, folder), [], `${folder} differs from the whole sweep with 2 workers`);
  });

  for (const folder of Object.keys(recorded)) {
    it(`${folder}: every file matches its recorded digest`, () => {
      const changed = Object.keys({ ...recorded[folder], ...produced[folder] }).filter((f) => recorded[folder][f] !== produced[folder]?.[f]);
      assert.deepEqual(
        changed,
        [],
        `${folder}: ${changed.join(', ')} changed (or appeared, or went missing). If this change is meant to change outputs (a model change), run \`npm run digests:update\` and commit test/fixtures/output-digests.json with it; otherwise it broke byte-identical output.`,
      );
    });
  }

  it('records every output folder the commands write', () => {
    assert.deepEqual(Object.keys(produced).sort(), Object.keys(recorded).sort());
  });
});
