/**
 * Realistic view models for the templates' tests and the PDF benchmark: an EUR consultant
 * with a German client, a CNY consultant with 华东零售有限公司, USD SLA credits. Amounts are
 * consistent (line amounts sum to the totals) so the PDFs read like real documents.
 */
import type {
  Client,
  CreditNote,
  DebtItem,
  DebtModelSettings,
  Engagement,
  EngagementTerms,
  Invoice,
  InvoiceLine,
  Locale,
  MilestoneSchedule,
  PartySnapshot,
  SellerSnapshot,
  SlaClause,
  SlaIncident,
  SlaReportRow,
} from '../core/api';
import { CLAUSE_KEYS, standardClause } from '../core/documents/clauses';
import { clauseWordings } from '../core/sla';
import type {
  ContractModel,
  CreditNoteModel,
  DebtReportModel,
  DocumentContext,
  Finding,
  InvoiceModel,
  MatrixPointModel,
  PortfolioFigures,
  ProposalModel,
  QuarterPoint,
  SlaReportModel,
} from './model';

export const LOGO_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAHgAAAAkCAYAAABCKP5eAAAA1ElEQVR42u3bwQ3CMAwF0G7SMxMwFlfObMCcDBHUAUBp0yRO+iz9BfLUg2t7SSktMm88AuC8rI9P8qCTAG+YufHIAwHvgQU9EHAJLOjgwGfiQg4GXAMXchDgmriQOwO3wIU8GPBWLYDX2z1Jfkp73J9VCxlaA+A9BTgQ8Nm4NZChAZajwCUFGLC2pnabBHhi4Jq4kH3BcAHLJYCfr3eaOV2BI/TBgAED/jdNiv4vGnAD4J7TJMCTz4PFRofYyQJsq9JeNFyXDXDdJonrQnEfLC78L5ovI/jUlo7hO3QAAAAASUVORK5CYII=';

const TS = '2026-11-21T09:00:00.000Z';
let idCounter = 0;
/** Deterministic UUIDv7-shaped ids. */
export function fixtureId(): string {
  idCounter += 1;
  return `0193a1b2-0000-7000-8000-${idCounter.toString(16).padStart(12, '0')}`;
}

export const sellerEn: SellerSnapshot = {
  name: 'Lena Hoffmann Consulting',
  legalName: 'Lena Hoffmann Technology Consulting GmbH',
  address: 'Leopoldstraße 112\n80802 München\nGermany',
  taxId: 'DE318445672',
  email: 'lena@hoffmann-consulting.de',
  phone: '+49 89 2154 8870',
  bankDetails: 'Stadtsparkasse München\nIBAN DE44 7015 0000 1002 3456 78\nBIC SSKMDEMMXXX',
  logo: { mimeType: 'image/png', base64: LOGO_PNG_BASE64 },
};

export const sellerZh: SellerSnapshot = {
  name: '明远技术咨询',
  legalName: '上海明远信息技术咨询有限公司',
  address: '上海市浦东新区张江路 665 号 3 号楼 1208 室',
  taxId: '91310115MA1K4Q8X2R',
  email: 'li.ming@mingyuan-consulting.cn',
  phone: '+86 21 5080 3366',
  bankDetails: '开户行：招商银行上海张江支行\n账号：1219 0876 5432 101',
  logo: { mimeType: 'image/png', base64: LOGO_PNG_BASE64 },
};

export function context(language: Locale, seller: SellerSnapshot): DocumentContext {
  return {
    language,
    branding: {
      accentColor: '#1F6FEB',
      footerText:
        language === 'en'
          ? 'Lena Hoffmann Technology Consulting GmbH · Amtsgericht München HRB 261843 · VAT DE318445672'
          : '上海明远信息技术咨询有限公司 · 统一社会信用代码 91310115MA1K4Q8X2R',
      logo: seller.logo,
    },
    seller,
    generatedOn: '2026-11-21',
  };
}

