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

function block(b: Block, figures: MarkdownFigureMode): string {
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
      const header = `| ${b.header.map((h) => cell([h])).join(' | ')} |`;
      const rule = `| ${b.header.map((_, i) => (b.numeric?.[i] ? '---:' : '---')).join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${r.map((c) => cell(c)).join(' | ')} |`);
      return [header, rule, ...rows].join('\n');
    }
    case 'figure': {
      const c = b.chart;
      const caption = inline(c.caption);
      if (!figures.rendered) return `*${escapeMarkdown(c.title)}: ${escapeMarkdown(figures.missingReason ?? 'not rendered')}*\n\n${caption}`;
      return `![${escapeMarkdown(c.title)}](${linkTarget(`charts/${c.id}.png`)})\n\n${caption} ([SVG](${linkTarget(`charts/${c.id}.svg`)}))`;
    }
    case 'code':
      return markdownFence(b.text, b.language);
    case 'explorer':
      return inline(b.content);
    case 'details':
      // Blank lines around the content let Markdown inside <details> render (GitHub and Discourse);
      // the <summary> line itself is raw HTML, where Markdown escapes do not apply.
      return `<details>\n<summary>${escapeHtml(oneLine(b.summary))}</summary>\n\n${b.blocks.map((x) => block(x, figures)).join('\n\n')}\n\n</details>`;
  }
}

export function renderMarkdown(doc: ReportDocument, figures: MarkdownFigureMode): string {
  const parts = [
    `# ${escapeMarkdown(oneLine(doc.title))}`,
    // Hidden in the post (Discourse and GitHub do not show HTML comments): a pasted post cannot reach
    // the files beside report.md, so the images must be uploaded with it.
    '<!-- Posting on a forum: the image links point to charts/*.png beside this file. In the Discourse editor, upload each PNG (drag it in) and delete the line that linked it: Discourse inserts its own link to the upload. -->',
    inline(doc.lead),
    ...doc.notices.map((n) => `> **Note:** ${inline(n)}`),
    ...doc.blocks.map((b) => block(b, figures)),
  ];
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
