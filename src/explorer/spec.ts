/**
 * What a page hands its explorer (as JSON in the page): the scenarios the reader may explore, how
 * each was run, and which inputs it offers. Shared by the page generator (Node) and the page script.
 */
import type { InputSpec } from './params';

/** One scenario of the page (a report's scenario, or one named to `prover-sim explore`). */
export interface ExplorerScenario {
  label: string;
  /** How the CLI names it: a preset name or a scenario file path. */
  ref: string;
  /** The scenario as its preset or file holds it. */
  input: unknown;
  /** The report's own `--set` overrides, applied before the reader's. */
  set: string[];
  /** The report's `--days`, when it gave one. */
  days?: number;
  inputs: InputSpec[];
  /** The report's median of each metric (report pages), by summary.json key. */
  reportMedians?: Record<string, number>;
}

export interface ExplorerSpec {
  scenarios: ExplorerScenario[];
  /** Seeds per run to start with (the report's). */
  seeds: number;
  /** Run as soon as the page opens (pages made by `prover-sim explore`); a report runs when asked or when its link holds a state. */
  runOnOpen: boolean;
  /** Keep the inputs in the page's URL fragment and offer a link to them (pages of their own, not notebook outputs). */
  linkable: boolean;
}

/** Class of a panel's section, and attributes of its data blocks (found within the section: a notebook may show several panels). */
export const SECTION_CLASS = 'prover-sim-explorer';
export const SPEC_ATTRIBUTE = 'data-explorer-spec';
export const WORKER_ATTRIBUTE = 'data-explorer-worker';
/** How the worker's source is packed in its element (data-encoding). */
export const WORKER_ENCODING = 'gzip+base64';
/** The element the page script builds the panel in. */
export const ROOT_ATTRIBUTE = 'data-explorer-root';
