import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AccentColor,
  AnnualRateString,
  contract,
  CsvMapping,
  DebtCsvField,
  DecimalString,
  LiabilityCapPercentString,
  Logo,
  methodNames,
  NumberPattern,
  PercentString,
  QuantityString,
  type ApiResult,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../core/api';
import { debtItemInput } from '../../services/debt/test-helpers';
import { startTestServices, type TestServices } from '../support/services';

/**
 * Every text and list a caller can send is bounded by the contract itself, so a huge input
 * is refused by the dispatcher's parse (VALIDATION) before any handler or SQL runs.
 *
 * The proof walks each method's input JSON Schema (`z.toJSONSchema`, the input side, so
 * defaults stay optional). A string is bounded by `maxLength`, an enum/const, a fixed-size
 * format (UUID, ISO date/time) or an anchored pattern without open-ended repetition; an
 * array by `maxItems`; a number by `maximum`; a record by `maxProperties`. Refinements do
 * not appear in JSON Schema, so the few fields bounded by one are listed below, each with
 * its reason, and each of those schemas is probed with a huge value.
 */

/** Property name -> the schema that bounds it by a refinement, and why it is safe. */
const REFINED: Record<string, { schema: z.ZodType; reason: string; huge: unknown }> = {
  taxRatePercent: {
    schema: PercentString,
    reason: 'decimal text, at most 12+6 digits (PercentString)',
    huge: '1'.repeat(1_000_000),
  },
  defaultTaxRatePercent: {
    schema: PercentString,
    reason: 'decimal text, at most 12+6 digits (PercentString)',
    huge: '1'.repeat(1_000_000),
  },
  percent: {
    schema: PercentString,
    reason: 'discount / milestone share percent, decimal text (PercentString)',
    huge: '0'.repeat(1_000_000),
  },
  quantity: {
    schema: QuantityString,
    reason: 'decimal text, at most 9+6 digits (QuantityString)',
    huge: '2'.repeat(1_000_000),
  },
  lateInterestAnnualRate: {
    schema: AnnualRateString,
    reason: 'decimal text, at most 12+6 digits (AnnualRateString)',
    huge: `0.${'0'.repeat(1_000_000)}`,
  },
  liabilityCapPercent: {
    schema: LiabilityCapPercentString,
    reason: 'decimal text, at most 12+6 digits (LiabilityCapPercentString)',
    huge: '1'.repeat(1_000_000),
  },
  target: {
    schema: DecimalString,
    reason: 'SLA decimal text, at most 12+10 digits (DecimalString)',
    huge: '9'.repeat(1_000_000),
  },
  below: {
    schema: DecimalString,
    reason: 'SLA credit tier threshold (DecimalString)',
    huge: '9'.repeat(1_000_000),
  },
  above: {
    schema: DecimalString,
    reason: 'SLA credit tier threshold (DecimalString)',
    huge: '9'.repeat(1_000_000),
  },
  invoiceNumberPattern: {
    schema: NumberPattern,
    reason: 'number patterns are at most 64 characters (core/billing/numbering.ts)',
    huge: `INV-${'X'.repeat(1_000_000)}-{SEQ:4}`,
  },
  creditNoteNumberPattern: {
    schema: NumberPattern,
    reason: 'number patterns are at most 64 characters (core/billing/numbering.ts)',
    huge: `CN-${'X'.repeat(1_000_000)}-{SEQ:4}`,
  },
  accentColor: {
    schema: AccentColor,
    reason: 'exactly #RRGGBB',
    huge: `#${'A'.repeat(1_000_000)}`,
  },
  base64: {
    schema: Logo.shape.base64,
    reason: 'the logo is at most 512 KiB decoded (LOGO_TOO_LARGE)',
    huge: 'AAAA'.repeat(250_000),
  },
  mapping: {
    schema: CsvMapping,
    reason: 'one column per debt item field at most (TOO_MANY_MAPPED_COLUMNS)',
    huge: Object.fromEntries(
      Array.from({ length: DebtCsvField.options.length + 1 }, (_, i) => [
        `Column ${i}`,
        DebtCsvField.options[i % DebtCsvField.options.length],
      ]),
    ),
  },
};

