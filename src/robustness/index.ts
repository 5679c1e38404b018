/**
 * Robustness of the comparison's conclusions: claims (data/robustness/claims.json) checked at the
 * baseline and with each assumption (data/robustness/assumptions.json) moved alone over its
 * documented range, every mechanism on the same seeds, in worker threads.
 */
export { runRobustness, type RobustnessHooks, type RobustnessResult, type RobustnessRunnerOptions } from './run';
export { formatValue } from './format';
export { planRobustness, DEFAULT_SEEDS, type PlannedAssumption, type PlannedValue, type RobustnessOptions, type RobustnessPlan, type RobustnessPoint } from './plan';
export { DEFAULT_ASSUMPTIONS_FILE, loadAssumptions, type Assumption, type AssumptionsFile, type AssumptionsInput } from './assumptions';
export { DEFAULT_CLAIMS_FILE, loadClaims, claimOutcome, type Claim as RobustnessClaim, type ClaimOutcome, type ClaimsFile, type ClaimsInput } from './claims';
export { CLAIM_METRICS, CLAIM_METRIC_NAMES, type ClaimMetric } from './metrics';
export { claimVerdicts, type ClaimVerdict, type AssumptionVerdict, type ValueVerdict, type MetricRow, type SummaryTable } from './evaluate';
// Named apart from the notebooks' claims (src/notebook/claims.ts), which are statements checked in a notebook.
export { claimLine, claimsMarkdown as robustnessMarkdown, claimsTable, type RobustnessMeta } from './report';
export { baselineTable, readRobustnessFolder, CLAIMS_CSV, CLAIMS_MD, RUNS_CSV, type RobustnessFolder, type RobustnessManifest } from './outputs';
export { comparisonSection, updateReadmeSection, COMPARISON_START, COMPARISON_END } from './readme';
export { RobustnessError } from './errors';
