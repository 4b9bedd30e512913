import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contract,
  hostMethodNames,
  isHostMethod,
  methodNames,
  type HostMethodName,
  type MethodInput,
  type ServiceMethodName,
} from '../../core/api';
import { startTestServices, type TestServices } from '../support/services';
import { makeTempDir } from '../support/temp';

/**
 * For every contract method: at least 1,000 generated malformed inputs are each rejected
 * with a typed VALIDATION error, and the database is byte-for-byte unchanged afterwards.
 * Malformed inputs are built by mutating a valid input, so they stay close to real calls.
 */

const ID = '0196f3a0-0000-7000-8000-000000000001';

const DEBT_FIELDS: MethodInput<'debt.create'> = {
  clientId: ID,
  title: 'Manual releases',
  description: 'Six-hour release window',
  category: 'process',
  impact: 'high',
  affectedSystem: 'Dispatch',
  status: 'identified',
  quarterlyCostMinor: { low: 500_000, likely: 800_000, high: 1_500_000 },
  // null, not an estimate: the fuzz replaces values with other kinds, and null is valid here.
  costEstimate: null,
  growthPerQuarter: 0.02,
  fixDays: { low: 10, likely: 15, high: 25 },
  dayRateMinor: 100_000,
  residualFraction: 0.1,
  lagQuarters: 1,
  tags: ['ci', 'releases'],
  evidence: 'Release calendar',
};

const SLA_CLAUSE: MethodInput<'sla.clauses.create'> = {
  engagementId: ID,
  label: 'Core API availability',
  metric: 'availability',
  subject: { en: 'the order API', 'zh-CN': '订单接口' },
  customName: { en: '', 'zh-CN': '' },
  target: '99.95',
  unit: 'percent',
  direction: 'at-least',
  window: { kind: 'calendar-month' },
  timeZone: 'Europe/Berlin',
  serviceHours: {
    kind: 'weekly',
    timeZone: 'Europe/Berlin',
    windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '20:00' }],
  },
  percentile: 99,
  percentileMethod: 'nearest-rank',
  exclusions: { maintenance: true, clientCaused: true, forceMajeure: false },
  creditTiers: [
    { below: '99.95', creditPercent: 10 },
    { below: '99', creditPercent: 30 },
  ],
  monthlyFeeMinor: 500_000,
  claimWindowDays: 30,
};

/**
 * A real, writable folder for the valid `documents.exportInvoices.start` sample (the fuzz
 * database has no invoices, so the services answer NOTHING_TO_EXPORT, never VALIDATION).
 */
const exportFolder = makeTempDir('engagement-desk-fuzz-export-');

const EMPTY_WORKSPACE_FILE = JSON.stringify({
  format: 'engagement-desk-workspace',
  version: 1,
  schemaVersion: 1,
  exportedAt: '2026-11-21T09:00:00.000Z',
  app: { version: '0.1.0' },
  data: {},
});

/**
 * A valid input per method the services answer. Typed over every service method: a new
 * method needs a sample. Host methods (answered by Electron main) have theirs below.
 */