/**
 * Large but finite limits, listed so nobody raises them by accident: whole files that the
 * user pastes or picks, checked and parsed in one call.
 */
const LARGE_LIMITS: Record<string, { max: number; reason: string }> = {
  csvText: { max: 20_000_000, reason: 'a pasted or chosen debt register CSV' },
  base64: { max: 28_000_000, reason: 'a workspace file (20 MB) as base64' },
  text: { max: 200 * 1024 * 1024, reason: 'a whole workspace file, imported in one call' },
};
/** Above this, a string limit must be listed in LARGE_LIMITS. */
const ORDINARY_TEXT_MAX = 20_000;

type Json = Record<string, unknown>;

const FIXED_FORMATS = new Set(['uuid', 'date', 'date-time', 'time']);

/** An anchored pattern with no `+`, `*` or `{n,}`: it cannot match an unbounded string. */
function isBoundedPattern(pattern: string): boolean {
  return pattern.startsWith('^') && pattern.endsWith('$') && !/(?<!\\)[+*]|\{\d+,\}/.test(pattern);
}

interface Finding {
  method: MethodName;
  path: string;
  problem: string;
  property: string;
}

function walk(schema: unknown, path: string, property: string, out: Omit<Finding, 'method'>[]) {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Json;
  const flag = (problem: string) => out.push({ path: path || '(input)', problem, property });
  const enumerated = Array.isArray(s.enum) || 'const' in s;

  if (s.type === 'string' && !enumerated) {
    const format = typeof s.format === 'string' ? s.format : undefined;
    const pattern = typeof s.pattern === 'string' ? s.pattern : undefined;
    if (typeof s.maxLength === 'number') {
      if (s.maxLength > ORDINARY_TEXT_MAX) {
        const large = LARGE_LIMITS[property];
        if (!large || s.maxLength > large.max) flag(`string max ${s.maxLength} not justified`);
      }
    } else if (!(format && FIXED_FORMATS.has(format)) && !(pattern && isBoundedPattern(pattern))) {
      flag('string without maxLength');
    }
  }
  if (s.type === 'array' && typeof s.maxItems !== 'number') flag('array without maxItems');
  if ((s.type === 'number' || s.type === 'integer') && !enumerated) {
    if (typeof s.maximum !== 'number' && typeof s.exclusiveMaximum !== 'number') {
      flag('number without maximum');
    }
    if (typeof s.minimum !== 'number' && typeof s.exclusiveMinimum !== 'number') {
      flag('number without minimum');
    }
  }
  if (
    s.type === 'object' &&
    s.additionalProperties &&
    typeof s.additionalProperties === 'object' &&
    typeof s.maxProperties !== 'number'
  ) {
    flag('record without maxProperties');
  }

  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties') {
      for (const [name, child] of Object.entries(value as Json)) {
        walk(child, `${path}.${name}`, name, out);
      }
    } else if (key === 'items' || key === 'prefixItems') {
      walk(value, `${path}[]`, property, out);
    } else if (key === 'additionalProperties' || key === 'propertyNames') {
      // Keys and values of a record are checked on their own (not excused with the record).
      walk(value, `${path}{}`, `${property}{}`, out);
    } else if (['anyOf', 'oneOf', 'allOf'].includes(key) && Array.isArray(value)) {
      for (const branch of value) walk(branch, path, property, out);
    } else if (key === 'not' || key === '$defs' || key === 'definitions') {
      // Input schemas have no negations; definitions are reached through their $ref users.
    }
  }
}

function findings(): Finding[] {
  const all: Finding[] = [];
  for (const method of methodNames) {
    const json = z.toJSONSchema(contract[method].input, {
      io: 'input',
      unrepresentable: 'any',
      reused: 'inline',
      cycles: 'throw',
    });
    const out: Omit<Finding, 'method'>[] = [];
    walk(json, '', '', out);
    all.push(...out.map((f) => ({ method, ...f })));
  }
  return all;
}

