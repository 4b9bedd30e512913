import { and, desc, eq, or, sql } from 'drizzle-orm';
import type {
  AuditAction,
  AuditChange,
  AuditEntity,
  AuditEntry,
  AuditValue,
  ParsedInput,
} from '../../core/api';
import { schema } from '../../db';
import type { ServiceContext } from '../context';

/** One change to record: who is filled in from the profile, when from the clock. */
export interface AuditRecord {
  entity: AuditEntity;
  entityId: string;
  /** The record whose history shows this one too (a milestone's engagement). */
  parentId?: string | null;
  action: AuditAction;
  /** How a person knows the record: the invoice number, the milestone's name. */
  label: string;
  /** The currency of the `…Minor` fields in `changes`. */
  currency?: string | null;
  changes: AuditChange[];
  /** 'system' for a change the app made by itself; the consultant otherwise. */
  actor?: 'user' | 'system';
}

interface Summary {
  label: string;
  currency: string | null;
  changes: AuditChange[];
}

/**
 * Appends one entry to the audit trail. Call it inside the handler that makes the change:
 * the dispatcher's transaction then commits both or neither, so the trail never tells of a
 * change that did not happen, nor misses one that did.
 */
export function recordAudit(ctx: ServiceContext, record: AuditRecord): void {
  const actor = record.actor ?? 'user';
  const summary: Summary = {
    label: record.label,
    currency: record.currency ?? null,
    changes: record.changes.map((c) => ({ field: c.field, from: clip(c.from), to: clip(c.to) })),
  };
  ctx.db
    .insert(schema.auditLog)
    .values({
      id: ctx.newId(),
      at: ctx.now().toISOString(),
      actor,
      actorName: actor === 'user' ? actorName(ctx) : '',
      entity: record.entity,
      entityId: record.entityId,
      parentId: record.parentId ?? null,
      action: record.action,
      summary: JSON.stringify(summary),
    })
    .run();
}

/**
 * The consultant as the profile names them now (name, else business name; '' before it is
 * saved). Only those two columns: the profile row also holds the logo, up to 700 KB of text.
 */
function actorName(ctx: ServiceContext): string {
  const t = schema.consultantProfile;
  const row = ctx.db
    .select({ name: t.name, businessName: t.businessName })
    .from(t)
    .where(eq(t.id, 1))
    .get();
  return row ? row.name || row.businessName : '';
}

/** Long texts (a clause, a scope) are kept to their first 500 characters: enough to tell. */
const MAX_TEXT = 500;
const clip = (value: AuditValue): AuditValue =>
  typeof value === 'string' && value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** The fields among `fields` whose value differs between `before` and `after` (null and '' alike). */
export function changesOf<T extends Record<string, unknown>>(
  before: T,
  after: T,
  fields: ReadonlyArray<keyof T & string>,
): AuditChange[] {
  return fields
    .filter(
      (field) =>
        before[field] !== after[field] && !(isEmpty(before[field]) && isEmpty(after[field])),
    )
    .map((field) => ({
      field,
      from: (before[field] ?? null) as AuditValue,
      to: (after[field] ?? null) as AuditValue,
    }));
}

/** The values of a whole that came (`from` null) or went (`to` null); empty ones say nothing. */
const given = (values: Record<string, AuditValue>) =>
  Object.entries(values).filter(([, value]) => value !== null && value !== '');

export function added(values: Record<string, AuditValue>): AuditChange[] {
  return given(values).map(([field, to]) => ({ field, from: null, to }));
}

export function removed(values: Record<string, AuditValue>): AuditChange[] {
  return given(values).map(([field, from]) => ({ field, from, to: null }));
}

/** A record's history and its parts' (an engagement's milestones), newest first. */
export function listAudit(
  ctx: ServiceContext,
  input: ParsedInput<'audit.list'>,
): { items: AuditEntry[]; total: number; offset: number } {
  const t = schema.auditLog;
  const where = or(
    and(eq(t.entity, input.entity), eq(t.entityId, input.entityId)),
    eq(t.parentId, input.entityId),
  );
  const total =
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(t)
      .where(where)
      .get()?.n ?? 0;
  const rows = ctx.db
    .select()
    .from(t)
    .where(where)
    // Entries of one transaction share a timestamp: the one written last is the newest.
    .orderBy(desc(t.at), desc(sql`rowid`))
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const items = rows.map((row): AuditEntry => {
    const summary = JSON.parse(row.summary) as Summary;
    return {
      id: row.id,
      at: row.at,
      actor: row.actor,
      actorName: row.actorName,
      entity: row.entity,
      entityId: row.entityId,
      action: row.action as AuditAction,
      label: summary.label,
      currency: summary.currency,
      changes: summary.changes,
    };
  });
  return { items, total, offset: input.offset };
}
