import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ContractModel,
  DebtReportModel,
  ProposalModel,
  SlaReportModel,
} from '../../templates/model';
import { startTestServices, type TestServices } from '../../test/support/services';
import type { ServiceContext } from '../context';
import { OPEN_DEBT_STATUSES, buildDocument, liabilityCapMinor } from './models';
import { paybackOf } from './findings';
import { contextFor, documentsApi, loadDemo, testClock, type Demo } from './test-helpers';

let services: TestServices;
let api: ReturnType<typeof documentsApi>;
let ctx: ServiceContext;
let demo: Demo;
beforeEach(async () => {
  const clock = testClock();
  services = await startTestServices({ now: clock.now });
  api = documentsApi(services);
  ctx = contextFor(services, clock.now);
  demo = await loadDemo(services);
});
afterEach(() => services.dispose());

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('view models: invoices and credit notes', () => {
  it('an invoice model is invoices.get itself, in the client’s document language', async () => {
    const built = await buildDocument(ctx, { kind: 'invoice', id: demo.invoices.zh.id });
    expect(built.language).toBe('zh-CN');
    expect(built.doc.kind).toBe('invoice');
    if (built.doc.kind !== 'invoice') return;
    expect(built.doc.model.invoice).toEqual(demo.invoices.zh);
    expect(built.doc.model.ctx.seller).toEqual(demo.invoices.zh.seller);
    expect(built.fileName).toBe(`发票 ${demo.invoices.zh.number} 华东某零售集团.pdf`);
    const english = await buildDocument(ctx, {
      kind: 'invoice',
      id: demo.invoices.zh.id,
      language: 'en',
    });
    expect(english.language).toBe('en');
    expect(english.fileName).toBe(`Invoice ${demo.invoices.zh.number} – 华东某零售集团.pdf`);
  });

  it('a credit note model carries creditNotes.get and its invoice’s number, date and total', async () => {
    const built = await buildDocument(ctx, { kind: 'credit-note', id: demo.creditNote.id });
    if (built.doc.kind !== 'credit-note') throw new Error(built.doc.kind);
    expect(built.doc.model.creditNote).toEqual(demo.creditNote);
    expect(built.doc.model.invoice).toEqual({
      number: demo.invoices.en.number,
      issueDate: demo.invoices.en.issueDate,
      totalMinor: demo.invoices.en.totalMinor,
      currency: 'EUR',
    });
  });

  it('a draft is built with its draft status and a file name saying so', async () => {
    const draft = await api.call('invoices.createFromLines', {
      clientId: demo.clientIds.en,
      lines: [
        { description: 'Workshop', quantity: '1', unitPriceMinor: 50_000, taxRatePercent: '21' },
      ],
    });
    const built = await buildDocument(ctx, { kind: 'invoice', id: draft.id });
    if (built.doc.kind !== 'invoice') throw new Error(built.doc.kind);
    expect(built.doc.model.invoice.status).toBe('draft');
    expect(built.doc.model.invoice.number).toBeNull();
    expect(built.fileName).toBe('Invoice draft – Northwind Freight Logistics.pdf');
  });
});

