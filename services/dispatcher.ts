import {
  contract,
  isExclusiveMethod,
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

/** Where unexpected failures go when the caller names no `logError`. */
export const defaultLogError = (method: string, error: unknown): void =>
  console.error(`[services] ${method}`, error);

class OutputInvalid extends Error {}

/**
 * Calls share the database; an `exclusive` call (a restore) has it alone. When one is
 * waiting, new calls queue behind it, it starts once the calls in flight have finished, and
 * the queued calls run after it. Without an exclusive call pending nothing waits: a call
 * only counts itself in and out (under 1 µs, against ~14 µs for the cheapest whole call).
 */
export function createGate() {
  let inFlight = 0;
  let drained: (() => void) | null = null;
  /** Resolves (it never rejects) when the pending or running exclusive call is done. */
  let exclusive: Promise<void> | null = null;

  async function shared<T>(run: () => Promise<T>): Promise<T> {
    while (exclusive) await exclusive;
    inFlight++;
    try {
      return await run();
    } finally {
      inFlight--;
      if (inFlight === 0 && drained) drained();
    }
  }

  async function alone<T>(run: () => Promise<T>): Promise<T> {
    while (exclusive) await exclusive;
    let release!: () => void;
    exclusive = new Promise<void>((resolve) => (release = resolve));
    try {
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      drained = null;
      return await run();
    } finally {
      exclusive = null;
      release();
    }
  }

  return { shared, alone };
}

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
  const logError = options.logError ?? defaultLogError;
  const gate = createGate();

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
    const run = async () =>
      spec.kind === 'write'
        ? ctx.sqlite.transaction(() => checkOutput(handler(parsed.data, ctx))).immediate()
        : checkOutput(await handler(parsed.data, ctx));
    try {
      const data = isExclusiveMethod(method) ? await gate.alone(run) : await gate.shared(run);
      return { ok: true, data };
    } catch (error) {
      const shape = toErrorShape(error);
      if (shape.code === 'INTERNAL') logError(method, error);
      return { ok: false, error: shape };
    }
  };
}
