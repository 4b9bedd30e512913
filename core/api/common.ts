import { z } from 'zod';
import { isCurrencyCode } from '../money';

/** UUIDv7 text: time-ordered, so data from two machines can be merged later. */
export const Id = z.uuidv7();

/** UTC ISO-8601 timestamp of an event, e.g. `2026-11-21T05:30:00.000Z`. */
export const Timestamp = z.iso.datetime();

/** Calendar date `YYYY-MM-DD`, never shifted by time zones. */
export const CalendarDate = z.iso.date();

export const Locale = z.enum(['en', 'zh-CN']);
export type Locale = z.infer<typeof Locale>;

export const SortDirection = z.enum(['asc', 'desc']);

/** Money in integer minor units; stays a safe integer so sums never lose a cent. */
export const AmountMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** ISO 4217 code the runtime can format. */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .refine(isCurrencyCode, { message: 'Unknown currency', params: { reason: 'UNKNOWN_CURRENCY' } });

export const PageInput = {
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

/** Input for methods that take nothing. Unknown keys are still rejected. */
export const Empty = z.strictObject({});

export const ById = z.strictObject({ id: Id });

/** The `changes` of an update method: a patch that must change at least one field. */
export const nonEmptyChanges = <T extends z.ZodType<object>>(patch: T): T =>
  patch.refine((c) => Object.keys(c).length > 0, {
    message: 'Nothing to change',
    params: { reason: 'EMPTY_CHANGES' },
  });

/** One page of a list method: the items, the total matching and the page's offset. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), offset: z.number().int() });
