/** Where the project's data lives, from src/ (ts-node) and dist/ (built) alike. */
import * as path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const SCENARIOS_DIR = path.join(PROJECT_ROOT, 'data', 'scenarios');