describe('view models: proposal and contract', () => {
  it('proposal findings are exactly the engagement’s debt items, ranked by CD3', async () => {
    const engagement = demo.engagements.en;
    expect(engagement.debtItemIds.length).toBe(5);
    const built = await buildDocument(ctx, { kind: 'proposal', engagementId: engagement.id });
    const model = (built.doc as { model: ProposalModel }).model;
    expect(model.findings.map((f) => f.item.id).sort()).toEqual([...engagement.debtItemIds].sort());
    expect(model.findings.map((f) => f.rank)).toEqual([1, 2, 3, 4, 5]);
    const cd3 = model.findings.map((f) => f.item.evaluation.cd3 ?? Infinity);
    expect(cd3).toEqual([...cd3].sort((a, b) => b - a));
    for (const f of model.findings) {
      // The stored item is the one debt.get answers (the register's figures).
      expect(f.item).toEqual(await api.call('debt.get', { id: f.item.id }));
      expect(f.netBenefitP10Minor).toBeLessThan(f.netBenefitP90Minor);
    }
    const portfolio = model.portfolio!;
    expect(portfolio.currency).toBe('EUR');
    expect(portfolio.netBenefitMinor).toBeCloseTo(
      sum(model.findings.map((f) => f.item.evaluation.netBenefitMinor)),
      6,
    );
    expect(portfolio.fixCostMinor).toBe(
      sum(model.findings.map((f) => f.item.evaluation.fixCostMinor)),
    );
    expect(portfolio.fixDays).toBe(sum(model.findings.map((f) => f.item.fixDays.likely)));
    expect(portfolio.netBenefitP10Minor).toBeCloseTo(
      sum(model.findings.map((f) => f.netBenefitP10Minor)),
      6,
    );
    const settings = await api.call('debt.settings.get', { clientId: demo.clientIds.en });
    expect(portfolio.cumulative).toHaveLength(settings.horizonQuarters + 1);
    expect(portfolio.cumulative[0]!.fixLikely).toBeCloseTo(portfolio.fixCostMinor, 6);
    const last = portfolio.cumulative.at(-1)!;
    // Carrying minus fixing at the horizon is the net benefit.
    expect(last.carryLikely - last.fixLikely).toBeCloseTo(portfolio.netBenefitMinor, 4);
    expect(last.carryP10).toBeLessThanOrEqual(last.carryLikely);
    expect(last.carryP90).toBeGreaterThanOrEqual(last.carryLikely);
    expect(model.schedule).toEqual(
      await api.call('milestones.get', { engagementId: engagement.id }),
    );
    expect(model.slaClauses).toEqual(
      await api.call('sla.clauses.list', { engagementId: engagement.id }),
    );
    expect(model.issueDate).toBe('2026-11-21');
    expect(model.validUntil).toBe('2026-12-21');
    expect(built.fileName).toBe(
      'Proposal Dispatch platform modernisation – Northwind Freight Logistics.pdf',
    );
  });

  it('without linked items the proposal shows the client’s saved budget selection', async () => {
    const engagement = await api.call('engagements.create', {
      clientId: demo.clientIds.en,
      title: 'Follow-up',
      contractValueMinor: 1_000_000,
    });
    const none = await buildDocument(ctx, { kind: 'proposal', engagementId: engagement.id });
    expect((none.doc as { model: ProposalModel }).model.findings).toEqual([]);
    expect((none.doc as { model: ProposalModel }).model.portfolio).toBeNull();
    const items = (await api.call('debt.list', { clientId: demo.clientIds.en, limit: 3 })).items;
    await api.call('debt.selection.save', {
      clientId: demo.clientIds.en,
      itemIds: items.map((i) => i.id),
      budget: null,
    });
    await api.call('documents.terms.update', {
      engagementId: engagement.id,
      proposalValidUntil: '2027-01-15',
    });
    const built = await buildDocument(ctx, { kind: 'proposal', engagementId: engagement.id });
    const model = (built.doc as { model: ProposalModel }).model;
    expect(model.findings.map((f) => f.item.id).sort()).toEqual(items.map((i) => i.id).sort());
    expect(model.validUntil).toBe('2027-01-15');
  });

  it('the contract’s liability cap is the percent of the contract value, exact, half-up', async () => {
    expect(liabilityCapMinor(101, '50')).toBe(51);
    expect(liabilityCapMinor(12_345_679, '33.3')).toBe(4_111_111);
    expect(liabilityCapMinor(9_007_199_254_740, '100')).toBe(9_007_199_254_740);
    // Caps above the fees are common (150 %, 200 %).
    expect(liabilityCapMinor(120_000_00, '150')).toBe(180_000_00);
    const engagement = demo.engagements.zh;
    const standard = await buildDocument(ctx, { kind: 'contract', engagementId: engagement.id });
    expect((standard.doc as { model: ContractModel }).model.liabilityCapMinor).toBe(80_000_000);
    await api.call('documents.terms.update', {
      engagementId: engagement.id,
      liabilityCapPercent: '12.5',
      governingLaw: '中华人民共和国法律，上海',
    });
    const built = await buildDocument(ctx, { kind: 'contract', engagementId: engagement.id });
    const model = (built.doc as { model: ContractModel }).model;
    expect(model.liabilityCapMinor).toBe(10_000_000);
    expect(model.terms.governingLaw).toBe('中华人民共和国法律，上海');
    expect(model.engagement).toEqual(await api.call('engagements.get', { id: engagement.id }));
    expect(built.language).toBe('zh-CN');
    expect(built.fileName).toBe('合同 会员与订单系统架构升级 华东某零售集团.pdf');
  });
});

