import { z } from 'zod';

/**
 * Every failure that crosses the contract has one of these codes. The renderer translates
 * by `code` (and by `reason` where one is given), so the English `message` is only a
 * fallback for logs and for callers without a catalog.
 */
export const ApiErrorCode = z.enum([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssue>;

export const ApiErrorShape = z.object({
  code: ApiErrorCode,
  /** Finer, stable reason for translation, e.g. `CLIENT_HAS_DEPENDENTS`. */
  reason: z.string().optional(),
  message: z.string(),
  issues: z.array(ApiIssue).default([]),
  /** Plain values the translated message may interpolate (counts, names). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorShape };

/** Thrown by the renderer's client (and by in-process callers) when a call fails. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly reason: string | undefined;
  readonly issues: ApiIssue[];
  readonly details: ApiErrorShape['details'];

  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.reason = shape.reason;
    this.issues = shape.issues;
    this.details = shape.details;
  }
}
