/**
 * Launching the system's Chromium headless through playwright-core, offline: no sandbox (we run as
 * root in CI containers), no GPU, and none of the background services that would reach the network.
 * playwright-core gives each launch a fresh temporary profile.
 */
import type { Browser } from 'playwright-core';
import { CHROMIUM_INSTALL_COMMAND, findChromium, type FindChromiumOptions } from './find';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** No usable browser: `message` says what was tried and how to install one. */
export class BrowserUnavailableError extends Error {
  constructor(
    message: string,
    /** The command that installs a browser. */
    readonly installCommand: string = CHROMIUM_INSTALL_COMMAND,
  ) {
    super(message);
    this.name = 'BrowserUnavailableError';
  }
}

export interface LaunchOptions extends FindChromiumOptions {
  /** Give up on a browser that does not start within this time, ms (default 30 s). */
  timeoutMs?: number;
}

/** Starts headless Chromium; throws BrowserUnavailableError when none is found or it cannot start. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath, tried } = findChromium(options);
  if (!executablePath) {
    throw new BrowserUnavailableError(`no Chromium or Chrome found (tried: ${tried.length ? tried.join(', ') : 'nothing: CHROMIUM_PATH is unset and the default paths are off'})`);
  }
  // Loaded here so that code paths without a browser never load playwright-core.
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS], timeout: options.timeoutMs ?? 30_000 });
  } catch (err) {
    const reason = (err as Error).message.split('\n')[0];
    throw new BrowserUnavailableError(`${executablePath} did not start: ${reason}`);
  }
}