const validInput: { [M in ServiceMethodName]: MethodInput<M> } = {
  'app.info': {},
  'backups.list': {},
  'backups.create': {},
  // No such backup in the fuzz folder: NOT_FOUND, never VALIDATION (nothing is restored).
  'backups.preview': { name: 'manual-2026-01-01T00-00-00-000Z.sqlite' },
  'backups.restore': { name: 'daily-2026-01-01.sqlite' },
  'clients.list': {
    search: 'acme',
    archived: 'all',
    sort: { field: 'displayName', direction: 'asc' },
    offset: 0,
    limit: 10,
  },
  'clients.get': { id: ID },
  'clients.create': {
    displayName: 'Acme',
    legalName: 'Acme GmbH',
    contactPerson: 'Ada',
    email: 'ada@acme.test',
    phone: '+49',
    address: 'Berlin',
    taxId: 'DE1',
    defaultCurrency: 'EUR',
    defaultDayRateMinor: 100_000,
    paymentTermsDays: 30,
    documentLanguage: 'en',
    notes: '',
  },
  'clients.update': { id: ID, changes: { displayName: 'Acme 2', paymentTermsDays: 14 } },
  'clients.archive': { id: ID },
  'clients.restore': { id: ID },
  'clients.delete': { id: ID },
  'debt.settings.get': { clientId: ID },
  'debt.settings.update': {
    clientId: ID,
    changes: { annualDiscountRate: 0.1, horizonQuarters: 8, rateMode: 'nominal' },
  },
  'debt.list': {
    clientId: ID,
    search: 'release',
    statuses: ['identified'],
    categories: ['code'],
    tags: ['ci'],
    sort: { field: 'netBenefit', direction: 'desc' },
    offset: 0,
    limit: 50,
  },
  'debt.tags': { clientId: ID },
  'debt.get': { id: ID },
  'debt.create': DEBT_FIELDS,
  'debt.update': {
    id: ID,
    changes: { title: 'Renamed', quarterlyCostMinor: { low: 100, likely: 200, high: 300 } },
  },
  'debt.duplicate': { id: ID },
  'debt.delete': { id: ID },
  'debt.bulkStatus': { ids: [ID], status: 'accepted' },
  'debt.evaluate': {
    quarterlyCostMinor: { low: 800_000, likely: 1_000_000, high: 1_600_000 },
    growthPerQuarter: 0.02,
    fixDays: { low: 8, likely: 10, high: 15 },
    dayRateMinor: 100_000,
    residualFraction: 0.1,
    lagQuarters: 1,
    settings: {
      annualDiscountRate: 0.08,
      horizonQuarters: 12,
      rateMode: 'effective',
      distribution: 'pert',
    },
    samples: 1000,
    seed: 7,
  },
  'debt.matrix': { clientId: ID },
  'debt.selectWithinBudget': {
    clientId: ID,
    budget: { kind: 'days', days: 30 },
    statuses: ['identified', 'accepted'],
  },
  'debt.selection.get': { clientId: ID },
  'debt.selection.save': { clientId: ID, itemIds: [ID], budget: null },
  'debt.csv.preview': {
    clientId: ID,
    csvText: 'Title,Quarterly cost\nA,100\n',
    mapping: { Title: 'title' },
  },
  'debt.csv.import': {
    clientId: ID,
    csvText: 'Title,Quarterly cost\nA,100\n',
    mapping: { Title: 'title', 'Quarterly cost': 'quarterlyCostLikely' },
    skipInvalid: true,
  },
  'debt.csv.export': { clientId: ID, search: '', statuses: ['accepted'], categories: [], tags: [] },
  'demo.load': { locale: 'zh-CN' },
  'profile.get': {},
  'profile.update': {
    changes: {
      name: 'Ada Lovelace',
      businessName: 'Lovelace Consulting',
      address: 'London',
      taxId: 'GB123',
      email: 'ada@lovelace.test',
      phone: '+44',
      bankDetails: 'IBAN GB00 0000',
      paymentInstructions: 'Quote the invoice number',
      logo: null,
      defaultCurrency: 'GBP',
      defaultPaymentTermsDays: 14,
      defaultTaxRatePercent: '20',
      invoiceNumberPattern: 'INV-{YYYY}-{SEQ:4}',
      creditNoteNumberPattern: 'CN-{YYYY}-{SEQ:4}',
      lateInterestAnnualRate: '0.08',
    },
  },
  'engagements.list': {
    clientId: ID,
    stages: ['active'],
    search: 'platform',
    sort: { field: 'title', direction: 'asc' },
    offset: 0,
    limit: 20,
  },
  'engagements.get': { id: ID },
  'engagements.create': {
    clientId: ID,
    title: 'Platform modernisation',
    type: 'fixed_price',
    stage: 'won',
    currency: 'EUR',
    contractValueMinor: 10_000_000,
    startDate: null,
    endDate: null,
    scope: 'Dispatch platform',
    deliverables: 'v1.0.0',
    taxRatePercent: '19',
    paymentTermsDays: 30,
    debtItemIds: [],
    notes: '',
  },
  'engagements.update': { id: ID, changes: { title: 'Renamed', contractValueMinor: 5_000 } },
  'engagements.setStage': { id: ID, stage: 'active' },
  'engagements.delete': { id: ID },
  'engagements.valuation': {
    id: ID,
    annualDiscountRate: 0.1,
    asOf: '2026-11-21',
    outlays: [{ date: '2026-12-01', amountMinor: 100 }],
  },
  'milestones.templates': {},
  'milestones.get': { engagementId: ID },
  'milestones.setSchedule': {
    engagementId: ID,
    milestones: [{ name: 'All', share: { percent: '100' } }],
  },
  'milestones.markReady': { id: ID },
  'milestones.accept': { id: ID, date: '2026-11-20', by: 'Maren', note: 'Signed' },
  'milestones.reopen': { id: ID },
  'invoices.list': {
    statuses: ['overdue'],
    clientId: ID,
    engagementId: ID,
    currency: 'EUR',
    search: 'INV',
    asOf: '2026-11-21',
    sort: { field: 'dueDate', direction: 'asc' },
    offset: 0,
    limit: 50,
  },
  'invoices.get': { id: ID },
  'invoices.createFromMilestone': {
    milestoneId: ID,
    reason: 'Client asked for early billing',
    taxMode: 'exclusive',
    supplyDate: null,
    paymentTermsDays: 30,
    depositMinor: 0,
    notes: '',
    paymentInstructions: 'Bank transfer',
  },
  'invoices.createFromLines': {
    kind: 'time_and_materials',
    clientId: ID,
    engagementId: null,
    currency: 'EUR',
    lines: [
      {
        description: 'Consulting',
        quantity: '2.5',
        unit: 'day',
        unitPriceMinor: 100_000,
        discount: null,
        taxRatePercent: '19',
      },
    ],
    taxMode: 'exclusive',
    supplyDate: null,
    paymentTermsDays: 14,
    depositMinor: 0,
    notes: '',
    paymentInstructions: '',
  },
  'invoices.updateDraft': { id: ID, changes: { notes: 'Thanks', depositMinor: 100 } },
  'invoices.deleteDraft': { id: ID },
  'invoices.issue': { id: ID, issueDate: '2026-11-21' },
  'invoices.void': { id: ID, reason: 'Wrong client' },
  'payments.record': {
    invoiceId: ID,
    date: '2026-11-21',
    amountMinor: 1_000,
    method: 'bank_transfer',
    reference: 'REF-1',
    note: '',
  },
  'payments.delete': { id: ID },
  'creditNotes.create': {
    invoiceId: ID,
    reason: 'SLA credit',
    issueDate: '2026-11-21',
    credit: { amountMinor: 1_000, description: 'Service credit' },
    source: 'sla',
    sourceRef: 'sla:clause/2026-10',
  },
  'creditNotes.get': { id: ID },
  'creditNotes.list': {
    invoiceId: ID,
    clientId: ID,
    engagementId: ID,
    source: 'manual',
    search: 'CN',
    offset: 0,
    limit: 20,
  },
  'receivables.summary': { asOf: '2026-11-21', clientId: ID, reminderLimit: 10 },
  'sla.library': { metric: 'availability' },
  'sla.suggest': { text: 'The monthly reports are slow', category: 'slow' },
  'sla.clauses.list': { engagementId: ID },
  'sla.clauses.get': { id: ID },
  // Nullable primitives (caps, priority, overrides) are left to their defaults: the fuzz
  // swaps a null for a number or string, which may well be valid there.
  'sla.clauses.create': SLA_CLAUSE,
  'sla.clauses.update': { id: ID, changes: { target: '99.9', claimWindowDays: 45 } },
  'sla.clauses.delete': { id: ID },
  'sla.incidents.list': {
    clauseId: ID,
    from: '2026-02-01T00:00:00.000Z',
    to: '2026-03-01T00:00:00.000Z',
  },
  'sla.incidents.create': {
    clauseId: ID,
    start: '2026-02-10T10:00:00.000Z',
    end: '2026-02-10T10:30:00.000Z',
    cause: 'Database failover',
    excluded: false,
    note: '',
  },
  'sla.incidents.update': { id: ID, changes: { cause: 'Disk full', excluded: false } },
  'sla.incidents.delete': { id: ID },
  'sla.measurements.list': { clauseId: ID, from: '2026-02-01', to: '2026-02-28' },
  'sla.measurements.upsert': { clauseId: ID, date: '2026-02-10', value: 640, note: 'daily P99' },
  'sla.measurements.delete': { id: ID },
  'sla.measurements.importCsv': {
    clauseId: ID,
    csvText: 'date,value\n2026-02-01,640\n',
    skipInvalid: false,
    dryRun: false,
  },
  'sla.compliance': { clauseId: ID, period: '2026-02' },
  'sla.compliance.timeline': { clauseId: ID, from: '2026-01', to: '2026-03' },
  'sla.report': { month: '2026-02' },
  'sla.proposeCreditNote': { clauseId: ID, period: '2026-02', issueDate: '2026-03-05' },
  'sla.exposure': {
    clauseId: ID,
    model: { kind: 'triangular', low: 10, likely: 30, high: 120 },
    samples: 1_000,
    seed: 7,
  },
  'documents.render': { kind: 'sla-report', engagementId: ID, month: '2026-02', language: 'zh-CN' },
  'documents.terms.get': { engagementId: ID },
  // proposalValidUntil is nullable: left out, as the fuzz may swap a date for null.
  'documents.terms.update': {
    engagementId: ID,
    executiveSummary: 'Three changes pay back within a year.',
    liabilityCapPercent: '100',
    governingLaw: 'Germany, Munich',
    clauses: [{ key: 'liability', language: 'en', text: 'Capped at the contract value.' }],
  },
  'documents.exportInvoices.count': {
    from: '2026-01-01',
    to: '2026-03-31',
    includeCreditNotes: true,
  },
  'documents.exportInvoices.start': {
    range: { from: '2026-01-01', to: '2026-03-31', includeCreditNotes: false },
    folder: exportFolder.dir,
  },
  'documents.exportInvoices.status': { jobId: ID },
  'documents.exportInvoices.cancel': { jobId: ID },
  'dashboard.practice': {
    clientId: ID,
    engagementId: ID,
    currency: 'EUR',
    from: '2026-01-01',
    to: '2026-06-30',
    asOf: '2026-11-21',
  },
  'dashboard.client': { clientId: ID, statuses: ['identified', 'accepted'] },
  'audit.list': { entity: 'invoice', entityId: ID, offset: 0, limit: 20 },
  // Nothing deleted or voided in the fuzz session: CONFLICT/NOT_FOUND, never VALIDATION.
  'undo.restore': { kind: 'debt_item', id: ID },
  'undo.void': { id: ID },
  'workspace.exportJson': {},
  'workspace.exportCsvFiles': {},
  // An older-schema file with no tables: valid, and nothing to import.
  'workspace.import.preview': { text: EMPTY_WORKSPACE_FILE },
  'workspace.import.apply': { text: EMPTY_WORKSPACE_FILE, policy: 'keep-mine', dryRun: true },
};

