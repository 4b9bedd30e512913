import {
  contract,
  isHostMethod,
  isMethodName,
  type ApiResult,
  type ServiceMethodName,
} from '../core/api';
import type { ServiceContext } from './context';
import { issuesOf, toErrorShape } from './errors';
import type { HandlerMap } from './handler-types';

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

export interface DispatcherOptions {
  /** Where unexpected failures are reported; the caller only ever sees a typed error. */
  logError?: (method: string, error: unknown) => void;
}

class OutputInvalid extends Error {}

/**
 * The single entry for every contract call: unknown method -> UNKNOWN_METHOD; input parsed
 * with the method's strict schema -> VALIDATION with issues; writes in one transaction;
 * output checked against its schema before it leaves (a mismatch rolls the write back).
 * Writes start with BEGIN IMMEDIATE: the write lock is taken before the first read, so two
 * processes on one file serialise (busy_timeout waits) instead of both reading the same
 * counter — gap-free numbering depends on it.
 */
export function createDispatcher(
  ctx: ServiceContext,
  handlers: HandlerMap,
  options: DispatcherOptions = {},
): Dispatch {
  const logError =
    options.logError ?? ((method, error) => console.error(`[services] ${method}`, error));

  return async (method, input) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_METHOD',
          message: `Unknown method: ${String(method).slice(0, 100)}`,
          issues: [],
        },
      };
    }
    if (isHostMethod(method)) {
      // Save dialogs and the like: Electron main answers these before they get here.
      return {
        ok: false,
        error: {
          code: 'UNKNOWN_METHOD',
          message: `${method} is answered by the app window's host, not the services.`,
          issues: [],
        },
      };
    }
    const spec = contract[method];
    // Only an absent input means "nothing"; null is malformed like any other non-object.
    const parsed = spec.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Some of the values are not valid.',
          issues: issuesOf(parsed.error),
        },
      };
    }
    const handler = handlers[method as ServiceMethodName] as (
      i: unknown,
      c: ServiceContext,
    ) => unknown;
    const checkOutput = (value: unknown): unknown => {
      const out = spec.output.safeParse(value);
      if (!out.success) throw new OutputInvalid(JSON.stringify(out.error.issues).slice(0, 2000));
      return out.data;
    };
    try {
      const data =
        spec.kind === 'write'
          ? ctx.sqlite.transaction(() => checkOutput(handler(parsed.data, ctx))).immediate()
          : checkOutput(await handler(parsed.data, ctx));
      return { ok: true, data };
    } catch (error) {
      const shape = toErrorShape(error);
      if (shape.code === 'INTERNAL') logError(method, error);
      return { ok: false, error: shape };
    }
  };
}
