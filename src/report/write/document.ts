/**
 * A report as plain data: headings, paragraphs, lists, tables, figures, code and folded sections.
 * The Markdown post and the HTML page are two renderings of one document, so they say the same
 * thing, and escaping lives in the two renderers only: every string here is plain text, whoever
 * wrote it (the report or a scenario), and is escaped where it is printed.
 */
import type { Figure } from '../../charts/figure';

/** A run of text: plain, code, strong, or a link to a file of the report (relative path). */
export type Inline = string | { code: string } | { strong: string } | { link: string; href: string };

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'note'; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | {
      kind: 'table';
      header: string[];
      rows: Inline[][][];
      numeric?: boolean[];
      /**
       * A data file of the report that holds every row: the Markdown post may then show only the
       * first rows to fit the forum's length limit, saying where the rest are.
       */
      fullIn?: string;
    }
  | { kind: 'figure'; chart: ReportChart }
  | { kind: 'code'; text: string; language?: string }
  | { kind: 'details'; summary: string; blocks: Block[] };

/** A chart of the report: one figure spec, drawn live in the page and rendered to files. */
export interface ReportChart {
  /** File name stem under charts/ (ours: lower-case letters, digits, dashes). */
  id: string;
  title: string;
  /** What to read in it (one or two sentences). */
  caption: Inline[];
  figure: Figure;
  /**
   * What to say instead of the chart when every series in it is flat (one value throughout): a
   * chart of a constant says nothing a sentence would not (see chartBlocks).
   */
  whenFlat?: Inline[];
}

export interface ReportDocument {
  title: string;
  /** Shown under the title (what was run, how many seeds). */
  lead: Inline[];
  /** Notices that must be seen first (e.g. charts not rendered and why). */
  notices: Inline[][];
  blocks: Block[];
}

/** Every chart of a document, in order. */
export function chartsOf(doc: ReportDocument): ReportChart[] {
  const out: ReportChart[] = [];
  const walk = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.kind === 'figure') out.push(b.chart);
      else if (b.kind === 'details') walk(b.blocks);
    }
  };
  walk(doc.blocks);
  return out;
}

/** The plain text of inline content (summary.json's copy of a sentence). */
export function plainText(content: readonly Inline[]): string {
  return content.map((c) => (typeof c === 'string' ? c : 'code' in c ? c.code : 'strong' in c ? c.strong : c.link)).join('');
}