export const clientEn: Client = {
  id: fixtureId(),
  displayName: 'Acme Logistics',
  legalName: 'Acme Logistics GmbH',
  contactPerson: 'Jonas Weber',
  email: 'ap@acme-logistics.de',
  phone: '+49 40 3020 1100',
  address: 'Am Sandtorkai 41\n20457 Hamburg\nGermany',
  taxId: 'DE276540981',
  defaultCurrency: 'EUR',
  defaultDayRateMinor: 120_000,
  paymentTermsDays: 30,
  documentLanguage: 'en',
  notes: '',
  archived: false,
  createdAt: TS,
  updatedAt: TS,
};

export const clientZh: Client = {
  id: fixtureId(),
  displayName: '华东零售有限公司',
  legalName: '华东零售（集团）有限公司',
  contactPerson: '王芳',
  email: 'caiwu@huadong-retail.cn',
  phone: '+86 21 6288 1234',
  address: '江苏省南京市鼓楼区中山北路 88 号',
  taxId: '91320100MA1N7B3C5D',
  defaultCurrency: 'CNY',
  defaultDayRateMinor: 800_000,
  paymentTermsDays: 30,
  documentLanguage: 'zh-CN',
  notes: '',
  archived: false,
  createdAt: TS,
  updatedAt: TS,
};

function buyerOf(c: Client): PartySnapshot {
  return {
    name: c.displayName,
    legalName: c.legalName,
    address: c.address,
    taxId: c.taxId,
    email: c.email,
    phone: c.phone,
  };
}

interface LineSpec {
  description: string;
  quantity: string;
  unit: string;
  unitPriceMinor: number;
  discount?: { percent: string } | { amountMinor: number };
  taxRatePercent: string;
}

/** Tax-exclusive line figures, rounded half up per line (as core/billing does for these). */
export function line(position: number, s: LineSpec): InvoiceLine {
  const gross = Math.round(Number(s.quantity) * s.unitPriceMinor);
  const discountMinor = !s.discount
    ? 0
    : 'percent' in s.discount
      ? Math.round((gross * Number(s.discount.percent)) / 100)
      : s.discount.amountMinor;
  const net = gross - discountMinor;
  const tax = Math.round((net * Number(s.taxRatePercent)) / 100);
  return {
    position,
    description: s.description,
    quantity: s.quantity,
    unit: s.unit,
    unitPriceMinor: s.unitPriceMinor,
    discount: s.discount ?? null,
    taxRatePercent: s.taxRatePercent,
    discountMinor,
    amountMinor: net,
    netMinor: net,
    taxMinor: tax,
    grossMinor: net + tax,
  };
}

function taxSummary(lines: InvoiceLine[]): Invoice['taxSummary'] {
  const byRate = new Map<string, { netMinor: number; taxMinor: number; grossMinor: number }>();
  for (const l of lines) {
    const s = byRate.get(l.taxRatePercent) ?? { netMinor: 0, taxMinor: 0, grossMinor: 0 };
    s.netMinor += l.netMinor;
    s.taxMinor += l.taxMinor;
    s.grossMinor += l.grossMinor;
    byRate.set(l.taxRatePercent, s);
  }
  return [...byRate].map(([taxRatePercent, s]) => ({ taxRatePercent, ...s }));
}

interface InvoiceSpec {
  language: Locale;
  client: Client;
  seller: SellerSnapshot;
  currency: string;
  number: string | null;
  status: Invoice['status'];
  lines: LineSpec[];
  depositMinor?: number;
  payments?: Array<{ date: string; amountMinor: number; reference: string }>;
  credits?: Array<{ number: string; date: string; reason: string; totalMinor: number }>;
  notes?: string;
  paymentInstructions?: string;
  engagementTitle?: string | null;
  voidReason?: string | null;
  unacceptedReason?: string | null;
}