describe('view models: tech-debt report', () => {
  it('ranks every open item of the client, with the register’s totals, matrix and selection', async () => {
    const clientId = demo.clientIds.zh;
    const selection = (await api.call('debt.list', { clientId, limit: 2 })).items.map((i) => i.id);
    await api.call('debt.selection.save', { clientId, itemIds: selection, budget: null });
    const built = await buildDocument(ctx, { kind: 'report', clientId });
    const model = (built.doc as { model: DebtReportModel }).model;
    const open = await api.call('debt.list', {
      clientId,
      statuses: [...OPEN_DEBT_STATUSES],
      limit: 500,
    });
    const all = await api.call('debt.list', { clientId, limit: 500 });
    expect(open.total).toBeLessThan(all.total); // the demo has fixed and won't-fix items
    expect(model.findings.map((f) => f.item.id).sort()).toEqual(open.items.map((i) => i.id).sort());
    expect(model.findings.map((f) => f.rank)).toEqual(open.items.map((_, i) => i + 1));
    // The register's default order (CD3 first) is the report's order.
    expect(model.findings.map((f) => f.item.id)).toEqual(open.items.map((i) => i.id));
    expect(model.totals).toEqual(open.totals);
    expect(model.matrix.map((p) => p.id)).toEqual(model.findings.map((f) => f.item.id));
    expect(model.selectedIds).toEqual(selection);
    expect(model.settings).toEqual(await api.call('debt.settings.get', { clientId }));
    expect(model.portfolio!.currency).toBe('CNY');
    expect(model.portfolio!.fixCostMinor).toBe(open.totals[0]!.fixCostMinor);
    expect(built.fileName).toBe('技术债报告 华东某零售集团 2026-11-21.pdf');
  });
});

describe('view models: SLA report', () => {
  it('covers the engagement’s own clauses, as sla.report rows, with the period’s incidents', async () => {
    const engagement = demo.engagements.en;
    const built = await buildDocument(ctx, {
      kind: 'sla-report',
      engagementId: engagement.id,
      month: '2026-10',
    });
    const model = (built.doc as { model: SlaReportModel }).model;
    const report = await api.call('sla.report', { month: '2026-10' });
    const own = report.rows.filter((r) => r.engagementId === engagement.id);
    expect(own).toHaveLength(3);
    expect([...model.rows].sort((a, b) => a.label.localeCompare(b.label))).toEqual(
      [...own].sort((a, b) => a.label.localeCompare(b.label)),
    );
    expect(model.rows.map((r) => r.engagementId)).toEqual([
      engagement.id,
      engagement.id,
      engagement.id,
    ]);
    const availability = model.incidents.find((i) => i.clause.metric === 'availability')!;
    // 12 October: the 38-minute outage; the other incidents fall in other months.
    expect(availability.incidents.map((i) => i.cause)).toEqual(['Message queue disk full']);
    expect(availability.clause).toEqual(
      (await api.call('sla.clauses.list', { engagementId: engagement.id }))[0],
    );
    const credit = sum(own.map((r) => r.creditMinor));
    expect(credit).toBeGreaterThan(0);
    expect(model.totals).toEqual([{ currency: 'EUR', creditMinor: credit }]);
    expect(model.from).toBe('2026-10-01');
    expect(model.to).toBe('2026-10-31');
    expect(built.fileName).toBe(
      'SLA report 2026-10 – Dispatch platform modernisation – Northwind Freight Logistics.pdf',
    );
  });
});