describe('every contract input is bounded', () => {
  const found = findings();

  it('has no string, list, number or record without a limit, except the listed refinements', () => {
    const unexplained = found
      .filter((f) => !(f.property in REFINED && /string|record/.test(f.problem)))
      .map((f) => `${f.method} ${f.path}: ${f.problem}`);
    expect(unexplained).toEqual([]);
  });

  it('bounds every listed refinement: a huge value is refused', () => {
    for (const [property, { schema, huge, reason }] of Object.entries(REFINED)) {
      expect(reason.length, property).toBeGreaterThan(0);
      expect(schema.safeParse(huge).success, `${property} accepts a huge value`).toBe(false);
    }
  });

  it('lists no refinement that is not needed any more', () => {
    const used = new Set(found.map((f) => f.property));
    expect(Object.keys(REFINED).filter((p) => !used.has(p))).toEqual([]);
  });

  it('would notice an unbounded field (the walk itself is checked)', () => {
    const out: Omit<Finding, 'method'>[] = [];
    walk(
      z.toJSONSchema(
        z.strictObject({
          free: z.string(),
          list: z.array(z.string().max(5)),
          rate: z.number().min(0),
          bag: z.record(z.string().max(5), z.number().int().min(0).max(1)),
          ok: z.string().max(10),
          id: z.uuidv7(),
          code: z.string().regex(/^[A-Z]{3}$/),
          open: z.string().regex(/^\d+$/),
        }),
        { io: 'input' },
      ),
      '',
      '',
      out,
    );
    expect(out.map((f) => `${f.path}: ${f.problem}`).sort()).toEqual([
      '.bag: record without maxProperties',
      '.free: string without maxLength',
      '.list: array without maxItems',
      '.open: string without maxLength',
      '.rate: number without maximum',
    ]);
  });
});

/* ------------------------------------------------------------------------------------ */
/* Through the real dispatcher: at the limit is accepted, one character over is refused. */

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices();
});
afterAll(() => services?.dispose());

async function call<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = (await services.invoke(method, input)) as ApiResult<MethodOutput<M>>;
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data;
}

const TABLES = [
  'clients',
  'engagements',
  'debt_items',
  'invoices',
  'invoice_lines',
  'sla_clauses',
  'engagement_terms',
  'profile',
  'audit_log',
];
function rowCounts(): Record<string, number> {
  const sqlite = services.database.sqlite;
  const existing = new Set(
    (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string;
      }[]
    ).map((r) => r.name),
  );
  return Object.fromEntries(
    TABLES.filter((t) => existing.has(t)).map((t) => [
      t,
      (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n,
    ]),
  );
}

/** The `maxLength` the contract declares at `path` (property names and array indexes). */
function maxLengthAt(method: MethodName, path: readonly (string | number)[]): number {
  let node = z.toJSONSchema(contract[method].input, {
    io: 'input',
    unrepresentable: 'any',
    reused: 'inline',
  }) as Json;
  for (const step of path) {
    const branches = [node, ...((node.anyOf ?? node.oneOf ?? []) as Json[])];
    const next = branches
      .map((b) => (typeof step === 'number' ? (b.items as Json) : (b.properties as Json)?.[step]))
      .find(Boolean) as Json | undefined;
    if (!next) throw new Error(`${method}: no ${String(step)} in ${path.join('.')}`);
    node = next;
  }
  const candidates = [node, ...((node.anyOf ?? node.oneOf ?? []) as Json[])];
  const max = candidates.map((c) => c.maxLength).find((m) => typeof m === 'number');
  if (typeof max !== 'number') throw new Error(`${method} ${path.join('.')}: no maxLength`);
  return max;
}

