/** Comparing mechanisms on common random numbers: runs, the headline table, outputs. */
export * from './compare';
export * from './outputs';
export * from './quantiles';
export * from './variants';
