import type {
  Client,
  DebtItem,
  DebtStatus,
  DocumentRequest,
  Engagement,
  Locale,
  SellerSnapshot,
} from '../../core/api';
import { addCalendarDays } from '../../core/billing';
import { roundMinor, toDec } from '../../core/money';
import type {
  ContractModel,
  CreditNoteModel,
  DebtReportModel,
  DocumentContext,
  DocumentModel,
  InvoiceModel,
  ProposalModel,
  SlaReportModel,
} from '../../templates/model';
import { today } from '../billing/errors';
import { sellerNow } from '../billing/invoice-view';
import { loadProfile } from '../billing/profile';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { debtRepo } from '../debt/common';
import { creditTotals, reportRows } from '../sla/compliance';
import { slaRepo } from '../sla/common';
import { read } from './call';
import { documentFileName } from './file-name';
import { findingsOf } from './findings';
import { loadTerms } from './terms';

/**
 * View models of every document, built from the database through the same handlers that
 * answer the screens (invoices.get, creditNotes.get, engagements.get, milestones.get,
 * sla.clauses.list, the sla.report rows, debt.list/matrix/selection…), so a PDF prints
 * exactly what the app shows for the same record. Pure functions of the database and clock.
 */

export interface BuiltDocument {
  doc: DocumentModel;
  language: Locale;
  fileName: string;
}

/** Open items: what the report ranks (fixed and won't-fix items are done with). */
export const OPEN_DEBT_STATUSES: readonly DebtStatus[] = [
  'identified',
  'proposed',
  'accepted',
  'in_progress',
];

function contextOf(
  ctx: ServiceContext,
  language: Locale,
  seller: SellerSnapshot = sellerNow(ctx),
): DocumentContext {
  const profile = loadProfile(ctx);
  return {
    language,
    branding: {
      accentColor: profile.accentColor,
      footerText: profile.documentFooter,
      logo: seller.logo,
    },
    seller,
    generatedOn: today(ctx.now()),
  };
}

const client = (ctx: ServiceContext, id: string): Client => read(ctx, 'clients.get', { id });

export function invoiceModel(ctx: ServiceContext, id: string, language?: Locale): BuiltDocument {
  const invoice = read(ctx, 'invoices.get', { id });
  const lang = language ?? client(ctx, invoice.clientId).documentLanguage;
  // The invoice holds the milestone's id; the client reads its name.
  const milestoneName =
    invoice.milestoneId && invoice.engagementId
      ? (read(ctx, 'milestones.get', { engagementId: invoice.engagementId }).milestones.find(
          (m) => m.id === invoice.milestoneId,
        )?.name ?? null)
      : null;
  const model: InvoiceModel = {
    ctx: contextOf(ctx, lang, invoice.seller),
    invoice,
    milestoneName,
  };
  return {
    doc: { kind: 'invoice', model },
    language: lang,
    fileName: documentFileName('invoice', lang, [invoice.number, invoice.clientName]),
  };
}

export function creditNoteModel(ctx: ServiceContext, id: string, language?: Locale): BuiltDocument {
  const creditNote = read(ctx, 'creditNotes.get', { id });
  const invoice = read(ctx, 'invoices.get', { id: creditNote.invoiceId });
  const lang = language ?? client(ctx, creditNote.clientId).documentLanguage;
  const model: CreditNoteModel = {
    ctx: contextOf(ctx, lang, creditNote.seller),
    creditNote,
    invoice: {
      number: invoice.number,
      issueDate: invoice.issueDate,
      totalMinor: invoice.totalMinor,
      currency: invoice.currency,
    },
  };
  return {
    doc: { kind: 'credit-note', model },
    language: lang,
    fileName: documentFileName('credit-note', lang, [creditNote.number, creditNote.clientName]),
  };
}

/** The currency most of the items are in, `preferred` when any item is in it. */
function mainCurrency(items: readonly DebtItem[], preferred: string): string {
  if (items.length === 0 || items.some((i) => i.currency === preferred)) return preferred;
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.currency, (counts.get(i.currency) ?? 0) + 1);
  return [...counts].sort(([a, n], [b, m]) => m - n || a.localeCompare(b))[0]![0];
}

