/**
 * The browser the e2e suite (playwright.config.ts) and the renderer bench
 * (bench/renderer.bench.ts) drive: Debian's Chromium, headless, making no requests of its
 * own, with the same page settings.
 */

export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export const PAGE_OPTIONS = {
  locale: 'en-US',
  timezoneId: 'UTC',
  colorScheme: 'light' as const,
  viewport: { width: 1360, height: 860 },
};
