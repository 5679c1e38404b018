/**
 * Sections every kind of report shares: key assumptions with sources, parameters (changed ones
 * marked), the data files, and how to reproduce the report.
 */
import type { Scenario } from '../../model/scenario/schema';
import { assumptionKind, keyAssumptions } from '../measure/assumptions';
import { BUNDLE_FILE } from '../files';
import type { Block, Inline } from './document';
import { valueText, type ParameterRow } from '../measure/parameters';

/** Parameters listed per assumption row before the rest are counted ("and 3 more"). */
const MAX_PATHS_PER_ASSUMPTION = 4;

function withUnit(value: unknown, unit?: string): string {
  const text = valueText(value);
  return unit && typeof value === 'number' ? `${text} ${unit}` : text;
}

export function assumptionsSection(scenario: Scenario, intro?: Inline[]): Block[] {
  const rows = keyAssumptions(scenario).map((a) => {
    const shown = a.parameters.slice(0, MAX_PATHS_PER_ASSUMPTION);
    const params: Inline[] = [];
    shown.forEach((p, i) => params.push(i ? '; ' : '', { code: p.path }, ` = ${withUnit(p.value, p.unit)}`));
    if (a.parameters.length > shown.length) params.push(`; and ${a.parameters.length - shown.length} more`);
    return [params, [a.source], [assumptionKind(a)]];
  });
  return [
    { kind: 'heading', text: 'Key assumptions' },
    {
      kind: 'paragraph',
      content: intro ?? [
        'Where the scenario\'s numbers come from: the sourced figures of ',
        { code: 'data/calibration/*.json' },
        ' that its defaults use, and the preset\'s own sources. "Published figure" cites a source and date; "reasoned assumption" is our estimate with its reasoning (no public figure exists).',
      ],
    },
    rows.length ? { kind: 'table', header: ['parameters', 'source', 'kind'], rows, fullIn: ASSUMPTIONS_FILE } : { kind: 'paragraph', content: ['No parameter of this scenario takes a sourced default value.'] },
  ];
}

/** Where every parameter of a report's scenarios is listed, with its unit and meaning. */
export const PARAMETERS_FILE = 'data/parameters.csv';
/** Where every sourced parameter value is listed with its source. */
export const ASSUMPTIONS_FILE = 'data/assumptions.csv';

/** The parameters of one scenario of a report, marked against its baseline (the preset it came from). */
export interface ScenarioParameters {
  label: string;
  rows: readonly ParameterRow[];
  /** What the rows were compared with ("preset permissionless-race"); undefined: nothing to compare with. */
  baselineName?: string;
}

/**
 * The parameters: only those that differ from the preset are listed (a forum post stays short);
 * every parameter, with its unit and meaning, is in data/parameters.csv, which the section links.
 */
export function parametersSection(scenarios: readonly ScenarioParameters[], heading = 'Parameters'): Block[] {
  const csv: Inline = { link: PARAMETERS_FILE, href: PARAMETERS_FILE };
  const blocks: Block[] = [{ kind: 'heading', text: heading }];
  if (scenarios.length === 1) {
    const { rows, baselineName } = scenarios[0];
    const changed = rows.filter((r) => r.changed);
    if (baselineName === undefined) blocks.push({ kind: 'paragraph', content: [`${rows.length} parameters (no preset to compare with), every one with its unit and meaning in `, csv, '.'] });
    else if (changed.length === 0) blocks.push({ kind: 'paragraph', content: [`${rows.length} parameters, all as in ${baselineName}; every one with its unit and meaning in `, csv, '.'] });
    else {
      blocks.push({ kind: 'paragraph', content: [`${rows.length} parameters; ${changed.length} ${changed.length === 1 ? 'differs' : 'differ'} from ${baselineName}, listed here; every one with its unit and meaning in `, csv, ':'] });
      blocks.push({
        kind: 'table',
        header: ['parameter', 'value', `in ${baselineName}`],
        rows: changed.map((r) => [[{ code: r.path }], [withUnit(r.value, r.unit)], [r.baselineValue === undefined ? '(absent)' : withUnit(r.baselineValue, r.unit)]]),
        fullIn: PARAMETERS_FILE,
      });
    }
    return blocks;
  }
  const changed = scenarios.flatMap((s) => s.rows.filter((r) => r.changed).map((r) => ({ s, r })));
  const same = scenarios.filter((s) => s.baselineName !== undefined && !s.rows.some((r) => r.changed));
  const intro: Inline[] = ['Every parameter of every scenario, with its unit and meaning, is in ', csv, '. '];
  if (same.length) intro.push(`${same.map((s) => s.label).join(', ')}: all parameters as in ${[...new Set(same.map((s) => s.baselineName))].join(', ')}. `);
  if (changed.length) intro.push('Parameters that differ from the preset each scenario came from:');
  blocks.push({ kind: 'paragraph', content: intro });
  if (changed.length) {
    blocks.push({
      kind: 'table',
      header: ['scenario', 'parameter', 'value', 'in its preset'],
      rows: changed.map(({ s, r }) => [[s.label], [{ code: r.path }], [withUnit(r.value, r.unit)], [r.baselineValue === undefined ? '(absent)' : withUnit(r.baselineValue, r.unit)]]),
      fullIn: PARAMETERS_FILE,
    });
  }
  return blocks;
}

/** The report's files, and report.zip (written by the assembly with every report). */
export function dataSection(files: ReadonlyArray<{ file: string; what: string }>): Block[] {
  const all = [...files, { file: BUNDLE_FILE, what: 'this report.md with its PNG charts, one file to upload with a forum post' }];
  return [
    { kind: 'heading', text: 'Data' },
    { kind: 'list', items: all.map((f) => [{ link: f.file, href: f.file }, `: ${f.what}`]) },
  ];
}

export interface ReproduceInfo {
  /** The command that makes this report again. */
  command: string;
  version: string;
  gitCommit: string;
  node: string;
  /** Lines of extra detail (seeds, single runs). */
  details: Inline[][];
}

export function reproduceSection(info: ReproduceInfo): Block[] {
  return [
    { kind: 'heading', text: 'Reproduce' },
    { kind: 'paragraph', content: ['From a clone of prover-sim at the commit below (after ', { code: 'npm install' }, '):'] },
    { kind: 'code', text: info.command, language: 'sh' },
    {
      kind: 'list',
      items: [
        ['prover-sim version ', { code: info.version }, ', git commit ', { code: info.gitCommit }, ', Node ', { code: info.node }],
        ...info.details,
      ],
    },
  ];
}
