/**
 * Where a Chromium or Chrome binary is: the same rules as scripts/prereqs.js `findChromium()` (the
 * CHROMIUM_PATH environment variable first, then Debian's and Google's usual paths), so that what
 * `npm test` installs is what reports use. We never download a browser: that fails offline.
 */
import * as fs from 'fs';

/** Paths tried after CHROMIUM_PATH, in order (as in scripts/prereqs.js). */
export const DEFAULT_CHROMIUM_PATHS: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The command that installs the browser on Debian and Ubuntu (as scripts/prereqs.js prints it). */
export const CHROMIUM_INSTALL_COMMAND = 'sudo apt-get install -y chromium';
/** Elsewhere. */
export const CHROMIUM_INSTALL_ALTERNATIVE = 'or install Google Chrome and set CHROMIUM_PATH to its binary';

/** Setting this environment variable to 1 leaves the default paths out (tests of the missing-browser path). */
export const NO_DEFAULT_PATHS_ENV = 'PROVER_SIM_NO_DEFAULT_CHROMIUM';

export interface FindChromiumOptions {
  /** A binary to use; when given, it is the only candidate. */
  executablePath?: string;
  /** Also try DEFAULT_CHROMIUM_PATHS (default: unless PROVER_SIM_NO_DEFAULT_CHROMIUM=1). */
  searchDefaults?: boolean;
  env?: NodeJS.ProcessEnv;
}

export interface ChromiumSearch {
  /** The binary found, if any. */
  executablePath?: string;
  /** Every path tried, in order (for the "not found" message). */
  tried: string[];
}

/** Looks for the browser; never throws. */
export function findChromium(options: FindChromiumOptions = {}): ChromiumSearch {
  const env = options.env ?? process.env;
  let candidates: string[];
  if (options.executablePath !== undefined) {
    candidates = [options.executablePath];
  } else {
    const defaults = options.searchDefaults ?? env[NO_DEFAULT_PATHS_ENV] !== '1';
    candidates = [...(env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : []), ...(defaults ? DEFAULT_CHROMIUM_PATHS : [])];
  }
  const executablePath = candidates.find((p) => isFile(p));
  return { executablePath, tried: candidates };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
