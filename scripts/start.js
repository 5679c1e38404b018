'use strict';
/**
 * `npm start`: the main job. Runs the default scenario end to end and writes its outputs (and its
 * report with charts) under out/.
 */
const path = require('path');
const { buildIfNeeded } = require('./build-if-needed');
const { ensure } = require('./prereqs');

const root = path.resolve(__dirname, '..');
buildIfNeeded();
const { main } = require(path.join(root, 'dist', 'cli'));

const DEFAULT_SCENARIO = 'permissionless-race';
/** Seeds of the report: enough for a first 5-95% interval while `npm start` stays well under 30 s. */
const REPORT_SEEDS = '5';
const out = path.join(root, 'out', DEFAULT_SCENARIO);
const reportOut = path.join(root, 'out', 'report');
const args = process.argv.slice(2);

/** The user's options without --out (the run and the report each have their own folder). */
function withoutOut(list) {
  const kept = [];
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '--out') i++;
    else if (!list[i].startsWith('--out=')) kept.push(list[i]);
  }
  return kept;
}

async function start() {
  const runCode = await main(['run', DEFAULT_SCENARIO, '--out', out, ...args]);
  if (runCode !== 0) return runCode;
  // Charts are rendered by Chromium: install it where we can; without it the report says how.
  ensure(['chromium'], { required: false });
  const reportCode = await main(['report', DEFAULT_SCENARIO, '--seeds', REPORT_SEEDS, ...withoutOut(args), '--out', path.relative(process.cwd(), reportOut) || '.']);
  if (reportCode === 0) {
    console.log(`\nReport of ${DEFAULT_SCENARIO} (${REPORT_SEEDS} seeds), ready for a forum post:`);
    console.log(`  ${path.join(reportOut, 'report.md')}   (Markdown; charts in ${path.join(reportOut, 'charts')})`);
    console.log(`  ${path.join(reportOut, 'index.html')}   (one self-contained page with interactive charts)`);
  }
  return reportCode;
}

start().then((code) => {
  process.exitCode = code;
});
