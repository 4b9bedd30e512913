import { sql } from 'drizzle-orm';
import { check, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The audit trail: one row per change to an issued invoice, a credit note, an engagement's
 * contract (value, terms, stage) or a milestone's acceptance, written in the transaction of
 * the change itself. Append-only: the migration adds triggers that abort any UPDATE or
 * DELETE of a row.
 *
 * No foreign keys on purpose. Ids are plain text, so deleting a record is never blocked by
 * its history (`findDependents` only sees declared keys) and the history never vanishes in
 * a cascade: it outlives what it describes.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    /** UTC ISO timestamp of the change. */
    at: text('at').notNull(),
    /** 'user': the one local consultant; 'system': a change the app made by itself. */
    actor: text('actor', { enum: ['user', 'system'] }).notNull(),
    /** The consultant as the profile named them at the time (name, else business); may be ''. */
    actorName: text('actor_name').notNull().default(''),
    entity: text('entity', {
      enum: ['invoice', 'credit_note', 'engagement', 'milestone'],
    }).notNull(),
    entityId: text('entity_id').notNull(),
    /**
     * The record whose history also shows this row: a milestone's engagement, a credit
     * note's invoice. Null for an invoice or an engagement itself.
     */
    parentId: text('parent_id'),
    /** e.g. `invoice.issued`, `payment.recorded`, `milestone.accepted`. */
    action: text('action').notNull(),
    /** JSON `{ label, currency, changes: [{ field, from, to }] }`; money in minor units. */
    summary: text('summary').notNull(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityId, t.at),
    index('audit_log_parent_idx').on(t.parentId, t.at),
    check('audit_log_actor', sql`${t.actor} IN ('user', 'system')`),
    check(
      'audit_log_entity',
      sql`${t.entity} IN ('invoice', 'credit_note', 'engagement', 'milestone')`,
    ),
    check('audit_log_action', sql`length(${t.action}) BETWEEN 1 AND 64`),
    check('audit_log_summary', sql`json_valid(${t.summary})`),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
export type NewAuditLogRow = typeof auditLog.$inferInsert;
