import type { MethodName, Milestone, MilestoneSchedule, MilestoneStatus } from '../../core/api';
import { allocate } from '../../core/billing';
import { toDec } from '../../core/money';
import type { schema } from '../../db';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import type { HandlerMap } from '../handler-types';
import { engagementsRepo, requireEngagement } from './engagements';
import { conflict, invalid, withBilling } from './errors';
import { MILESTONE_TEMPLATES } from './milestone-templates';
import { changesOf, recordAudit } from '../audit/record';

const ACCEPTANCE_FIELDS = ['status', 'acceptedDate', 'acceptedBy', 'acceptanceNote'] as const;

/** A milestone neither ready nor accepted: a new one, or one reopened. */
const PLANNED = {
  status: 'planned',
  readyAt: null,
  acceptedDate: null,
  acceptedBy: null,
  acceptanceNote: null,
  acceptanceRecordedAt: null,
} as const;

/** An acceptance recorded or withdrawn, in the milestone's and its engagement's history. */
function auditAcceptance(
  ctx: ServiceContext,
  action: 'milestone.accepted' | 'milestone.reopened',
  before: MilestoneRow,
  after: MilestoneRow,
): void {
  recordAudit(ctx, {
    entity: 'milestone',
    entityId: before.id,
    parentId: before.engagementId,
    action,
    label: before.name,
    changes: changesOf(before, after, ACCEPTANCE_FIELDS),
  });
}

type MilestoneRow = typeof schema.milestones.$inferSelect;
type EngagementRow = typeof schema.engagements.$inferSelect;
type InvoiceLink = { id: string; number: string | null };

export function toMilestone(row: MilestoneRow, invoice: InvoiceLink | undefined): Milestone {
  return {
    id: row.id,
    engagementId: row.engagementId,
    position: row.position,
    name: row.name,
    percent: row.percent,
    amountMinor: row.amountMinor,
    deliverable: row.deliverable,
    acceptanceCriteria: row.acceptanceCriteria,
    plannedDate: row.plannedDate,
    status: row.status as MilestoneStatus,
    readyAt: row.readyAt,
    acceptance:
      row.acceptedDate && row.acceptanceRecordedAt
        ? {
            date: row.acceptedDate,
            by: row.acceptedBy ?? '',
            note: row.acceptanceNote ?? '',
            recordedAt: row.acceptanceRecordedAt,
          }
        : null,
    invoiceId: invoice?.id ?? null,
    invoiceNumber: invoice?.number ?? null,
  };
}

export function requireMilestone(ctx: ServiceContext, id: string): MilestoneRow {
  const row = engagementsRepo(ctx).milestone(id);
  if (!row) throw notFound('Milestone', id);
  return row;
}

function milestoneOut(ctx: ServiceContext, row: MilestoneRow): Milestone {
  return toMilestone(row, engagementsRepo(ctx).milestoneInvoices(row.engagementId).get(row.id));
}

export function scheduleOf(ctx: ServiceContext, engagement: EngagementRow): MilestoneSchedule {
  const repo = engagementsRepo(ctx);
  const invoices = repo.milestoneInvoices(engagement.id);
  const rows = repo.milestones(engagement.id);
  return {
    engagementId: engagement.id,
    currency: engagement.currency,
    contractValueMinor: engagement.contractValueMinor,
    basis: rows.length ? (engagement.scheduleBasis as 'percent' | 'amount' | null) : null,
    milestones: rows.map((r) => toMilestone(r, invoices.get(r.id))),
  };
}

/** Invoiced milestones (or with a draft invoice) keep their amount: it is on an invoice. */
function lockedIds(ctx: ServiceContext, engagementId: string, rows: MilestoneRow[]): Set<string> {
  const invoices = engagementsRepo(ctx).milestoneInvoices(engagementId);
  return new Set(
    rows
      .filter((r) => invoices.has(r.id) || r.status === 'invoiced' || r.status === 'paid')
      .map((r) => r.id),
  );
}

