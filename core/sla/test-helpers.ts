import { SlaError } from './errors';

/** The SlaError code an action throws, or undefined when it does not throw. */
export function errorCode(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof SlaError ? error.code : `not an SlaError: ${String(error)}`;
  }
  return undefined;
}
