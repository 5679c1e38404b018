/**
 * Escaping of every text a report did not write itself (scenario names, descriptions, class labels,
 * parameter values, file names): a scenario named `<img src=x onerror=alert(1)>` must read as that
 * text in the Markdown post, the HTML page and the charts, and never become markup.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * Text for Markdown (CommonMark, GitHub and Discourse): `&`, `<` and `>` as entities, so that no
 * HTML tag, entity or autolink can form; the characters that make emphasis, code, links, tables,
 * strike-through, math (`$`, on GitHub and Discourse sites with math), emoji (`:x:`) and hashtags
 * backslash-escaped everywhere; and what would start a
 * list or setext underline escaped at the start (harmless elsewhere). Line breaks become spaces:
 * a report's texts sit in one paragraph or table cell, where a line break could start a block.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]|~#$]|:(?=[\w+-])/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c])
    .replace(/^(?:[-+*](?=\s|$)|=+(?=\s*$))/, (lead) => `\\${lead}`)
    .replace(/^(\d+)(?=[.)](?:\s|$))/, '$1\\');
}

/** Line breaks and tabs as single spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

/**
 * A Markdown code span that shows `text` verbatim: the fence is one backtick longer than the longest
 * run inside it. In a table cell, `|` must still be escaped (GFM splits cells before reading spans).
 */
export function markdownCode(text: string, inTable = false): string {
  const flat = oneLine(text);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced code block whose fence no line of `text` can close. */
export function markdownFence(text: string, language = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/**
 * Text for plotly (titles, legend names, hover labels, annotations): plotly reads a few HTML tags
 * (`<b>`, `<br>`, `<a href>`) in its strings and decodes entities, so `&`, `<` and `>` go in as
 * entities and come out as the characters.
 */
export function plotlyText(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_ENTITIES[c]);
}

/** A shell word that a POSIX shell reads back as `word` (quoted only when it needs to be). */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A safe file-name part from any text: lower-case letters, digits and dashes. */
export function slug(text: string, fallback: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || fallback;
}
