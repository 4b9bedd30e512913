export { BillingError, isBillingError, type BillingErrorCode } from './errors';
export { allocate } from './allocate';
export {
  type InvoiceLineInput,
  type InvoiceLineResult,
  type InvoiceOptions,
  type InvoiceTotals,
  type LineDiscount,
  type TaxMode,
  type TaxRounding,
  type TaxSummaryRow,
} from './invoice-types';
export { DEFAULT_TAX_MODE, DEFAULT_TAX_ROUNDING, invoiceTotals } from './invoice-totals';
export {
  addCalendarDays,
  daysBetween,
  daysOverdue,
  dueDate,
  isCalendarDate,
  parseCalendarDate,
  type CalendarDate,
} from './dates';
export { lateInterest } from './late-interest';
export {
  formatDocumentNumber,
  numberingPeriodKey,
  validateNumberPattern,
  type NumberPatternErrorCode,
} from './numbering';