export function buildInvoice(spec: InvoiceSpec): Invoice {
  const lines = spec.lines.map((s, i) => line(i, s));
  const subtotal = lines.reduce((a, l) => a + l.netMinor, 0);
  const tax = lines.reduce((a, l) => a + l.taxMinor, 0);
  const total = subtotal + tax;
  const deposit = spec.depositMinor ?? 0;
  const credited = (spec.credits ?? []).reduce((a, c) => a + c.totalMinor, 0);
  const paid = (spec.payments ?? []).reduce((a, p) => a + p.amountMinor, 0);
  const id = fixtureId();
  const engagementId = spec.engagementTitle ? fixtureId() : null;
  return {
    id,
    number: spec.number,
    kind: spec.engagementTitle ? 'milestone' : 'manual',
    status: spec.status,
    displayStatus: spec.status,
    clientId: spec.client.id,
    clientName: spec.client.displayName,
    engagementId,
    engagementTitle: spec.engagementTitle ?? null,
    milestoneId: spec.engagementTitle ? fixtureId() : null,
    currency: spec.currency,
    issueDate: spec.status === 'draft' ? null : '2026-11-02',
    dueDate: spec.status === 'draft' ? null : '2026-12-02',
    subtotalMinor: subtotal,
    taxMinor: tax,
    totalMinor: total,
    depositMinor: deposit,
    amountDueMinor: total - deposit,
    creditedMinor: credited,
    paidMinor: paid,
    balanceMinor: total - deposit - credited - paid,
    daysOverdue: 0,
    createdAt: TS,
    updatedAt: TS,
    taxMode: 'exclusive',
    supplyDate: '2026-10-31',
    paymentTermsDays: 30,
    lines,
    taxSummary: taxSummary(lines),
    seller: spec.seller,
    buyer: buyerOf(spec.client),
    notes: spec.notes ?? '',
    paymentInstructions: spec.paymentInstructions ?? '',
    unacceptedReason: spec.unacceptedReason ?? null,
    voidReason: spec.voidReason ?? null,
    previouslyInvoicedMinor: engagementId ? 1_800_000 : 0,
    lateInterestMinor: 0,
    payments: (spec.payments ?? []).map((p) => ({
      id: fixtureId(),
      invoiceId: id,
      date: p.date,
      amountMinor: p.amountMinor,
      currency: spec.currency,
      method: 'bank_transfer',
      reference: p.reference,
      note: '',
      createdAt: TS,
    })),
    creditNotes: (spec.credits ?? []).map((c) => ({
      id: fixtureId(),
      number: c.number,
      invoiceId: id,
      invoiceNumber: spec.number ?? '',
      clientId: spec.client.id,
      clientName: spec.client.displayName,
      engagementId,
      currency: spec.currency,
      issueDate: c.date,
      reason: c.reason,
      source: 'manual',
      sourceRef: null,
      subtotalMinor: c.totalMinor,
      taxMinor: 0,
      totalMinor: c.totalMinor,
      createdAt: TS,
    })),
    creditableMinor: total - credited,
    issuedAt: spec.status === 'draft' ? null : TS,
  };
}

export function invoiceModel(language: Locale, overrides: Partial<InvoiceSpec> = {}): InvoiceModel {
  const zh = language === 'zh-CN';
  const spec: InvoiceSpec = zh
    ? {
        language,
        client: clientZh,
        seller: sellerZh,
        currency: 'CNY',
        number: 'MY-2026-0117',
        status: 'partly_paid',
        engagementTitle: '门店系统架构评审与技术债务治理',
        lines: [
          {
            description: '架构评审：订单与库存系统（第二阶段）',
            quantity: '6',
            unit: '天',
            unitPriceMinor: 800_000,
            taxRatePercent: '6',
          },
          {
            description: '技术债务清单整理与投资回报分析报告',
            quantity: '2.5',
            unit: '天',
            unitPriceMinor: 800_000,
            discount: { percent: '10' },
            taxRatePercent: '6',
          },
          {
            description: '现场研讨会（南京）差旅费用',
            quantity: '1',
            unit: '项',
            unitPriceMinor: 356_050,
            taxRatePercent: '0',
          },
        ],
        depositMinor: 1_000_000,
        payments: [{ date: '2026-11-10', amountMinor: 2_000_000, reference: '招行回单 88120415' }],
        notes: '请在付款备注中注明发票编号。如有疑问，请联系李明。',
        paymentInstructions: '请于付款截止日前转账至下列账户。',
      }
    : {
        language,
        client: clientEn,
        seller: sellerEn,
        currency: 'EUR',
        number: 'INV-2026-0042',
        status: 'partly_paid',
        engagementTitle: 'Warehouse platform modernisation',
        lines: [
          {
            description: 'Architecture review of the warehouse management system (phase 2)',
            quantity: '8',
            unit: 'day',
            unitPriceMinor: 120_000,
            taxRatePercent: '19',
          },
          {
            description: 'Technical debt register and ROI analysis',
            quantity: '3.5',
            unit: 'day',
            unitPriceMinor: 120_000,
            discount: { percent: '10' },
            taxRatePercent: '19',
          },
          {
            description: 'Workshop materials (printed)',
            quantity: '12',
            unit: 'pcs',
            unitPriceMinor: 1_895,
            discount: { amountMinor: 2_740 },
            taxRatePercent: '7',
          },
        ],
        depositMinor: 300_000,
        payments: [{ date: '2026-11-12', amountMinor: 500_000, reference: 'SEPA 2026111200451' }],
        credits: [
          {
            number: 'CN-2026-0007',
            date: '2026-11-15',
            reason: 'Workshop day cancelled by the consultant',
            totalMinor: 47_600,
          },
        ],
        notes: 'Thank you for the productive collaboration.',
        paymentInstructions: 'Please quote the invoice number with your payment.',
      };
  return {
    ctx: context(language, spec.seller),
    invoice: buildInvoice({ ...spec, ...overrides }),
    milestoneName: zh ? '第二阶段：架构评审报告' : 'Phase 2: architecture review report',
  };
}

