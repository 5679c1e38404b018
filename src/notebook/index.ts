/**
 * Notebook helpers for the tslab kernel: `show(figure)`, tables, a self-updating progress line,
 * claims and prose computed from the run's values. Safe to load in plain Node: nothing here touches
 * tslab until called inside a kernel. Loading it also makes bad-input errors print as one line in a
 * kernel (error-display) and danfojs frames display as tables (frame-display, when danfojs loads).
 */
import './error-display';
export { show, loadPlotly } from './show';
export { showTable, tableHtml, formatTableCell, type FrameLike } from './tables';
export { mapWithProgress, progressDisplay, progressText, yieldToKernel, type ProgressDisplay, type ProgressOptions } from './progress';
export { checkClaims, claimsMarkdown, stated, statedNumber, STATED_MARK, type Claim, type StatedNumber } from './claims';
export { prose, proseMarkdown, q, Quantity } from './prose';
export { installFrameDisplay, FRAME_ROWS_SHOWN } from './frame-display';
export { ONE_LINE_ERRORS } from './error-display';
export { inKernel } from './kernel';
