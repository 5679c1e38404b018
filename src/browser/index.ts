/** The system's Chromium, found by the project's rules and driven headless by playwright-core. */
export { findChromium, CHROMIUM_INSTALL_ALTERNATIVE, CHROMIUM_INSTALL_COMMAND, DEFAULT_CHROMIUM_PATHS, NO_DEFAULT_PATHS_ENV, type ChromiumSearch, type FindChromiumOptions } from './find';
export { launchChromium, BrowserUnavailableError, CHROMIUM_ARGS, type LaunchOptions } from './launch';