export function creditNoteModel(language: Locale): CreditNoteModel {
  const zh = language === 'zh-CN';
  const inv = invoiceModel(language).invoice;
  const lines = [
    line(
      0,
      zh
        ? {
            description: '服务抵扣：2026 年 10 月可用性未达标',
            quantity: '1',
            unit: '项',
            unitPriceMinor: 450_000,
            taxRatePercent: '6',
          }
        : {
            description: 'Workshop day cancelled (credit)',
            quantity: '1',
            unit: 'day',
            unitPriceMinor: 40_000,
            taxRatePercent: '19',
          },
    ),
  ];
  const subtotal = lines[0]!.netMinor;
  const tax = lines[0]!.taxMinor;
  const cn: CreditNote = {
    id: fixtureId(),
    number: zh ? 'MY-CN-2026-0003' : 'CN-2026-0007',
    invoiceId: inv.id,
    invoiceNumber: inv.number!,
    clientId: inv.clientId,
    clientName: inv.clientName,
    engagementId: inv.engagementId,
    currency: inv.currency,
    issueDate: '2026-11-15',
    reason: zh
      ? '2026 年 10 月核心接口可用性为 99.52%，低于约定的 99.9%，按服务水平协议给予抵扣。'
      : 'Workshop day on 4 November cancelled by the consultant.',
    source: zh ? 'sla' : 'manual',
    sourceRef: zh ? 'SLA 核心接口可用性 2026-10' : null,
    subtotalMinor: subtotal,
    taxMinor: tax,
    totalMinor: subtotal + tax,
    createdAt: TS,
    taxMode: 'exclusive',
    lines,
    seller: inv.seller,
    buyer: inv.buyer,
  };
  return {
    ctx: context(language, inv.seller),
    creditNote: cn,
    invoice: {
      number: inv.number,
      issueDate: inv.issueDate,
      totalMinor: inv.totalMinor,
      currency: inv.currency,
    },
  };
}

// ---------------------------------------------------------------------------------------
// Engagement, schedule, terms, SLA clauses

export function engagementOf(language: Locale): Engagement {
  const zh = language === 'zh-CN';
  const client = zh ? clientZh : clientEn;
  return {
    id: fixtureId(),
    clientId: client.id,
    clientName: client.displayName,
    title: zh ? '门店系统架构评审与技术债务治理' : 'Warehouse platform modernisation',
    type: 'fixed_price',
    stage: 'proposal_sent',
    currency: zh ? 'CNY' : 'EUR',
    contractValueMinor: zh ? 48_000_000 : 8_640_000,
    invoicedMinor: 0,
    paidMinor: 0,
    outstandingMinor: 0,
    remainingMinor: zh ? 48_000_000 : 8_640_000,
    startDate: '2027-01-11',
    endDate: '2027-06-30',
    scope: zh
      ? '评审订单、库存与会员三个核心系统的架构，识别技术债务并量化其持有成本。\n\n在评审基础上制定为期两个季度的修复路线图，并协助团队完成前三项高优先级修复。'
      : 'Review the architecture of the warehouse management, routing and billing systems; identify technical debt and quantify its cost of carrying.\n\nAgree a two-quarter remediation roadmap and support the team through the first three high-priority fixes.',
    deliverables: zh
      ? '1. 架构评审报告\n2. 技术债务清单与投资回报分析\n3. 修复路线图\n4. 前三项修复的代码评审记录'
      : '1. Architecture review report\n2. Technical debt register with ROI analysis\n3. Remediation roadmap\n4. Code review notes for the first three fixes',
    taxRatePercent: zh ? '6' : '19',
    paymentTermsDays: 30,
    debtItemIds: [],
    notes: '',
    milestoneCount: 4,
    invoiceCount: 0,
    createdAt: TS,
    updatedAt: TS,
  };
}

