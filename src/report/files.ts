/** Names of the files every report folder holds (written by assemble/, linked from the document). */

/** The forum post. */
export const REPORT_MD = 'report.md';
/** The self-contained page with interactive charts. */
export const INDEX_HTML = 'index.html';
/** report.md with its PNG charts, one file for a forum poster. */
export const BUNDLE_FILE = 'report.zip';
