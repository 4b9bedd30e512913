import { z } from 'zod';
import { Invoice } from './billing';
import { ById, CurrencyCode, Id, PageInput, pageOf, Timestamp } from './common';

/** The records with a history: what `audit.list` is asked about. */
export const AuditEntity = z.enum(['invoice', 'credit_note', 'engagement', 'milestone']);
export type AuditEntity = z.infer<typeof AuditEntity>;

/** Every kind of change the audit trail records; the History panel words each one. */
export const AuditAction = z.enum([
  'invoice.issued',
  'invoice.voided',
  'invoice.void_undone',
  'payment.recorded',
  'payment.deleted',
  'payment.restored',
  'credit_note.issued',
  'milestone.accepted',
  'milestone.reopened',
  'milestone.status_changed',
  'contract.terms_updated',
  'engagement.updated',
  'engagement.stage_changed',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** A changed field's value as stored: money fields (`…Minor`) are integer minor units. */
export const AuditValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type AuditValue = z.infer<typeof AuditValue>;

export const AuditChange = z.object({ field: z.string(), from: AuditValue, to: AuditValue });
export type AuditChange = z.infer<typeof AuditChange>;

export const AuditEntry = z.object({
  id: Id,
  at: Timestamp,
  /** 'system': a change the app made by itself (a milestone following its invoice). */
  actor: z.enum(['user', 'system']),
  /** The consultant as the profile named them at the time; '' when it named no one. */
  actorName: z.string(),
  entity: AuditEntity,
  entityId: z.string(),
  action: AuditAction,
  /** What the entry is about in words a person knows it by: a number, a milestone's name. */
  label: z.string(),
  /** The currency of the `…Minor` fields in `changes`, when there are any. */
  currency: CurrencyCode.nullable(),
  changes: z.array(AuditChange),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * One record's history, newest first: an invoice's (with its payments and credit notes),
 * a credit note's, an engagement's (with its milestones'), a milestone's.
 */
export const AuditListInput = z.strictObject({
  entity: AuditEntity,
  entityId: z.string().min(1).max(100),
  ...PageInput,
  limit: PageInput.limit.default(50),
});

export const auditMethods = {
  'audit.list': { kind: 'read', input: AuditListInput, output: pageOf(AuditEntry) },
} as const;

/**
 * What a delete the user can undo in the same session removed. Undoing puts back exactly
 * the rows it removed (the record and everything that went with it).
 */
export const UndoKind = z.enum([
  'client',
  'debt_item',
  'engagement',
  'invoice_draft',
  'payment',
  'sla_clause',
  'sla_incident',
]);
export type UndoKind = z.infer<typeof UndoKind>;

export const UndoRestoreInput = z.strictObject({ kind: UndoKind, id: Id });

export const undoMethods = {
  'undo.restore': {
    kind: 'write',
    input: UndoRestoreInput,
    output: z.object({ kind: UndoKind, id: Id }),
  },
  /** Only within minutes of the void, in the session that made it (services/audit/undo.ts). */
  'undo.void': { kind: 'write', input: ById, output: Invoice },
} as const;