/** The engagement's debt items; without any, the client's saved budget selection. */
function proposalItems(ctx: ServiceContext, engagement: Engagement): DebtItem[] {
  const ids = engagement.debtItemIds.length
    ? engagement.debtItemIds
    : (read(ctx, 'debt.selection.get', { clientId: engagement.clientId })?.itemIds ?? []);
  return ids.map((id) => read(ctx, 'debt.get', { id }));
}

export async function proposalModel(
  ctx: ServiceContext,
  engagementId: string,
  language?: Locale,
): Promise<BuiltDocument> {
  // Every read first, in one synchronous step: a consistent snapshot of the database.
  const engagement = read(ctx, 'engagements.get', { id: engagementId });
  const owner = client(ctx, engagement.clientId);
  const lang = language ?? owner.documentLanguage;
  const terms = loadTerms(ctx, engagementId);
  const items = proposalItems(ctx, engagement);
  const settings = read(ctx, 'debt.settings.get', { clientId: owner.id });
  const schedule = read(ctx, 'milestones.get', { engagementId });
  const slaClauses = read(ctx, 'sla.clauses.list', { engagementId });
  const documentContext = contextOf(ctx, lang);
  const issueDate = today(ctx.now());
  const { findings, portfolio } = await findingsOf(
    items,
    settings,
    mainCurrency(items, engagement.currency),
  );
  const model: ProposalModel = {
    ctx: documentContext,
    client: owner,
    engagement,
    schedule,
    findings,
    portfolio,
    slaClauses,
    terms,
    issueDate,
    validUntil: terms.proposalValidUntil ?? addCalendarDays(issueDate, 30),
  };
  return {
    doc: { kind: 'proposal', model },
    language: lang,
    fileName: documentFileName('proposal', lang, [engagement.title, owner.displayName]),
  };
}

/** liabilityCapPercent × contract value, half-up to a whole minor unit. */
export function liabilityCapMinor(contractValueMinor: number, capPercent: string): number {
  return roundMinor(toDec(contractValueMinor).times(toDec(capPercent)).div(100), 'half-up');
}

export function contractModel(
  ctx: ServiceContext,
  engagementId: string,
  language?: Locale,
): BuiltDocument {
  const engagement = read(ctx, 'engagements.get', { id: engagementId });
  const owner = client(ctx, engagement.clientId);
  const lang = language ?? owner.documentLanguage;
  const terms = loadTerms(ctx, engagementId);
  const model: ContractModel = {
    ctx: contextOf(ctx, lang),
    client: owner,
    engagement,
    schedule: read(ctx, 'milestones.get', { engagementId }),
    slaClauses: read(ctx, 'sla.clauses.list', { engagementId }),
    terms,
    liabilityCapMinor: liabilityCapMinor(engagement.contractValueMinor, terms.liabilityCapPercent),
    issueDate: today(ctx.now()),
  };
  return {
    doc: { kind: 'contract', model },
    language: lang,
    fileName: documentFileName('contract', lang, [engagement.title, owner.displayName]),
  };
}

