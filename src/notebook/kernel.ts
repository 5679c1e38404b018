/**
 * Access to the running tslab kernel's display API, found without importing tslab: the library
 * must load in plain Node (tests, CLI, workers), where tslab is absent or would start nothing.
 *
 * Inside a kernel, tslab's own modules are already loaded; the right instance is the one whose
 * `jupyter` module holds the current cell's output channel (a globally installed tslab hands over
 * to the project's copy, so two copies can be loaded and only one is live).
 */
import * as path from 'path';

/** The part of tslab's Display this library uses. */
export interface KernelDisplay {
  html(s: string): void;
  text(s: string): void;
  markdown(s: string): void;
}

interface TslabPublic {
  display: KernelDisplay;
  newDisplay(): KernelDisplay;
}

const JUPYTER_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

/** tslab's public module of the live kernel, or undefined outside a tslab kernel. */
export function liveTslab(): TslabPublic | undefined {
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!mod || !JUPYTER_MODULE.test(file)) continue;
    const exported = mod.exports as { lastWriteDisplayData?: unknown };
    if (exported.lastWriteDisplayData) return require(path.join(path.dirname(file), 'public.js')) as TslabPublic;
  }
  return undefined;
}

/** True while running inside a tslab kernel cell. */
export function inKernel(): boolean {
  return liveTslab() !== undefined;
}

/** The live kernel's tslab, or an error that says what to do instead. */
export function requireKernel(what: string): TslabPublic {
  const tslab = liveTslab();
  if (!tslab) {
    throw new Error(`${what} draws into a Jupyter notebook running the tslab kernel; outside one, write HTML with figureHtml() instead`);
  }
  return tslab;
}