function setAt(target: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(target) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

const debtItem = (clientId: string) => debtItemInput(clientId, { dayRateMinor: 100_000 });

interface Case {
  method: MethodName;
  path: (string | number)[];
  input: () => unknown;
}

describe('a value one character over the limit is refused before any write', () => {
  let clientId = '';
  let engagementId = '';
  const cases: Case[] = [
    {
      method: 'clients.create',
      path: ['displayName'],
      input: () => ({ displayName: 'Acme', defaultCurrency: 'EUR' }),
    },
    {
      method: 'clients.create',
      path: ['notes'],
      input: () => ({ displayName: 'Acme', defaultCurrency: 'EUR', notes: '' }),
    },
    {
      method: 'clients.update',
      path: ['changes', 'address'],
      input: () => ({ id: clientId, changes: { address: '' } }),
    },
    {
      method: 'engagements.create',
      path: ['title'],
      input: () => ({ clientId, title: 'Platform', type: 'fixed_price', currency: 'EUR' }),
    },
    {
      method: 'engagements.create',
      path: ['scope'],
      input: () => ({ clientId, title: 'Platform', type: 'fixed_price', currency: 'EUR' }),
    },
    {
      method: 'debt.create',
      path: ['title'],
      input: () => debtItem(clientId),
    },
    {
      method: 'debt.create',
      path: ['description'],
      input: () => debtItem(clientId),
    },
    {
      method: 'debt.create',
      path: ['evidence'],
      input: () => debtItem(clientId),
    },
    {
      method: 'invoices.createFromLines',
      path: ['lines', 0, 'description'],
      input: () => ({
        kind: 'time_and_materials',
        clientId,
        engagementId: null,
        currency: 'EUR',
        lines: [
          {
            description: 'Consulting',
            quantity: '1',
            unit: 'day',
            unitPriceMinor: 100_000,
            discount: null,
            taxRatePercent: '19',
          },
        ],
      }),
    },
    {
      method: 'sla.clauses.create',
      path: ['label'],
      input: () => ({
        engagementId,
        label: 'Core API availability',
        metric: 'availability',
        target: '99.9',
        unit: 'percent',
        direction: 'at-least',
        window: { kind: 'calendar-month' },
        timeZone: 'Europe/Berlin',
        serviceHours: { kind: '24x7' },
        creditTiers: [{ below: '99.9', creditPercent: 10 }],
        monthlyFeeMinor: 500_000,
        claimWindowDays: 30,
      }),
    },
    {
      method: 'documents.terms.update',
      path: ['clauses', 0, 'text'],
      input: () => ({
        engagementId,
        clauses: [{ key: 'confidentiality', language: 'en', text: 'x' }],
      }),
    },
    {
      method: 'documents.terms.update',
      path: ['governingLaw'],
      input: () => ({ engagementId, governingLaw: 'Germany' }),
    },
    {
      method: 'profile.update',
      path: ['changes', 'documentFooter'],
      input: () => ({ changes: { documentFooter: '' } }),
    },
    {
      method: 'profile.update',
      path: ['changes', 'bankDetails'],
      input: () => ({ changes: { bankDetails: '' } }),
    },
  ];

  beforeAll(async () => {
    clientId = (await call('clients.create', { displayName: 'Owner', defaultCurrency: 'EUR' })).id;
    engagementId = (
      await call('engagements.create', {
        clientId,
        title: 'Owner engagement',
        type: 'fixed_price',
        currency: 'EUR',
        contractValueMinor: 1_000_000,
      })
    ).id;
  });

  for (const c of cases) {
    const field = c.path.join('.');
    it(`${c.method} ${field}: the limit is accepted, one over is VALIDATION naming the field`, async () => {
      const max = maxLengthAt(c.method, c.path);
      expect(max).toBeLessThanOrEqual(ORDINARY_TEXT_MAX);
      // Non-ASCII, so no layer counts bytes where the contract counts characters.
      const atLimit = '界'.repeat(max);

      const before = rowCounts();
      const over = await services.invoke(c.method, setAt(c.input(), c.path, `${atLimit}x`));
      expect(over.ok).toBe(false);
      if (!over.ok) {
        expect(over.error.code).toBe('VALIDATION');
        expect(over.error.issues).toContainEqual(
          expect.objectContaining({ path: c.path, code: 'too_big' }),
        );
      }
      expect(rowCounts()).toEqual(before);

      // The same call at exactly the limit goes through: the refusal was the length alone.
      const at = await services.invoke(c.method, setAt(c.input(), c.path, atLimit));
      expect(at.ok ? 'ok' : JSON.stringify(at.error)).toBe('ok');
    });
  }

  it('refuses a 5 MB client name without touching the database', async () => {
    const before = rowCounts();
    const result = await services.invoke('clients.create', {
      displayName: 'A'.repeat(5_000_000),
      defaultCurrency: 'EUR',
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.issues.map((i) => i.path)).toEqual([['displayName']]);
    }
    expect(rowCounts()).toEqual(before);
  });
});
