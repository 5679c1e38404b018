/**
 * The report as Markdown for a Discourse post (also fine on GitHub): GFM tables, images linked
 * relatively (charts/x.png), `<details>` for long parameter lists. Every text goes through
 * escapeMarkdown or a code span; nothing from a scenario reaches the output unescaped.
 */
import type { Block, Inline, ReportDocument } from '../write/document';
import { escapeHtml, escapeMarkdown, markdownCode, markdownFence, oneLine } from '../escape';

/** How figures appear: an image link to the rendered PNG, or a line saying why there is none. */
export interface MarkdownFigureMode {
  /** Whether charts/<id>.png exists. */
  rendered: boolean;
  /** Shown instead of the image when not rendered. */
  missingReason?: string;
}

function inline(content: readonly Inline[], inTable = false): string {
  const text = content
    .map((c) => {
      if (typeof c === 'string') return escapeMarkdown(c);
      if ('code' in c) return markdownCode(c.code, inTable);
      if ('strong' in c) return `**${escapeMarkdown(c.strong)}**`;
      return `[${escapeMarkdown(c.link)}](${linkTarget(c.href)})`;
    })
    .join('');
  // Leading spaces would make an indented code block at the start of a paragraph.
  return text.trimStart();
}

/** A relative link target: our own file paths, with anything unusual percent-encoded. */
function linkTarget(href: string): string {
  return href.split('/').map(encodeURIComponent).join('/');
}

function cell(content: readonly Inline[]): string {
  const text = inline(content, true);
  return text === '' ? ' ' : text;
}

/** Rows shown of the tables that may be shortened (those with a `fullIn` file); absent: every row. */
type ShownRows = Map<Block, number>;

function block(b: Block, figures: MarkdownFigureMode, shown: ShownRows = new Map()): string {
  switch (b.kind) {
    case 'heading':
      return `## ${escapeMarkdown(b.text)}`;
    case 'subheading':
      return `### ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return inline(b.content);
    case 'note':
      return `> ${inline(b.content)}`;
    case 'list':
      return b.items.map((item) => `- ${inline(item)}`).join('\n');
    case 'table': {
      const count = shown.get(b) ?? b.rows.length;
      const where: Inline[] = b.fullIn ? [{ link: b.fullIn, href: b.fullIn }] : [];
      if (count === 0) return `*${inline([`The table (${b.rows.length} rows) is in `, ...where, '.'])}*`;
      const header = `| ${b.header.map((h) => cell([h])).join(' | ')} |`;
      const rule = `| ${b.header.map((_, i) => (b.numeric?.[i] ? '---:' : '---')).join(' | ')} |`;
      const rows = b.rows.slice(0, count).map((r) => `| ${r.map((c) => cell(c)).join(' | ')} |`);
      const table = [header, rule, ...rows].join('\n');
      return count < b.rows.length ? `${table}\n\n*${inline([`The first ${count} of ${b.rows.length} rows; all of them in `, ...where, '.'])}*` : table;
    }
    case 'figure': {
      const c = b.chart;
      const caption = inline(c.caption);
      if (!figures.rendered) return `*${escapeMarkdown(c.title)}: ${escapeMarkdown(figures.missingReason ?? 'not rendered')}*\n\n${caption}`;
      return `![${escapeMarkdown(c.title)}](${linkTarget(`charts/${c.id}.png`)})\n\n${caption} ([SVG](${linkTarget(`charts/${c.id}.svg`)}))`;
    }
    case 'code':
      return markdownFence(b.text, b.language);
    case 'details':
      // Blank lines around the content let Markdown inside <details> render (GitHub and Discourse);
      // the <summary> line itself is raw HTML, where Markdown escapes do not apply.
      return `<details>\n<summary>${escapeHtml(oneLine(b.summary))}</summary>\n\n${b.blocks.map((x) => block(x, figures, shown)).join('\n\n')}\n\n</details>`;
  }
}

/** A Discourse post holds 32,000 characters by default (its max_post_length setting). */
export const POST_LIMIT_CHARS = 32_000;
/**
 * What a report.md may take at most: the post's limit less room for the poster's own words and for
 * the upload links Discourse puts in place of the image paths (longer than charts/x.png).
 */
export const REPORT_MD_MAX_CHARS = POST_LIMIT_CHARS - 2_000;

function render(doc: ReportDocument, figures: MarkdownFigureMode, shown: ShownRows): string {
  const parts = [
    `# ${escapeMarkdown(oneLine(doc.title))}`,
    // Hidden in the post (Discourse and GitHub do not show HTML comments): a pasted post cannot reach
    // the files beside report.md, so the images must be uploaded with it.
    '<!-- Posting on a forum: the image links point to charts/*.png beside this file (report.zip holds this file and them). In the Discourse editor, upload each PNG (drag it in) and delete the line that linked it: Discourse inserts its own link to the upload. -->',
    inline(doc.lead),
    ...doc.notices.map((n) => `> **Note:** ${inline(n)}`),
    ...doc.blocks.map((b) => block(b, figures, shown)),
  ];
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}

/** The tables a post may shorten (their rows are in a data file), in document order. */
function shortenable(blocks: readonly Block[]): Array<Extract<Block, { kind: 'table' }>> {
  return blocks.flatMap((b) => (b.kind === 'table' && b.fullIn ? [b] : b.kind === 'details' ? shortenable(b.blocks) : []));
}

/**
 * The report as one forum post of at most `maxChars` characters: when the whole document is longer,
 * the tables whose rows are in a data file are shortened, the longest first, each saying where its
 * rows are, until it fits. Throws when it cannot fit (a report whose other parts are too long).
 */
export function renderMarkdown(doc: ReportDocument, figures: MarkdownFigureMode, maxChars = REPORT_MD_MAX_CHARS): string {
  const shown: ShownRows = new Map();
  let text = render(doc, figures, shown);
  const tables = shortenable(doc.blocks);
  while (text.length > maxChars) {
    const size = (t: (typeof tables)[number]) => block(t, figures, shown).length;
    const candidates = tables.filter((t) => (shown.get(t) ?? t.rows.length) > 0);
    if (candidates.length === 0) throw new Error(`report.md is ${text.length} characters with every long table cut, over the ${maxChars} a forum post can take`);
    const longest = candidates.reduce((a, b) => (size(b) > size(a) ? b : a));
    const count = shown.get(longest) ?? longest.rows.length;
    // Rows to drop: the excess over the table's average row length, at least one.
    const perRow = size(longest) / Math.max(1, count);
    const drop = Math.max(1, Math.ceil((text.length - maxChars) / perRow));
    shown.set(longest, Math.max(0, count - drop));
    text = render(doc, figures, shown);
  }
  return text;
}
