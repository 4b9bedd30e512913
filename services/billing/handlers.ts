import type { HandlerMap } from '../handler-types';
import { creditNoteHandlers } from './credit-notes';
import { engagementHandlers } from './engagements';
import { invoiceHandlers } from './invoices';
import { milestoneHandlers } from './milestones';
import { paymentHandlers } from './payments';
import { profileHandlers } from './profile';
import { receivablesHandlers } from './receivables';
import { valuationHandlers } from './valuation';

export const billingHandlers = {
  ...profileHandlers,
  ...engagementHandlers,
  ...valuationHandlers,
  ...milestoneHandlers,
  ...invoiceHandlers,
  ...paymentHandlers,
  ...creditNoteHandlers,
  ...receivablesHandlers,
} satisfies Partial<HandlerMap>;