function percentAmounts(contractValueMinor: number, percents: readonly string[]): number[] {
  const total = percents.reduce((sum, p) => sum.plus(toDec(p)), toDec(0));
  if (!total.eq(100)) {
    throw invalid(
      'MILESTONES_NOT_100_PERCENT',
      `The milestone percentages add up to ${total.toFixed()} %, not 100 %.`,
      { totalPercent: total.toFixed() },
    );
  }
  return withBilling(() => allocate(contractValueMinor, percents));
}

function lockedMessage(name: string) {
  return conflict(
    'MILESTONE_INVOICED',
    `"${name}" is already invoiced; its amount cannot change and it cannot be removed. Correct the invoice with a credit note instead.`,
    { name },
  );
}

/** After the contract value changes: percent schedules are re-allocated, amounts must match. */
export function reallocateForContractValue(ctx: ServiceContext, engagement: EngagementRow): void {
  const repo = engagementsRepo(ctx);
  const rows = repo.milestones(engagement.id);
  if (rows.length === 0) return;
  if (engagement.scheduleBasis === 'amount' || rows.some((r) => r.percent === null)) {
    const sum = rows.reduce((n, r) => n + r.amountMinor, 0);
    if (sum !== engagement.contractValueMinor) {
      throw invalid(
        'MILESTONES_NOT_CONTRACT_VALUE',
        'The milestone amounts no longer add up to the contract value; change the schedule first.',
        { totalMinor: sum, contractValueMinor: engagement.contractValueMinor },
      );
    }
    return;
  }
  const amounts = percentAmounts(
    engagement.contractValueMinor,
    rows.map((r) => r.percent!),
  );
  const locked = lockedIds(ctx, engagement.id, rows);
  rows.forEach((row, i) => {
    if (row.amountMinor === amounts[i]) return;
    if (locked.has(row.id)) throw lockedMessage(row.name);
    repo.updateMilestone(row.id, { amountMinor: amounts[i]!, updatedAt: engagement.updatedAt });
  });
}

/** planned → ready → accepted → invoiced → paid; back to where it was when an invoice is voided. */
export function statusWithoutInvoice(row: MilestoneRow): MilestoneStatus {
  if (row.acceptedDate) return 'accepted';
  if (row.readyAt) return 'ready';
  return 'planned';
}

