import { expect } from 'vitest';
import { FinanceError, type FinanceErrorCode } from './errors';

/** Test helper: `run` must throw a FinanceError carrying `code`. */
export function expectFinanceError(run: () => unknown, code: FinanceErrorCode): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(FinanceError);
  expect((thrown as FinanceError).code).toBe(code);
}
