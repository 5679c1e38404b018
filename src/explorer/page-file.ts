/**
 * The page of `prover-sim explore`: the explorer panel alone, for one or more scenarios, without a
 * report. The same page shell as a report's index.html (plotly inlined once, a CSP that forbids any
 * load), and the model runs as soon as the page opens.
 */
import * as path from 'path';
import { writeFileAtomic } from '../io/files';
import { packageVersion } from '../io/manifest';
import { readScenarioInput } from '../io/scenarios';
import { parseScenario } from '../model/scenario/validate';
import { renderHtml } from '../report/assemble/html';
import { explorerHtml } from './panel';
import { explorerSpec, type ExplorerSource } from './scenarios';

/** The scenario `prover-sim explore` opens when none is named (as `npm start` runs). */
export const DEFAULT_EXPLORE_SCENARIO = 'permissionless-race';
/** Seeds of the first run: a rough interval, still about a second in a browser. */
export const DEFAULT_EXPLORE_SEEDS = 3;

export interface ExplorePageOptions {
  /** Preset names or scenario files (default: the default scenario). */
  scenarios?: readonly string[];
  /** Folder to write index.html into. */
  out: string;
  seeds?: number;
  /** Master seed (default: each scenario's). */
  seed?: number;
  days?: number;
  /** `path=value` overrides the page starts from. */
  set?: readonly string[];
}

/** The sources of a page: each named scenario, resolved and checked with the overrides before anything is written. */
export function exploreSources(o: Omit<ExplorePageOptions, 'out'>): ExplorerSource[] {
  const refs = o.scenarios?.length ? o.scenarios : [DEFAULT_EXPLORE_SCENARIO];
  return refs.map((ref) => {
    const base = parseScenario(readScenarioInput(ref).input);
    return { label: base.name, ref, base, set: [...(o.set ?? [])], days: o.days, masterSeed: o.seed };
  });
}

/** Writes `<out>/index.html`; returns its path and size. Throws ScenarioError on a bad scenario or override. */
export function writeExplorePage(o: ExplorePageOptions): { file: string; bytes: number } {
  const sources = exploreSources(o);
  const spec = explorerSpec(sources, { seeds: o.seeds ?? DEFAULT_EXPLORE_SEEDS, runOnOpen: true });
  const names = sources.map((s) => s.label).join(', ');
  const html = renderHtml(
    {
      title: `Explore ${names}: prover-sim`,
      lead: [`prover-sim ${packageVersion()}. The model runs in this page, offline: change an assumption and run again.`],
      notices: [],
      blocks: [{ kind: 'explorer', content: [] }],
    },
    { rendered: false, explorer: explorerHtml(spec) },
  );
  const file = path.join(path.resolve(o.out), 'index.html');
  writeFileAtomic(file, html);
  return { file, bytes: Buffer.byteLength(html) };
}