export const milestoneHandlers: HandlerMap<Extract<MethodName, `milestones.${string}`>> = {
  'milestones.templates': () => MILESTONE_TEMPLATES,

  'milestones.get': (input, ctx) => scheduleOf(ctx, requireEngagement(ctx, input.engagementId)),

  'milestones.setSchedule': (input, ctx) => {
    const engagement = requireEngagement(ctx, input.engagementId);
    const repo = engagementsRepo(ctx);
    const existing = repo.milestones(engagement.id);
    const byId = new Map(existing.map((r) => [r.id, r]));
    const seen = new Set<string>();
    for (const m of input.milestones) {
      if (m.id === undefined) continue;
      if (!byId.has(m.id) || seen.has(m.id)) {
        throw invalid(
          'MILESTONE_NOT_IN_ENGAGEMENT',
          'A milestone in the schedule is not one of this engagement’s (or is listed twice).',
          { id: m.id },
        );
      }
      seen.add(m.id);
    }

    const percents = input.milestones.filter((m) => 'percent' in m.share);
    if (percents.length > 0 && percents.length < input.milestones.length) {
      throw invalid(
        'MILESTONES_MIXED_SHARES',
        'Give every milestone a percentage, or every milestone a fixed amount.',
      );
    }
    const basis = input.milestones.length === 0 ? null : percents.length ? 'percent' : 'amount';
    let amounts: number[] = [];
    if (basis === 'percent') {
      amounts = percentAmounts(
        engagement.contractValueMinor,
        input.milestones.map((m) => ('percent' in m.share ? m.share.percent : '0')),
      );
    } else if (basis === 'amount') {
      amounts = input.milestones.map((m) => ('amountMinor' in m.share ? m.share.amountMinor : 0));
      const sum = amounts.reduce((a, b) => a + b, 0);
      if (sum !== engagement.contractValueMinor) {
        throw invalid(
          'MILESTONES_NOT_CONTRACT_VALUE',
          `The milestone amounts add up to ${sum}, not the contract value ${engagement.contractValueMinor} (minor units).`,
          { totalMinor: sum, contractValueMinor: engagement.contractValueMinor },
        );
      }
    }

    const locked = lockedIds(ctx, engagement.id, existing);
    for (const id of locked) {
      const index = input.milestones.findIndex((m) => m.id === id);
      if (index === -1 || amounts[index] !== byId.get(id)!.amountMinor) {
        throw lockedMessage(byId.get(id)!.name);
      }
    }

    const now = ctx.now().toISOString();
    for (const row of existing) if (!seen.has(row.id)) repo.removeMilestone(engagement.id, row.id);
    input.milestones.forEach((m, position) => {
      const fields = {
        position,
        name: m.name,
        percent: 'percent' in m.share ? toDec(m.share.percent).toFixed() : null,
        amountMinor: amounts[position]!,
        deliverable: m.deliverable,
        acceptanceCriteria: m.acceptanceCriteria,
        plannedDate: m.plannedDate,
        updatedAt: now,
      };
      if (m.id !== undefined) {
        repo.updateMilestone(m.id, fields);
      } else {
        repo.insertMilestone({
          ...fields,
          id: ctx.newId(),
          engagementId: engagement.id,
          ...PLANNED,
          createdAt: now,
        });
      }
    });
    const updated = repo.update(engagement.id, { scheduleBasis: basis, updatedAt: now });
    return scheduleOf(ctx, updated);
  },

  'milestones.markReady': (input, ctx) => {
    const row = requireMilestone(ctx, input.id);
    if (row.status === 'ready') return milestoneOut(ctx, row);
    if (row.status !== 'planned') {
      throw conflict('MILESTONE_NOT_PLANNED', `"${row.name}" is already ${row.status}.`, {
        status: row.status,
      });
    }
    const now = ctx.now().toISOString();
    return milestoneOut(
      ctx,
      engagementsRepo(ctx).updateMilestone(row.id, {
        status: 'ready',
        readyAt: now,
        updatedAt: now,
      }),
    );
  },

  'milestones.accept': (input, ctx) => {
    const row = requireMilestone(ctx, input.id);
    if (row.status === 'invoiced' || row.status === 'paid') {
      throw conflict('MILESTONE_INVOICED', `"${row.name}" is already ${row.status}.`, {
        status: row.status,
      });
    }
    const now = ctx.now().toISOString();
    const accepted = engagementsRepo(ctx).updateMilestone(row.id, {
      status: 'accepted',
      acceptedDate: input.date,
      acceptedBy: input.by,
      acceptanceNote: input.note,
      acceptanceRecordedAt: now,
      updatedAt: now,
    });
    auditAcceptance(ctx, 'milestone.accepted', row, accepted);
    return milestoneOut(ctx, accepted);
  },

  'milestones.reopen': (input, ctx) => {
    const row = requireMilestone(ctx, input.id);
    const repo = engagementsRepo(ctx);
    if (
      row.status === 'invoiced' ||
      row.status === 'paid' ||
      repo.milestoneInvoices(row.engagementId).has(row.id)
    ) {
      throw conflict(
        'MILESTONE_INVOICED',
        `"${row.name}" has an invoice; void or delete it before reopening.`,
        { status: row.status },
      );
    }
    const reopened = repo.updateMilestone(row.id, {
      ...PLANNED,
      updatedAt: ctx.now().toISOString(),
    });
    auditAcceptance(ctx, 'milestone.reopened', row, reopened);
    return milestoneOut(ctx, reopened);
  },
};
