import type { Reporter, TestError } from '@playwright/test/reporter';

/**
 * Used only when the suite is skipped, so global-setup's one line is the whole output.
 * (Playwright swaps the built-in `null` reporter for `line` because it prints nothing;
 * this one says it prints, and prints only errors.)
 */
export default class QuietReporter implements Reporter {
  printsToStdio(): boolean {
    return true;
  }

  onError(error: TestError): void {
    console.error(error.message ?? error.value ?? 'Electron suite error');
  }
}
