/**
 * Sections every kind of report shares: key assumptions with sources, parameters (changed ones
 * marked), the data files, and how to reproduce the report.
 */
import type { Scenario } from '../../model/scenario/schema';
import { keyAssumptions } from '../measure/assumptions';
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
    const kind = a.via === 'preset' ? 'preset\'s source' : a.isAssumption ? 'reasoned assumption' : 'published figure';
    return [params, [a.source], [kind]];
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
    rows.length ? { kind: 'table', header: ['parameters', 'source', 'kind'], rows } : { kind: 'paragraph', content: ['No parameter of this scenario takes a sourced default value.'] },
  ];
}

/**
 * The parameters: a visible table of those that differ from the baseline (the preset), then every
 * parameter folded away (a forum post stays readable; the numbers are one click away).
 */
export function parametersSection(rows: readonly ParameterRow[], baselineName: string | undefined, heading = 'Parameters'): Block[] {
  const changed = rows.filter((r) => r.changed);
  const blocks: Block[] = [{ kind: 'heading', text: heading }];
  if (baselineName === undefined) {
    blocks.push({ kind: 'paragraph', content: [`${rows.length} parameters (no preset to compare with).`] });
  } else if (changed.length === 0) {
    blocks.push({ kind: 'paragraph', content: [`${rows.length} parameters, all as in ${baselineName}.`] });
  } else {
    blocks.push({ kind: 'paragraph', content: [`${rows.length} parameters; ${changed.length} ${changed.length === 1 ? 'differs' : 'differ'} from ${baselineName} (marked `, { strong: 'changed' }, ' in the full list):'] });
    blocks.push({
      kind: 'table',
      header: ['parameter', 'value', `in ${baselineName}`],
      rows: changed.map((r) => [[{ code: r.path }], [withUnit(r.value, r.unit)], [r.baselineValue === undefined ? '(absent)' : withUnit(r.baselineValue, r.unit)]]),
    });
  }
  blocks.push({
    kind: 'details',
    summary: `All ${rows.length} parameters`,
    blocks: [
      {
        kind: 'table',
        header: ['parameter', 'value', 'meaning'],
        rows: rows.map((r) => [[{ code: r.path }], r.changed ? [withUnit(r.value, r.unit), ' ', { strong: 'changed' }] : [withUnit(r.value, r.unit)], [r.doc ?? '']]),
      },
    ],
  });
  return blocks;
}

export function dataSection(files: ReadonlyArray<{ file: string; what: string }>): Block[] {
  return [
    { kind: 'heading', text: 'Data' },
    { kind: 'list', items: files.map((f) => [{ link: f.file, href: f.file }, `: ${f.what}`]) },
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

/** Where index.html offers the explorer; the Markdown post says what it offers. */
export function explorerBlock(): Block {
  return {
    kind: 'explorer',
    content: [
      { strong: 'Explore the assumptions:' },
      ' this report\'s index.html runs the model in the reader\'s browser, offline. Change the fee per batch, the redistribution share, the hardware cost decline and other assumptions, and the table and charts are recomputed, with a link that reproduces them and the equivalent command.',
    ],
  };
}