/** Valid inputs of the methods Electron main answers (the e2e harness stands in for them). */
const hostInput: { [M in HostMethodName]: MethodInput<M> } = {
  'documents.save': { kind: 'invoice', id: ID, language: 'en' },
  'documents.exportInvoices.chooseFolder': { from: '2026-01-01', to: '2026-03-31' },
  // The first bytes of a PNG, in base64.
  'charts.save': { name: 'Revenue by month', format: 'png', base64: 'iVBORw0KGgo=' },
  'workspace.export': {},
  'workspace.exportCsv': {},
  'workspace.import.choose': {},
  'workspace.import.applyChosen': { digest: 'a'.repeat(64), policy: 'take-theirs' },
};

const serviceMethodNames = methodNames.filter(
  (name): name is ServiceMethodName => !isHostMethod(name),
);

type Json = unknown;
type Path = (string | number)[];

function kindOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Every path to a leaf or object inside a valid input. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (kindOf(value) !== 'object') return [prefix];
  const entries = Object.entries(value as Record<string, Json>);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
}

function setAt(value: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = { ...(value as Record<string, Json>) };
  copy[head as string] = setAt(copy[head as string], rest, replacement);
  return copy;
}

function getAt(value: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string, Json>)[k as string], value);
}

/** A value of a different JSON kind than `like`: never valid where `like` was. */
function wrongKind(like: Json): fc.Arbitrary<Json> {
  const kind = kindOf(like);
  return fc
    .oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.jsonValue(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
    )
    .filter((v) => kindOf(v) !== kind && !(kind === 'number' && typeof v === 'number'));
}

