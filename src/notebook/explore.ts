/**
 * The explorer panel in a notebook: `showExplorer('centralized-with-backup')` shows the same panel
 * as a report's index.html, as a cell output. The model runs in the notebook page's own browser
 * tab (a Web Worker), not in the kernel.
 */
import { readScenarioInput } from '../io/scenarios';
import type { ScenarioInput } from '../model/scenario/schema';
import { parseScenario } from '../model/scenario/validate';
import { explorerHtml } from '../explorer/panel';
import { DEFAULT_EXPLORE_SCENARIO, DEFAULT_EXPLORE_SEEDS } from '../explorer/page-file';
import { explorerSpec } from '../explorer/scenarios';
import { requireKernel } from './kernel';
import { plotlyOnce } from './show';

export interface ExplorerOptions {
  seeds?: number;
  /** Master seed (default: the scenario's). */
  seed?: number;
  days?: number;
  /** `path=value` overrides the panel starts from. */
  set?: readonly string[];
  /** Run as soon as the output is shown (default true). */
  runOnOpen?: boolean;
}

/** How the panel's CLI line names a scenario object (it has no file until one writes it). */
export const OBJECT_REF = 'scenario.json';

/** The panel's HTML for a notebook output: its style, the panel, and plotly when the page lacks it. */
export function explorerNotebookHtml(scenario: string | ScenarioInput = DEFAULT_EXPLORE_SCENARIO, o: ExplorerOptions = {}, includePlotly = true): string {
  const base = parseScenario(typeof scenario === 'string' ? readScenarioInput(scenario).input : scenario);
  const ref = typeof scenario === 'string' ? scenario : OBJECT_REF;
  const spec = explorerSpec([{ label: base.name, ref, base, set: [...(o.set ?? [])], days: o.days, masterSeed: o.seed }], {
    seeds: o.seeds ?? DEFAULT_EXPLORE_SEEDS,
    runOnOpen: o.runOnOpen ?? true,
    // A notebook's URL is the notebook's: the state stays in the panel.
    linkable: false,
  });
  const panel = explorerHtml(spec);
  return `${includePlotly ? plotlyOnce() : ''}<style>${panel.style}</style>${panel.html}`;
}

/** Shows the explorer for a preset name, a scenario file or a scenario object. */
export function showExplorer(scenario: string | ScenarioInput = DEFAULT_EXPLORE_SCENARIO, o: ExplorerOptions = {}): void {
  requireKernel('showExplorer()').display.html(explorerNotebookHtml(scenario, o));
}