export function scheduleOf(e: Engagement, language: Locale): MilestoneSchedule {
  const zh = language === 'zh-CN';
  const parts = [
    ['15', zh ? '启动与现状调研' : 'Kick-off and discovery', zh ? '调研纪要' : 'Discovery notes'],
    ['30', zh ? '架构评审报告' : 'Architecture review report', zh ? '评审报告' : 'Review report'],
    [
      '45',
      zh ? '修复路线图与前三项修复' : 'Roadmap and first three fixes',
      zh ? '路线图' : 'Roadmap',
    ],
    ['10', zh ? '项目验收' : 'Final acceptance', zh ? '验收记录' : 'Acceptance record'],
  ] as const;
  let allocated = 0;
  const milestones = parts.map(([percent, name, deliverable], i) => {
    const amount =
      i === parts.length - 1
        ? e.contractValueMinor - allocated
        : Math.round((e.contractValueMinor * Number(percent)) / 100);
    allocated += amount;
    return {
      id: fixtureId(),
      engagementId: e.id,
      position: i,
      name,
      percent,
      amountMinor: amount,
      deliverable,
      acceptanceCriteria: zh
        ? '交付成果经客户项目负责人书面确认。'
        : 'Deliverable reviewed and confirmed in writing by the client’s project lead.',
      plannedDate: ['2027-01-29', '2027-03-12', '2027-05-28', '2027-06-30'][i]!,
      status: 'planned' as const,
      readyAt: null,
      acceptance: null,
      invoiceId: null,
      invoiceNumber: null,
    };
  });
  return {
    engagementId: e.id,
    currency: e.currency,
    contractValueMinor: e.contractValueMinor,
    basis: 'percent',
    milestones,
  };
}

export function termsOf(e: Engagement): EngagementTerms {
  return {
    engagementId: e.id,
    executiveSummary: '',
    proposalValidUntil: '2026-12-21',
    liabilityCapPercent: '100',
    governingLaw:
      e.currency === 'CNY' ? '中华人民共和国法律，上海市浦东新区人民法院' : 'Germany, Munich',
    clauses: CLAUSE_KEYS.flatMap((key) =>
      (['en', 'zh-CN'] as const).map((language) => ({
        ...standardClause(key, language),
        standard: true,
      })),
    ),
    updatedAt: null,
  };
}

