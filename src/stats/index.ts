/** Statistics shared by the experiments, compare, charts and report layers. */
export * from './quantile';
