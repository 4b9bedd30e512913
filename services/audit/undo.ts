import type Database from 'better-sqlite3';
import type { MethodName, UndoKind } from '../../core/api';
import { primaryKeyOf, referencesTo } from '../../db';
import { engagementsRepo } from '../billing/engagements';
import { conflict } from '../billing/errors';
import { invoicesRepo, requireInvoice, toInvoice } from '../billing/invoice-view';
import { auditVoid, syncMilestone } from '../billing/invoices';
import { auditPayment } from '../billing/payments';
import { settle } from '../billing/settlement';
import type { ServiceContext } from '../context';
import type { HandlerMap } from '../handler-types';

/**
 * Undo within the session. A delete the user can undo first copies, in its own transaction,
 * every row it is about to remove: the record, the rows that go with it (found from the
 * schema's ON DELETE CASCADE keys, so a new child table is covered without touching this
 * file) and the references that SQLite will set to null. `undo.restore` puts exactly those
 * rows back in one transaction, after checking that nothing has since taken their place.
 *
 * The copies live in the services process's memory, per database handle: they go when the
 * app closes or a backup is restored, so "undo" never reaches past the session or into
 * another data file. A delete that rolls back leaves a copy nobody was told about; restoring
 * it is refused because the record still exists.
 */

type Row = Record<string, unknown>;

interface Copy {
  /** Parents before children: the order to insert them back in. */
  rows: Array<{ table: string; row: Row }>;
  /** References SQLite sets to null when the record goes (`ON DELETE SET NULL`). */
  nulled: Array<{ table: string; column: string; key: Row; value: unknown }>;
}

interface VoidCopy {
  atMs: number;
  status: string;
  voidReason: string | null;
}

interface SessionStore {
  copies: Map<string, Copy>;
  voids: Map<string, VoidCopy>;
}

/** Kept per session and database: enough for any undo toast the user can still see. */
const MAX_COPIES = 200;

/**
 * A void may be undone for 10 minutes, in the session that made it. A voided invoice keeps
 * its number for good (the series stays gap-free, and the void is on the record), so undoing
 * is not "un-voiding" a document someone may have relied on: it corrects a mis-click before
 * the voided invoice can have gone anywhere, and the audit trail keeps both the void and its
 * undoing. Later, the careful correction is the usual one: a new invoice.
 */
export const VOID_UNDO_MINUTES = 10;

const TABLES: Record<UndoKind, string> = {
  client: 'clients',
  debt_item: 'debt_items',
  engagement: 'engagements',
  invoice_draft: 'invoices',
  payment: 'payments',
  sla_clause: 'sla_clauses',
  sla_incident: 'sla_incidents',
};

const stores = new WeakMap<Database.Database, SessionStore>();