export function slaClausesOf(e: Engagement): SlaClause[] {
  const base = {
    engagementId: e.id,
    engagementTitle: e.title,
    clientId: e.clientId,
    clientName: e.clientName,
    currency: e.currency,
    subject: { en: 'the order API', 'zh-CN': '订单接口' },
    customName: { en: '', 'zh-CN': '' },
    percentileMethod: 'nearest-rank' as const,
    supportPriority: null,
    wordingOverride: { en: null, 'zh-CN': null },
    incidentCount: 2,
    measurementCount: 30,
    createdAt: TS,
    updatedAt: TS,
  };
  const fee = e.currency === 'CNY' ? 3_000_000 : 450_000;
  const availability = {
    ...base,
    id: fixtureId(),
    label: e.currency === 'CNY' ? '核心接口可用性' : 'Order API availability',
    metric: 'availability' as const,
    target: '99.9',
    unit: 'percent' as const,
    direction: 'at-least' as const,
    window: { kind: 'calendar-month' as const },
    timeZone: e.currency === 'CNY' ? 'Asia/Shanghai' : 'Europe/Berlin',
    serviceHours: { kind: '24x7' as const },
    percentile: 99,
    exclusions: { maintenance: true, clientCaused: true, forceMajeure: true },
    creditTiers: [
      { below: '99.9', creditPercent: 5 },
      { below: '99.5', creditPercent: 10 },
      { below: '99', creditPercent: 25 },
    ],
    perIncidentCapMinor: null,
    perPeriodCapPercent: '30',
    monthlyFeeMinor: fee,
    claimWindowDays: 30,
  };
  const latency = {
    ...base,
    id: fixtureId(),
    label: e.currency === 'CNY' ? '报表接口响应时间' : 'Report API response time',
    subject: { en: 'GET /reports', 'zh-CN': 'GET /reports' },
    metric: 'latency-percentile' as const,
    target: '800',
    unit: 'ms' as const,
    direction: 'at-most' as const,
    window: { kind: 'calendar-month' as const },
    timeZone: 'Asia/Shanghai',
    serviceHours: {
      kind: 'weekly' as const,
      timeZone: 'Asia/Shanghai',
      windows: [
        { days: [1, 2, 3, 4, 5] as Array<1 | 2 | 3 | 4 | 5 | 6 | 7>, from: '09:00', to: '18:00' },
      ],
    },
    percentile: 99,
    exclusions: { maintenance: true, clientCaused: false, forceMajeure: true },
    creditTiers: [
      { above: '800', creditPercent: 3 },
      { above: '1500', creditPercent: 8 },
    ],
    perIncidentCapMinor: e.currency === 'CNY' ? 500_000 : 75_000,
    perPeriodCapPercent: null,
    monthlyFeeMinor: fee,
    claimWindowDays: 45,
  };
  return [availability, latency].map((c) => {
    const generated = clauseWordings(c, { currency: e.currency });
    return { ...c, generatedWording: generated, wording: generated };
  });
}

export function proposalModel(language: Locale): ProposalModel {
  const zh = language === 'zh-CN';
  const engagement = engagementOf(language);
  const client = zh ? clientZh : clientEn;
  const findings = findingsOf(client, 6, zh);
  return {
    ctx: context(language, zh ? sellerZh : sellerEn),
    client,
    engagement,
    schedule: scheduleOf(engagement, language),
    findings,
    portfolio: portfolioOf(findings, engagement.currency),
    slaClauses: slaClausesOf(engagement),
    terms: termsOf(engagement),
    issueDate: '2026-11-21',
    validUntil: '2026-12-21',
  };
}

export function contractModel(language: Locale): ContractModel {
  const p = proposalModel(language);
  return {
    ctx: p.ctx,
    client: p.client,
    engagement: p.engagement,
    schedule: p.schedule,
    slaClauses: p.slaClauses,
    terms: p.terms,
    liabilityCapMinor: p.engagement.contractValueMinor,
    issueDate: '2026-11-21',
  };
}

// ---------------------------------------------------------------------------------------
// Tech debt

const TITLES_EN = [
  'Monolithic order service blocks independent releases',
  'Manual database failover',
  'No automated regression tests for pricing rules',
  'Outdated TLS library in the customer portal',
  'Nightly batch import without retries',
  'Duplicated customer master data in three systems',
  'Hand-built deployment scripts',
  'Unindexed reporting queries on the live database',
];
const TITLES_ZH = [
  '订单服务单体架构阻碍独立发布',
  '数据库故障切换依赖人工操作',
  '价格规则缺少自动化回归测试',
  '会员门户使用过时的 TLS 库',
  '夜间批量导入缺少重试机制',
  '客户主数据在三个系统中重复维护',
  '部署脚本为手工编写',
  '报表查询直接访问生产库且无索引',
];
const IMPACTS = ['critical', 'high', 'medium', 'low'] as const;
const CATEGORIES = ['architecture', 'infrastructure', 'testing', 'security', 'data'] as const;

