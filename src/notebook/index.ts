/**
 * Notebook helpers for the tslab kernel: `show(figure)`, tables, a self-updating progress line.
 * Safe to load in plain Node: nothing here touches tslab until called inside a kernel.
 */
export { show, loadPlotly } from './show';
export { showTable, tableHtml, formatTableCell, type FrameLike } from './tables';
export { progressDisplay, progressText, yieldToKernel, type ProgressDisplay, type ProgressOptions } from './progress';
export { checkClaims, claimsMarkdown, type Claim } from './claims';
export { inKernel } from './kernel';
export { showExplorer, explorerNotebookHtml, type ExplorerOptions } from './explore';