export async function reportModel(
  ctx: ServiceContext,
  clientId: string,
  language?: Locale,
): Promise<BuiltDocument> {
  // Every read first, in one synchronous step: a consistent snapshot of the database.
  const owner = client(ctx, clientId);
  const lang = language ?? owner.documentLanguage;
  if (read(ctx, 'debt.list', { clientId, limit: 1 }).total === 0) {
    throw new ServiceError('CONFLICT', `${owner.displayName} has no technical-debt items yet.`, {
      reason: 'NO_DEBT_ITEMS',
      details: { name: owner.displayName },
    });
  }
  const filter = { clientId, search: '', statuses: OPEN_DEBT_STATUSES, categories: [], tags: [] };
  // The register's own query (debt.list / debt.csv.export) and its totals.
  const items = debtRepo(ctx).listAll(filter);
  const { totals } = read(ctx, 'debt.list', {
    clientId,
    statuses: [...OPEN_DEBT_STATUSES],
    limit: 1,
  });
  const settings = read(ctx, 'debt.settings.get', { clientId });
  const points = read(ctx, 'debt.matrix', { clientId });
  const selectedIds = read(ctx, 'debt.selection.get', { clientId })?.itemIds ?? [];
  const documentContext = contextOf(ctx, lang);
  const generatedOn = today(ctx.now());
  const { findings, portfolio } = await findingsOf(
    items,
    settings,
    mainCurrency(items, owner.defaultCurrency),
  );
  const ranks = new Map(findings.map((f) => [f.item.id, f.rank]));
  const matrix = points
    .filter((point) => ranks.has(point.id))
    .map((point) => ({
      id: point.id,
      rank: ranks.get(point.id)!,
      title: point.title,
      fixDays: point.fixDays,
      netBenefitMinor: point.netBenefitMinor,
      impact: point.impact,
    }))
    .sort((a, b) => a.rank - b.rank);
  const model: DebtReportModel = {
    ctx: documentContext,
    client: owner,
    findings,
    totals,
    portfolio,
    matrix,
    selectedIds,
    settings,
  };
  return {
    doc: { kind: 'report', model },
    language: lang,
    fileName: documentFileName('report', lang, [owner.displayName, generatedOn]),
  };
}

function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function slaReportModel(
  ctx: ServiceContext,
  engagementId: string,
  month: string,
  language?: Locale,
): BuiltDocument {
  const engagement = read(ctx, 'engagements.get', { id: engagementId });
  const owner = client(ctx, engagement.clientId);
  const lang = language ?? owner.documentLanguage;
  const clauses = read(ctx, 'sla.clauses.list', { engagementId });
  if (clauses.length === 0) {
    throw new ServiceError('CONFLICT', `${engagement.title} has no service-level clauses.`, {
      reason: 'NO_SLA_CLAUSES',
      details: { name: engagement.title },
    });
  }
  const evaluated = reportRows(ctx, slaRepo(ctx).clausesOfEngagement(engagementId), month);
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const incidents = evaluated.map(({ row, period }) => ({
    clause: byId.get(row.clauseId)!,
    incidents: read(ctx, 'sla.incidents.list', {
      clauseId: row.clauseId,
      from: new Date(period.startMs).toISOString(),
      to: new Date(period.endMs).toISOString(),
    }),
  }));
  const rows = evaluated.map((e) => e.row);
  const bounds = monthBounds(month);
  const model: SlaReportModel = {
    ctx: contextOf(ctx, lang),
    client: owner,
    engagement,
    month,
    from: evaluated.reduce(
      (d, e) => (e.period.firstDate < d ? e.period.firstDate : d),
      bounds.from,
    ),
    to: evaluated.reduce((d, e) => (e.period.lastDate > d ? e.period.lastDate : d), bounds.to),
    rows,
    incidents,
    totals: creditTotals(rows),
  };
  return {
    doc: { kind: 'sla-report', model },
    language: lang,
    fileName: documentFileName('sla-report', lang, [month, engagement.title, owner.displayName]),
  };
}

/**
 * The view model a request asks for; NOT_FOUND (typed) when its record does not exist,
 * CONFLICT NO_SLA_CLAUSES / NO_DEBT_ITEMS for a report with nothing to report on (an
 * all-fixed register still reports: its totals and "no open items"). The database is read
 * in one synchronous step; only the debt arithmetic of proposals and reports yields to the
 * event loop afterwards.
 */
export async function buildDocument(
  ctx: ServiceContext,
  request: DocumentRequest,
): Promise<BuiltDocument> {
  switch (request.kind) {
    case 'invoice':
      return invoiceModel(ctx, request.id, request.language);
    case 'credit-note':
      return creditNoteModel(ctx, request.id, request.language);
    case 'proposal':
      return proposalModel(ctx, request.engagementId, request.language);
    case 'contract':
      return contractModel(ctx, request.engagementId, request.language);
    case 'report':
      return reportModel(ctx, request.clientId, request.language);
    case 'sla-report':
      return slaReportModel(ctx, request.engagementId, request.month, request.language);
  }
}