/** A deterministic linear congruential generator: the same fixtures on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function findingsOf(client: Client, count: number, zh: boolean): Finding[] {
  const rand = lcg(count * 7 + (zh ? 1 : 0));
  const titles = zh ? TITLES_ZH : TITLES_EN;
  const scale = client.defaultCurrency === 'CNY' ? 14 : 1;
  const items: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const likely = Math.round((600 + rand() * 9_000) * 100 * scale) / 100;
    const fixDays = Math.round((4 + rand() * 60) * 2) / 2;
    const dayRate = client.defaultDayRateMinor;
    const fixCost = fixDays * dayRate;
    const pv = likely * 100 * (8 + rand() * 8) * 0.9;
    const net = pv - fixCost;
    const item: DebtItem = {
      id: fixtureId(),
      clientId: client.id,
      clientName: client.displayName,
      currency: client.defaultCurrency,
      title: `${titles[i % titles.length]}${count > titles.length ? ` #${i + 1}` : ''}`,
      description: '',
      category: CATEGORIES[i % CATEGORIES.length]!,
      impact: IMPACTS[Math.floor(rand() * 4)]!,
      affectedSystem: zh
        ? ['订单系统', '库存系统', '会员系统'][i % 3]!
        : ['WMS', 'Routing', 'Billing'][i % 3]!,
      status: 'identified',
      quarterlyCostMinor: {
        low: Math.round(likely * 70),
        likely: Math.round(likely * 100),
        high: Math.round(likely * 150),
      },
      costEstimate: null,
      growthPerQuarter: 0.03,
      fixDays: { low: fixDays * 0.8, likely: fixDays, high: fixDays * 1.6 },
      dayRateMinor: dayRate,
      residualFraction: 0.1,
      lagQuarters: 1,
      tags: [],
      evidence: '',
      evaluation: {
        fixCostMinor: fixCost,
        pvCarryMinor: pv,
        netBenefitMinor: net,
        roi: fixCost > 0 ? net / fixCost : null,
        paybackQuarters: net > 0 ? Math.round((fixCost / (likely * 100)) * 10) / 10 : null,
        costOfDelayPerQuarterMinor: likely * 100,
        cd3: (likely * 100) / fixDays,
      },
      createdAt: TS,
      updatedAt: TS,
    };
    items.push({
      item,
      netBenefitP10Minor: net - pv * 0.35,
      netBenefitP90Minor: net + pv * 0.45,
      rank: 0,
    });
  }
  items.sort((a, b) => (b.item.evaluation.cd3 ?? 0) - (a.item.evaluation.cd3 ?? 0));
  items.forEach((f, i) => (f.rank = i + 1));
  return items;
}

export function cumulativeOf(findings: Finding[], quarters = 20): QuarterPoint[] {
  const perQuarter = findings.reduce((a, f) => a + f.item.quarterlyCostMinor.likely, 0);
  const fixCost = findings.reduce((a, f) => a + f.item.evaluation.fixCostMinor, 0);
  const points: QuarterPoint[] = [];
  let carry = 0;
  let fix = fixCost;
  for (let q = 0; q <= quarters; q++) {
    const factor = 1.03 ** q / 1.08 ** (q / 4);
    if (q > 0) {
      carry += perQuarter * factor;
      fix += perQuarter * 0.1 * factor;
    }
    points.push({
      quarter: q,
      carryLikely: carry,
      carryP10: carry * 0.72,
      carryP90: carry * 1.38,
      fixLikely: fix,
      fixP10: fix * 0.85,
      fixP90: fix * 1.3,
    });
  }
  return points;
}

export function portfolioOf(findings: Finding[], currency: string): PortfolioFigures | null {
  if (findings.length === 0) return null;
  const sum = (f: (x: Finding) => number) => findings.reduce((a, x) => a + f(x), 0);
  const fixCost = sum((f) => f.item.evaluation.fixCostMinor);
  const net = sum((f) => f.item.evaluation.netBenefitMinor);
  return {
    currency,
    pvCarryMinor: sum((f) => f.item.evaluation.pvCarryMinor),
    fixCostMinor: fixCost,
    netBenefitMinor: net,
    roi: fixCost ? net / fixCost : null,
    paybackQuarters: 3.4,
    netBenefitP10Minor: sum((f) => f.netBenefitP10Minor),
    netBenefitP90Minor: sum((f) => f.netBenefitP90Minor),
    fixDays: sum((f) => f.item.fixDays.likely),
    cumulative: cumulativeOf(findings),
  };
}

export const DEBT_SETTINGS: DebtModelSettings = {
  annualDiscountRate: 0.08,
  horizonQuarters: 20,
  rateMode: 'effective',
  distribution: 'pert',
};

export function reportModel(language: Locale, count = 24): DebtReportModel {
  const zh = language === 'zh-CN';
  const client = zh ? clientZh : clientEn;
  const findings = findingsOf(client, count, zh);
  const portfolio = portfolioOf(findings, client.defaultCurrency);
  const matrix: MatrixPointModel[] = findings.map((f) => ({
    id: f.item.id,
    rank: f.rank,
    title: f.item.title,
    fixDays: f.item.fixDays.likely,
    netBenefitMinor: f.item.evaluation.netBenefitMinor,
    impact: f.item.impact,
  }));
  return {
    ctx: context(language, zh ? sellerZh : sellerEn),
    client,
    findings,
    totals: [
      {
        currency: client.defaultCurrency,
        items: findings.length,
        pvCarryMinor: portfolio?.pvCarryMinor ?? 0,
        fixCostMinor: portfolio?.fixCostMinor ?? 0,
        netBenefitMinor: portfolio?.netBenefitMinor ?? 0,
        roi: portfolio?.roi ?? null,
      },
    ],
    portfolio,
    matrix,
    selectedIds: findings.slice(0, Math.ceil(findings.length / 3)).map((f) => f.item.id),
    settings: DEBT_SETTINGS,
  };
}

// ---------------------------------------------------------------------------------------
// SLA report

export function slaReportModel(language: Locale): SlaReportModel {
  const zh = language === 'zh-CN';
  const engagement = zh ? engagementOf(language) : { ...engagementOf(language), currency: 'USD' };
  const client = zh
    ? clientZh
    : { ...clientEn, displayName: 'Northwind Traders', legalName: 'Northwind Traders Inc.' };
  const clauses = slaClausesOf(engagement);
  const [availability, latency] = clauses as [SlaClause, SlaClause];
  const row = (
    c: SlaClause,
    measured: string | null,
    met: boolean | null,
    creditPercent: number,
    creditMinor: number,
    status: SlaReportRow['creditNoteStatus'],
    number: string | null,
  ): SlaReportRow => ({
    clauseId: c.id,
    engagementId: engagement.id,
    engagementTitle: engagement.title,
    clientId: client.id,
    clientName: client.displayName,
    label: c.label,
    metric: c.metric,
    target: c.target,
    unit: c.unit,
    direction: c.direction,
    period: '2026-10',
    measured,
    met,
    creditPercent,
    creditMinor,
    currency: engagement.currency,
    creditNoteStatus: status,
    creditNoteNumber: number,
  });
  const credit = Math.round(availability.monthlyFeeMinor * 0.1);
  const incident = (
    c: SlaClause,
    start: string,
    end: string,
    cause: string,
    excluded: boolean,
  ): SlaIncident => ({
    id: fixtureId(),
    clauseId: c.id,
    start,
    end,
    cause,
    excluded,
    exclusionKind: excluded ? 'maintenance' : null,
    note: '',
    createdAt: TS,
    updatedAt: TS,
  });
  return {
    ctx: context(language, zh ? sellerZh : sellerEn),
    client,
    engagement,
    month: '2026-10',
    from: '2026-10-01',
    to: '2026-10-31',
    rows: [
      row(
        availability,
        '99.52',
        false,
        10,
        credit,
        'issued',
        zh ? 'MY-CN-2026-0003' : 'CN-2026-0009',
      ),
      row(latency, '742', true, 0, 0, 'none', null),
    ],
    incidents: [
      {
        clause: availability,
        incidents: [
          incident(
            availability,
            '2026-10-07T01:12:00.000Z',
            '2026-10-07T04:40:00.000Z',
            zh ? '数据库主节点磁盘写满，切换延迟' : 'Primary database disk full; failover delayed',
            false,
          ),
          incident(
            availability,
            '2026-10-19T22:00:00.000Z',
            '2026-10-20T00:30:00.000Z',
            zh ? '计划内版本升级' : 'Planned release upgrade',
            true,
          ),
        ],
      },
      { clause: latency, incidents: [] },
    ],
    totals: [{ currency: engagement.currency, creditMinor: credit }],
  };
}
