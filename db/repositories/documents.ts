import { and, asc, between, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../open';
import {
  creditNotes,
  engagementClauses,
  invoices,
  engagementDocumentSettings,
  type EngagementClauseRow,
  type EngagementDocumentSettingsRow,
} from '../schema';

export type DocumentSettingsData = Omit<EngagementDocumentSettingsRow, 'engagementId'>;

/** An engagement's document settings (one row or none) and its own clause wordings. */
export function createDocumentsRepository(db: AppDatabase) {
  return {
    settings(engagementId: string): EngagementDocumentSettingsRow | undefined {
      return db
        .select()
        .from(engagementDocumentSettings)
        .where(eq(engagementDocumentSettings.engagementId, engagementId))
        .get();
    },

    saveSettings(engagementId: string, data: DocumentSettingsData): void {
      db.insert(engagementDocumentSettings)
        .values({ ...data, engagementId })
        .onConflictDoUpdate({ target: engagementDocumentSettings.engagementId, set: data })
        .run();
    },

    clauses(engagementId: string): EngagementClauseRow[] {
      return db
        .select()
        .from(engagementClauses)
        .where(eq(engagementClauses.engagementId, engagementId))
        .all();
    },

    saveClause(row: EngagementClauseRow): void {
      db.insert(engagementClauses)
        .values(row)
        .onConflictDoUpdate({
          target: [
            engagementClauses.engagementId,
            engagementClauses.clauseKey,
            engagementClauses.language,
          ],
          set: { text: row.text, updatedAt: row.updatedAt },
        })
        .run();
    },

    /**
     * Invoices with a number (issued, partly paid, paid or void) and credit notes issued
     * between two dates inclusive, in issue-date then number order: what a period export
     * writes. Void invoices are in it so the number sequence has no gaps.
     */
    issuedBetween(
      from: string,
      to: string,
      withCreditNotes: boolean,
    ): { invoiceIds: string[]; creditNoteIds: string[] } {
      const invoiceIds = db
        .select({ id: invoices.id })
        .from(invoices)
        .where(
          and(
            between(invoices.issueDate, from, to),
            inArray(invoices.status, ['issued', 'partly_paid', 'paid', 'void']),
          ),
        )
        .orderBy(asc(invoices.issueDate), asc(invoices.number), asc(invoices.id))
        .all()
        .map((r) => r.id);
      const creditNoteIds = withCreditNotes
        ? db
            .select({ id: creditNotes.id })
            .from(creditNotes)
            .where(between(creditNotes.issueDate, from, to))
            .orderBy(asc(creditNotes.issueDate), asc(creditNotes.number), asc(creditNotes.id))
            .all()
            .map((r) => r.id)
        : [];
      return { invoiceIds, creditNoteIds };
    },

    removeClause(engagementId: string, clauseKey: string, language: string): void {
      db.delete(engagementClauses)
        .where(
          and(
            eq(engagementClauses.engagementId, engagementId),
            eq(engagementClauses.clauseKey, clauseKey),
            eq(engagementClauses.language, language as 'en' | 'zh-CN'),
          ),
        )
        .run();
    },
  };
}