describe('documents.render refuses what does not exist', () => {
  it.each([
    [{ kind: 'invoice', id: '0196f3a0-0000-7000-8000-00000000abcd' }, 'INVOICE_NOT_FOUND'],
    [{ kind: 'credit-note', id: '0196f3a0-0000-7000-8000-00000000abcd' }, 'CREDITNOTE_NOT_FOUND'],
    [
      { kind: 'proposal', engagementId: '0196f3a0-0000-7000-8000-00000000abcd' },
      'ENGAGEMENT_NOT_FOUND',
    ],
    [{ kind: 'report', clientId: '0196f3a0-0000-7000-8000-00000000abcd' }, 'CLIENT_NOT_FOUND'],
    [
      {
        kind: 'sla-report',
        engagementId: '0196f3a0-0000-7000-8000-00000000abcd',
        month: '2026-10',
      },
      'ENGAGEMENT_NOT_FOUND',
    ],
  ])('%j', async (input, reason) => {
    const error = await api.refuse('documents.render', input);
    expect(error).toMatchObject({ code: 'NOT_FOUND', reason });
  });
});

describe('documents.render refuses a report with nothing to report on', () => {
  it('an engagement without SLA clauses, a client without debt items', async () => {
    const engagement = await api.call('engagements.create', {
      clientId: demo.clientIds.en,
      title: 'No SLA here',
    });
    expect(
      await api.refuse('documents.render', {
        kind: 'sla-report',
        engagementId: engagement.id,
        month: '2026-10',
      }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'NO_SLA_CLAUSES' });
    const client = await api.call('clients.create', {
      displayName: 'Fresh',
      defaultCurrency: 'EUR',
    });
    expect(
      await api.refuse('documents.render', { kind: 'report', clientId: client.id }),
    ).toMatchObject({ code: 'CONFLICT', reason: 'NO_DEBT_ITEMS', details: { name: 'Fresh' } });
  });
});

describe('portfolio payback', () => {
  const point = (quarter: number, carry: number, fix: number) => ({
    quarter,
    carryLikely: carry,
    carryP10: carry,
    carryP90: carry,
    fixLikely: fix,
    fixP10: fix,
    fixP90: fix,
  });
  it('interpolates inside the quarter where carrying overtakes fixing', () => {
    expect(paybackOf([point(0, 0, 100), point(1, 60, 110), point(2, 130, 120)])).toBeCloseTo(
      1 + 50 / 60,
      12,
    );
    expect(paybackOf([point(0, 0, 0), point(1, 10, 5)])).toBe(0);
    expect(paybackOf([point(0, 0, 100), point(1, 10, 105)])).toBeNull();
  });
});

describe('the demo workspace', () => {
  it('gives every kind of document something to show', async () => {
    for (const engagement of [demo.engagements.en, demo.engagements.zh]) {
      expect(engagement.debtItemIds).toHaveLength(5);
      const items = await Promise.all(
        engagement.debtItemIds.map((id) => api.call('debt.get', { id })),
      );
      expect(items.every((i) => i.clientId === engagement.clientId)).toBe(true);
      expect(items.every((i) => i.status === 'proposed' || i.status === 'accepted')).toBe(true);
      const clauses = await api.call('sla.clauses.list', { engagementId: engagement.id });
      expect(clauses[0]!.incidentCount).toBeGreaterThan(0);
    }
    const report = await api.call('sla.report', { month: '2026-10' });
    expect(report.totals.every((t) => t.creditMinor > 0)).toBe(true);
    expect(demo.invoices.en.paidMinor).toBeGreaterThan(0);
    expect(demo.invoices.en.creditNotes).toHaveLength(1);
    expect(demo.invoices.zh.displayStatus).toBe('overdue');
  });
});
