import type { MethodName } from '../../core/api';
import { isFinanceError, xirr, xnpv } from '../../core/finance';
import type { HandlerMap } from '../handler-types';
import { engagementsRepo, requireEngagement } from './engagements';
import { invalid, today } from './errors';

/**
 * The engagement's value to the consultant: XNPV (to `asOf`) and XIRR of the planned
 * milestone receipts not yet paid, with the consultant's own outlays as negative flows.
 * Floats: an estimate, never an invoiced amount.
 */
export const valuationHandlers: HandlerMap<Extract<MethodName, 'engagements.valuation'>> = {
  'engagements.valuation': (input, ctx) => {
    const engagement = requireEngagement(ctx, input.id);
    const asOf = input.asOf ?? today(ctx.now());
    const milestones = engagementsRepo(ctx).milestones(engagement.id);
    const receipts = milestones.filter(
      (m) => m.plannedDate !== null && m.plannedDate >= asOf && m.status !== 'paid',
    );
    const flows = [
      ...receipts.map((m) => ({
        date: m.plannedDate!,
        amountMinor: m.amountMinor,
        milestoneId: m.id as string | null,
        label: m.name,
      })),
      ...input.outlays
        .filter((o) => o.date >= asOf)
        .map((o) => ({
          date: o.date,
          amountMinor: -o.amountMinor,
          milestoneId: null,
          label: 'outlay',
        })),
    ].sort((a, b) => a.date.localeCompare(b.date));

    const values = [0, ...flows.map((f) => f.amountMinor)];
    const dates = [asOf, ...flows.map((f) => f.date)];
    let xnpvMinor: number;
    try {
      xnpvMinor = xnpv(input.annualDiscountRate, values, dates);
    } catch (error) {
      if (isFinanceError(error)) throw invalid('VALUATION_FAILED', error.message);
      throw error;
    }
    let irr: number | null = null;
    if (flows.some((f) => f.amountMinor < 0) && flows.some((f) => f.amountMinor > 0)) {
      try {
        irr = xirr(
          flows.map((f) => f.amountMinor),
          flows.map((f) => f.date),
        );
      } catch (error) {
        if (!isFinanceError(error)) throw error;
      }
    }
    return {
      engagementId: engagement.id,
      currency: engagement.currency,
      asOf,
      annualDiscountRate: input.annualDiscountRate,
      flows,
      totalMinor: flows.reduce((n, f) => n + f.amountMinor, 0),
      xnpvMinor,
      xirr: irr,
      skippedMilestones: milestones.length - receipts.length,
    };
  },
};
