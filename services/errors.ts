import type { z } from 'zod';
import type { ApiErrorCode, ApiErrorShape, ApiIssue } from '../core/api';

/** A failure a handler reports on purpose; the dispatcher turns it into `ApiErrorShape`. */
export class ServiceError extends Error {
  readonly code: ApiErrorCode;
  readonly reason: string | undefined;
  readonly details: ApiErrorShape['details'];

  constructor(
    code: ApiErrorCode,
    message: string,
    options: { reason?: string; details?: ApiErrorShape['details']; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ServiceError';
    this.code = code;
    this.reason = options.reason;
    this.details = options.details;
  }
}

export function notFound(what: string, id: string): ServiceError {
  return new ServiceError('NOT_FOUND', `${what} ${id} does not exist.`, {
    reason: `${what.toUpperCase()}_NOT_FOUND`,
    details: { id },
  });
}

export function issuesOf(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: reasonOf(issue) ?? issue.code,
    message: issue.message,
  }));
}

/** A schema's own `params.reason` (e.g. UNKNOWN_CURRENCY) wins over zod's generic code. */
function reasonOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'custom' && issue.params && typeof issue.params.reason === 'string') {
    return issue.params.reason;
  }
  return undefined;
}

export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof ServiceError) {
    return {
      code: error.code,
      reason: error.reason,
      message: error.message,
      issues: [],
      details: error.details,
    };
  }
  return { code: 'INTERNAL', message: 'Something went wrong inside Engagement Desk.', issues: [] };
}
