/**
 * fast-check, seeded: property tests explore the same cases on every run so CI is reproducible.
 * Set FC_SEED to explore other cases (a failure prints the seed and the shrunk counterexample).
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124), numRuns: Number(process.env.FC_RUNS ?? 200) });

export default fc;
