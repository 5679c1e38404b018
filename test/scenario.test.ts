import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCurve, parseScenario, ScenarioError } from '../src/model';
import { applyOverrides, loadScenario } from '../src/io';

/** The one-line message parseScenario gives for an input, or '' when it is valid. */
function problem(input: unknown): string {
  try {
    parseScenario(input);
    return '';
  } catch (err) {
    assert.ok(err instanceof ScenarioError, `expected a ScenarioError, got ${String(err)}`);
    return err.message;
  }
}

describe('scenario validation', () => {
  it('fills every default from a name alone', () => {
    const s = parseScenario({ name: 'minimal' });
    assert.equal(s.days, 1825);
    assert.equal(s.mechanism.kind, 'race');
    assert.ok(s.provers.classes.length >= 3);
    assert.ok(s.hardware.h100.capexUsdPerUnit > 0);
  });

  it('names the field and the allowed values in one line', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ name: 'x', days: 'ten' }, /^invalid scenario: days: expected number, got string "ten"/],
      [{ name: 'x', rewards: { redistributionShare: 1.5 } }, /rewards\.redistributionShare: must be at most 1 \(got 1\.5\)/],
      [{ name: 'x', rewards: { feeUsdPerBatch: -3 } }, /rewards\.feeUsdPerBatch: must stay >= 0, but is -3/],
      [{ name: 'x', hardware: { h100: { label: 'H', capexUsdPerUnit: -1, powerKwPerUnit: 1, rentalUsdPerHourPerUnit: 1, lifetimeYears: 3, proofsPerHourPerUnit: 1, availableFromYear: 0, minUnits: 1 } } }, /hardware\.h100\.capexUsdPerUnit: must be at least 0 \(got -1\)/],
      [{ name: 'x', mechanism: { kind: 'lottery' } }, /mechanism\.kind: "lottery" is not allowed \(allowed: "race", "centralized"/],
      [{ name: 'x', rewards: { tokenPriceUsd: '2 * exp(' } }, /rewards\.tokenPriceUsd: invalid expression '2 \* exp\(': .*allowed: a number, or a mathjs expression of t/],
      [{ name: 'x', rewards: { tokenPriceUsd: '2 * q' } }, /rewards\.tokenPriceUsd: invalid expression '2 \* q': unknown symbol 'q'/],
      [{ name: 'x', rewards: { colour: 'red' } }, /rewards\.colour: unknown field \(allowed: feeUsdPerBatch, /],
      [{ name: 'x', rewards: { redistributionShare: 0.7, treasuryShare: 0.5 } }, /rewards\.treasuryShare: redistributionShare \+ treasuryShare must be at most 1/],
      [{ name: 'x', mechanism: { kind: 'centralized', operatorClass: 'nobody' } }, /mechanism\.operatorClass: unknown prover class "nobody" \(allowed: team, datacenter/],
    ];
    for (const [input, pattern] of cases) {
      const message = problem(input);
      assert.match(message, pattern);
      assert.ok(!message.includes('\n'), `one line: ${message}`);
    }
  });

  it('checks expressions over the whole run, not just at t = 0', () => {
    assert.equal(problem({ name: 'x', days: 365, rewards: { tokenPriceUsd: '1 - t' } }), '');
    assert.match(problem({ name: 'x', days: 730, rewards: { tokenPriceUsd: '1 - t' } }), /rewards\.tokenPriceUsd: must stay >= 0, but is -0\.0027/);
  });

  it('evaluates expressions of t in years', () => {
    assert.equal(evaluateCurve('20 * 1.1^t', 2), 20 * 1.1 ** 2);
    assert.equal(evaluateCurve(7, 3), 7);
  });
});

describe('presets and overrides', () => {
  it('loads presets by name and applies --set overrides with validation', () => {
    const { scenario } = loadScenario('permissionless-race', { set: ['rewards.redistributionShare=0.3', 'provers.classes.1.count=5'], days: 30, seed: 9 });
    assert.equal(scenario.rewards.redistributionShare, 0.3);
    assert.equal(scenario.provers.classes[1].count, 5);
    assert.equal(scenario.days, 30);
    assert.equal(scenario.seed, 9);
  });

  it('rejects unknown paths, unknown presets and invalid values', () => {
    const base = parseScenario({ name: 'x' });
    assert.throws(() => applyOverrides(base, { set: ['rewards.nope=1'] }), /--set rewards\.nope: unknown field "nope" in rewards \(allowed: feeUsdPerBatch/);
    assert.throws(() => applyOverrides(base, { set: ['provers.classes.9.count=1'] }), /is a list of 4; "9" is not an index/);
    assert.throws(() => applyOverrides(base, { set: ['rewards.redistributionShare=2'] }), /rewards\.redistributionShare: must be at most 1/);
    assert.throws(() => loadScenario('no-such-preset'), /unknown scenario "no-such-preset": neither a preset \(available: .*race-reference/);
  });

  it('sets optional fields that the resolved scenario leaves out', () => {
    const s = applyOverrides(parseScenario({ name: 'x' }), { set: ['provers.classes.1.capitalBudgetUsd=123'] });
    assert.equal(s.provers.classes[1].capitalBudgetUsd, 123);
  });

  it('switches mechanism by --set and fills its defaults', () => {
    const s = applyOverrides(parseScenario({ name: 'x' }), { set: ['mechanism.kind=centralized'] });
    assert.equal(s.mechanism.kind, 'centralized');
    if (s.mechanism.kind === 'centralized') assert.ok(s.mechanism.governanceDelayHours > 0);
  });
});