function storeOf(sqlite: Database.Database): SessionStore {
  let store = stores.get(sqlite);
  if (!store) {
    store = { copies: new Map(), voids: new Map() };
    stores.set(sqlite, store);
  }
  return store;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function copyRows(
  sqlite: Database.Database,
  table: string,
  column: string,
  value: unknown,
  copy: Copy,
): void {
  const rows = sqlite
    .prepare(`SELECT * FROM ${quote(table)} WHERE ${quote(column)} = ?`)
    .all(value) as Row[];
  if (rows.length === 0) return;
  const keys = referencesTo(sqlite, table);
  for (const row of rows) {
    copy.rows.push({ table, row });
    for (const key of keys) {
      if (key.onDelete === 'CASCADE') {
        copyRows(sqlite, key.table, key.from, row[key.to], copy);
      } else if (key.onDelete === 'SET NULL') {
        const pk = primaryKeyOf(sqlite, key.table);
        const refs = sqlite
          .prepare(
            `SELECT ${pk.map(quote).join(', ')} FROM ${quote(key.table)} WHERE ${quote(key.from)} = ?`,
          )
          .all(row[key.to]) as Row[];
        for (const ref of refs)
          copy.nulled.push({ table: key.table, column: key.from, key: ref, value: row[key.to] });
      }
    }
  }
}

/**
 * Call inside a delete handler, just before it deletes `id`: keeps what the delete removes,
 * so `undo.restore` can put it back during this session.
 */
export function stashForUndo(ctx: ServiceContext, kind: UndoKind, id: string): void {
  const copy: Copy = { rows: [], nulled: [] };
  copyRows(ctx.sqlite, TABLES[kind], 'id', id, copy);
  const { copies } = storeOf(ctx.sqlite);
  const key = `${kind}:${id}`;
  copies.delete(key);
  copies.set(key, copy);
  if (copies.size > MAX_COPIES) copies.delete(copies.keys().next().value!);
}

/** Call inside `invoices.void`, with the invoice as it was before. */
export function stashVoidForUndo(
  ctx: ServiceContext,
  invoice: { id: string; status: string; voidReason: string | null },
): void {
  storeOf(ctx.sqlite).voids.set(invoice.id, {
    atMs: ctx.now().getTime(),
    status: invoice.status,
    voidReason: invoice.voidReason,
  });
}

function refuseRestore(kind: UndoKind, message: string, reason = 'UNDO_CONFLICT') {
  return conflict(reason, message, { kind });
}

/** Checks that only the record's own kind knows (an overpayment, a second invoice). */
function checkBeforeRestore(ctx: ServiceContext, kind: UndoKind, row: Row): void {
  if (kind === 'payment') {
    const invoice = invoicesRepo(ctx).get(row.invoice_id as string);
    if (!invoice || invoice.status === 'void' || invoice.status === 'draft') {
      throw refuseRestore(kind, 'The payment’s invoice can no longer be paid.');
    }
    if ((row.amount_minor as number) > invoice.balanceMinor) {
      throw conflict(
        'PAYMENT_EXCEEDS_BALANCE',
        `The payment is more than the ${invoice.balanceMinor} (minor units) now due on invoice ${invoice.number}.`,
        { balanceMinor: invoice.balanceMinor, amountMinor: row.amount_minor as number },
      );
    }
  }
  if (kind === 'invoice_draft' && row.milestone_id && row.engagement_id) {
    const billed = engagementsRepo(ctx)
      .milestoneInvoices(row.engagement_id as string)
      .get(row.milestone_id as string);
    if (billed) {
      throw conflict(
        'MILESTONE_ALREADY_INVOICED',
        'The milestone has another invoice now; the draft cannot come back.',
        { name: billed.number ?? '' },
      );
    }
  }
}

function insertRow(sqlite: Database.Database, table: string, row: Row): void {
  const columns = Object.keys(row);
  sqlite
    .prepare(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns
        .map(() => '?')
        .join(', ')})`,
    )
    .run(...columns.map((c) => row[c]));
}

function restore(ctx: ServiceContext, kind: UndoKind, id: string): void {
  const copy = storeOf(ctx.sqlite).copies.get(`${kind}:${id}`);
  if (!copy || copy.rows.length === 0) {
    throw refuseRestore(
      kind,
      'There is nothing to undo: only a delete made in this session can be undone.',
      'UNDO_UNAVAILABLE',
    );
  }
  const table = TABLES[kind];
  const exists = ctx.sqlite.prepare(`SELECT 1 FROM ${quote(table)} WHERE id = ?`).get(id);
  if (exists) throw refuseRestore(kind, 'It is already back.', 'UNDO_ALREADY_DONE');
  const main = copy.rows[0]!.row;
  checkBeforeRestore(ctx, kind, main);
  try {
    for (const { table: t, row } of copy.rows) insertRow(ctx.sqlite, t, row);
    for (const ref of copy.nulled) {
      const where = Object.keys(ref.key).map((c) => `${quote(c)} = ?`);
      ctx.sqlite
        .prepare(
          `UPDATE ${quote(ref.table)} SET ${quote(ref.column)} = ? WHERE ${where.join(' AND ')} AND ${quote(ref.column)} IS NULL`,
        )
        .run(ref.value, ...Object.values(ref.key));
    }
  } catch (error) {
    // A parent deleted since (the client of a debt item), a unique name taken again…
    if (
      error instanceof Error &&
      'code' in error &&
      String(error.code).startsWith('SQLITE_CONSTRAINT')
    ) {
      throw refuseRestore(
        kind,
        'It cannot be put back: what it belonged to has changed since it was deleted.',
      );
    }
    throw error;
  }
  if (kind === 'payment') {
    const before = requireInvoice(ctx, main.invoice_id as string);
    const payment = invoicesRepo(ctx).payment(id)!;
    auditPayment(ctx, 'payment.restored', payment, before, settle(ctx, before));
  }
}

export const undoHandlers: HandlerMap<Extract<MethodName, `undo.${string}`>> = {
  'undo.restore': (input, ctx) => {
    restore(ctx, input.kind, input.id);
    return { kind: input.kind, id: input.id };
  },

  'undo.void': (input, ctx) => {
    const row = requireInvoice(ctx, input.id);
    const { voids } = storeOf(ctx.sqlite);
    const copy = voids.get(row.id);
    if (row.status !== 'void' || !copy) {
      throw conflict(
        'UNDO_UNAVAILABLE',
        'There is nothing to undo: only a void made in this session can be undone.',
        { kind: 'invoice' },
      );
    }
    if (ctx.now().getTime() - copy.atMs > VOID_UNDO_MINUTES * 60_000) {
      throw conflict(
        'UNDO_EXPIRED',
        `A void can only be undone within ${VOID_UNDO_MINUTES} minutes; issue a new invoice instead.`,
        { minutes: VOID_UNDO_MINUTES },
      );
    }
    if (row.milestoneId && row.engagementId) {
      const billed = engagementsRepo(ctx).milestoneInvoices(row.engagementId).get(row.milestoneId);
      if (billed) {
        throw conflict(
          'MILESTONE_ALREADY_INVOICED',
          `The milestone has been invoiced again (${billed.number ?? 'draft'}); the void stays.`,
          { name: billed.number ?? '' },
        );
      }
    }
    const restored = invoicesRepo(ctx).update(row.id, {
      status: copy.status,
      voidReason: copy.voidReason,
      updatedAt: ctx.now().toISOString(),
    });
    voids.delete(row.id);
    auditVoid(ctx, 'invoice.void_undone', row, restored);
    syncMilestone(ctx, restored);
    return toInvoice(ctx, restored);
  },
};
