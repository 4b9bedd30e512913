import { contract, type MethodName, type MethodOutput, type ParsedInput } from '../../core/api';
import { addCalendarDays, allocate } from '../../core/billing';
import type { ServiceContext } from '../context';
import { billingHandlers } from './handlers';
import { today } from './errors';
import { MILESTONE_TEMPLATES } from './milestone-templates';
import { loadProfile } from './profile';

type BillingMethod = keyof typeof billingHandlers;

/** Runs a billing method inside the caller's transaction, input parsed like the dispatcher. */
function call<M extends BillingMethod & MethodName>(
  ctx: ServiceContext,
  method: M,
  input: unknown,
): MethodOutput<M> {
  const parsed = contract[method].input.parse(input) as ParsedInput<M>;
  const handler = billingHandlers[method] as (i: ParsedInput<M>, c: ServiceContext) => unknown;
  return handler(parsed, ctx) as MethodOutput<M>;
}

interface DemoEngagement {
  clientId: string;
  language: 'en' | 'zh-CN';
  title: string;
  scope: string;
  contractValueMinor: number;
  taxRatePercent: string;
  acceptedBy: string;
  /** Days before today the first invoice was issued (Net 30 from the client). */
  issuedDaysAgo: number;
  /** Share of the first invoice paid so far (0–1). */
  paidShare: number;
  credit: { reason: string; amountMinor: number } | null;
  /** Debt items of the client the engagement addresses (the proposal's findings). */
  debtItemIds: string[];
}

function loadEngagement(ctx: ServiceContext, demo: DemoEngagement): string {
  const now = today(ctx.now());
  const template = MILESTONE_TEMPLATES[0]!; // 15 / 30 / 45 / 10
  const plan = [-25, 45, 150, 400].map((days) => addCalendarDays(now, days));
  const engagement = call(ctx, 'engagements.create', {
    clientId: demo.clientId,
    title: demo.title,
    type: 'fixed_price',
    stage: 'active',
    contractValueMinor: demo.contractValueMinor,
    startDate: addCalendarDays(now, -60),
    endDate: plan[2],
    scope: demo.scope,
    taxRatePercent: demo.taxRatePercent,
    debtItemIds: demo.debtItemIds,
  });
  const schedule = call(ctx, 'milestones.setSchedule', {
    engagementId: engagement.id,
    milestones: template.milestones.map((m, i) => ({
      name: m.name[demo.language],
      share: { percent: m.percent },
      deliverable: m.deliverable[demo.language],
      acceptanceCriteria: m.acceptanceCriteria[demo.language],
      plannedDate: plan[i],
    })),
  });
  const first = schedule.milestones[0]!;
  const issueDate = addCalendarDays(now, -demo.issuedDaysAgo);
  call(ctx, 'milestones.markReady', { id: first.id });
  call(ctx, 'milestones.accept', {
    id: first.id,
    date: addCalendarDays(issueDate, -1),
    by: demo.acceptedBy,
    note: '',
  });
  const draft = call(ctx, 'invoices.createFromMilestone', { milestoneId: first.id });
  const invoice = call(ctx, 'invoices.issue', { id: draft.id, issueDate });
  if (demo.credit) {
    call(ctx, 'creditNotes.create', {
      invoiceId: invoice.id,
      reason: demo.credit.reason,
      issueDate: addCalendarDays(issueDate, 3),
      credit: { amountMinor: demo.credit.amountMinor },
    });
  }
  if (demo.paidShare > 0) {
    const [paid] = allocate(invoice.totalMinor, [demo.paidShare, 1 - demo.paidShare]);
    call(ctx, 'payments.record', {
      invoiceId: invoice.id,
      date: addCalendarDays(issueDate, 14),
      amountMinor: paid,
      method: 'bank_transfer',
      reference: `${invoice.number}`,
    });
  }
  return engagement.id;
}

/**
 * A consultant to print as the seller, so the demo's documents are complete. Only fills a
 * profile that was never saved: a real one is never touched.
 */
function loadDemoProfile(ctx: ServiceContext): void {
  if (loadProfile(ctx).updatedAt !== null) return;
  call(ctx, 'profile.update', {
    changes: {
      name: 'Alex Lindqvist',
      businessName: 'Lindqvist Technology Advisory',
      address: 'Keizersgracht 120\n1015 CW Amsterdam\nNetherlands',
      taxId: 'NL123456789B01',
      email: 'alex@lindqvist.example',
      phone: '+31 20 555 0142',
      bankDetails: 'IBAN NL91 ABNA 0417 1643 00 · BIC ABNANL2A',
      paymentInstructions: 'Please quote the invoice number with your payment.',
      documentFooter: 'Lindqvist Technology Advisory · KvK 12345678 · VAT NL123456789B01',
    },
  });
}

/**
 * The billing part of the demo workspace: for each demo client an engagement on the
 * 15/30/45/10 template addressing the given debt items, its first milestone accepted and
 * invoiced. The English client's invoice is partly paid and has a goodwill credit note; the
 * Chinese client's is overdue. An empty profile gets a demo consultant.
 */
export function loadBillingDemo(
  ctx: ServiceContext,
  clients: { en: string; zh: string },
  debtItemIds: { en: string[]; zh: string[] } = { en: [], zh: [] },
): { engagements: number; invoices: number; engagementIds: { en: string; zh: string } } {
  loadDemoProfile(ctx);
  const en = loadEngagement(ctx, {
    clientId: clients.en,
    language: 'en',
    title: 'Dispatch platform modernisation',
    scope: 'Architecture review, CI/CD, release automation and the Java 17 migration.',
    contractValueMinor: 12_000_000,
    taxRatePercent: '21',
    acceptedBy: 'Maren de Vries',
    issuedDaysAgo: 20,
    paidShare: 0.5,
    credit: { reason: 'Goodwill: review report delivered two days late', amountMinor: 60_500 },
    debtItemIds: debtItemIds.en,
  });
  const zh = loadEngagement(ctx, {
    clientId: clients.zh,
    language: 'zh-CN',
    title: '会员与订单系统架构升级',
    scope: '架构评审、订单服务拆分、性能优化与年度升级。',
    contractValueMinor: 80_000_000,
    taxRatePercent: '6',
    acceptedBy: '王经理',
    issuedDaysAgo: 45,
    paidShare: 0,
    credit: null,
    debtItemIds: debtItemIds.zh,
  });
  return { engagements: 2, invoices: 2, engagementIds: { en, zh } };
}
