/** Reading scenarios and writing outputs (the I/O around the pure model). */
export * from './scenarios';
export * from './csv';
export * from './files';
export * from './manifest';
export * from './run-outputs';
export { PROJECT_ROOT, SCENARIOS_DIR } from './paths';