function malformed(method: ServiceMethodName): fc.Arbitrary<Json> {
  const valid = validInput[method] as Json;
  const paths = pathsOf(valid);
  const objectPaths = paths.filter((p) => kindOf(getAt(valid, p)) === 'object');
  const stringPaths = paths.filter((p) => typeof getAt(valid, p) === 'string' && p.at(-1) === 'id');

  const unknownKey = fc
    .record({
      at: fc.constantFrom(...objectPaths),
      key: fc.string({ minLength: 1, maxLength: 12 }),
      value: fc.jsonValue(),
    })
    .filter(
      ({ at, key }) =>
        !Object.prototype.hasOwnProperty.call(getAt(valid, at), key) && key !== '__proto__',
    )
    .map(({ at, key, value }) =>
      setAt(valid, at, { ...(getAt(valid, at) as object), [key]: value }),
    );

  const wrongType = fc
    .constantFrom(...paths)
    .chain((path) => wrongKind(getAt(valid, path)).map((bad) => setAt(valid, path, bad)));

  const badId = stringPaths.length
    ? fc
        .record({ at: fc.constantFrom(...stringPaths), bad: fc.string({ maxLength: 40 }) })
        .filter(
          ({ bad }) =>
            !/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(bad),
        )
        .map(({ at, bad }) => setAt(valid, at, bad))
    : wrongType;

  return fc.oneof(unknownKey, wrongType, badId);
}

let services: TestServices;

/** A fingerprint of every table's rows plus SQLite's own change counter. */
function fingerprint(): string {
  const sqlite = services.database.sqlite;
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`)
    .all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables)
    hash.update(
      name + JSON.stringify(sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()),
    );
  hash.update(String((sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n));
  return hash.digest('hex');
}

beforeAll(async () => {
  services = await startTestServices();
  // Some real data, so "unchanged" means something.
  for (let i = 0; i < 5; i++) {
    await services.invoke('clients.create', {
      ...validInput['clients.create'],
      displayName: `Client ${i}`,
    });
  }
});
afterAll(() => {
  services.dispose();
  exportFolder.cleanup();
});

describe('contract fuzz: malformed input is rejected and changes nothing', () => {
  it.each(serviceMethodNames)('%s', async (method) => {
    const before = fingerprint();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(malformed(method), async (input) => {
        runs++;
        const result = await services.invoke(method, input);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000, seed: 20261121 },
    );
    expect(runs).toBeGreaterThanOrEqual(1000);
    expect(fingerprint()).toBe(before);
  });

  it('the valid samples themselves are accepted (so the fuzz mutates real calls)', async () => {
    for (const method of serviceMethodNames) {
      const result = await services.invoke(method, validInput[method]);
      // Valid shape: either succeeds or fails for a domain reason, never VALIDATION.
      if (!result.ok) expect(result.error.code).not.toBe('VALIDATION');
    }
  });

  it('non-object inputs are rejected for every method', async () => {
    for (const method of serviceMethodNames) {
      for (const input of [null, 42, 'x', [], true]) {
        const result = await services.invoke(method, input);
        expect(result.ok ? 'ok' : result.error.code).toBe('VALIDATION');
      }
    }
  });

  it('host methods are valid contract calls that the services leave to Electron main', async () => {
    for (const method of hostMethodNames) {
      expect(contract[method].input.safeParse(hostInput[method]).success).toBe(true);
      const result = await services.invoke(method, hostInput[method]);
      expect(result.ok ? 'ok' : result.error.code).toBe('UNKNOWN_METHOD');
    }
  });
});
