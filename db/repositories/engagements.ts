import type Database from 'better-sqlite3';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../open';
import {
  engagementDebtItems,
  engagements,
  milestones,
  type EngagementRow,
  type MilestoneRow,
} from '../schema';
import { filterClause, likePattern, prepared, type MoneyFilter } from './sql';

export interface EngagementQuery {
  clientId?: string | undefined;
  stages: string[];
  currency?: string | undefined;
  search: string;
  sort: {
    field: 'title' | 'clientName' | 'stage' | 'contractValue' | 'startDate' | 'updatedAt';
    direction: 'asc' | 'desc';
  };
  offset: number;
  limit: number;
}

/** Money of an engagement's issued, not void invoices, in its currency. */
export interface EngagementTotals {
  invoicedMinor: number;
  netInvoicedMinor: number;
  paidMinor: number;
  outstandingMinor: number;
  invoiceCount: number;
}

const EMPTY_TOTALS: EngagementTotals = {
  invoicedMinor: 0,
  netInvoicedMinor: 0,
  paidMinor: 0,
  outstandingMinor: 0,
  invoiceCount: 0,
};

export function engagementSearchText(row: Pick<EngagementRow, 'title' | 'scope' | 'notes'>) {
  return [row.title, row.scope, row.notes].join('\n').toLocaleLowerCase();
}

const SORTS = {
  title: 'e.title COLLATE NOCASE',
  clientName: 'c.display_name COLLATE NOCASE',
  stage: 'e.stage',
  contractValue: 'e.contract_value_minor',
  startDate: 'e.start_date',
  updatedAt: 'e.updated_at',
} as const;

export function createEngagementsRepository(db: AppDatabase, sqlite: Database.Database) {
  return {
    get(id: string): EngagementRow | undefined {
      return db.select().from(engagements).where(eq(engagements.id, id)).get();
    },

    /** The rows of `ids` in that order (ids that do not exist are left out). */
    getMany(ids: readonly string[]): EngagementRow[] {
      if (ids.length === 0) return [];
      const byId = new Map(
        db
          .select()
          .from(engagements)
          .where(inArray(engagements.id, [...ids]))
          .all()
          .map((r) => [r.id, r]),
      );
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    insert(row: Omit<EngagementRow, 'searchText'>): EngagementRow {
      return db
        .insert(engagements)
        .values({ ...row, searchText: engagementSearchText(row) })
        .returning()
        .get();
    },

    update(id: string, changes: Partial<Omit<EngagementRow, 'id' | 'searchText' | 'createdAt'>>) {
      const current = this.get(id)!;
      const next = { ...current, ...changes };
      return db
        .update(engagements)
        .set({ ...changes, searchText: engagementSearchText(next) })
        .where(eq(engagements.id, id))
        .returning()
        .get();
    },

    remove(id: string): void {
      db.delete(engagements).where(eq(engagements.id, id)).run();
    },

    setDebtItems(id: string, itemIds: readonly string[]): void {
      db.delete(engagementDebtItems).where(eq(engagementDebtItems.engagementId, id)).run();
      const links = [...new Set(itemIds)].map((debtItemId) => ({ engagementId: id, debtItemId }));
      if (links.length > 0) db.insert(engagementDebtItems).values(links).run();
    },

    /** Linked debt item ids of each engagement (one query for a page of engagements). */
    debtItemIdsOf(ids: readonly string[]): Map<string, string[]> {
      const out = new Map<string, string[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return out;
      const rows = prepared(
        sqlite,
        `SELECT engagement_id AS engagementId, debt_item_id AS debtItemId
           FROM engagement_debt_items
          WHERE engagement_id IN (SELECT value FROM json_each(?))
          ORDER BY engagement_id, debt_item_id`,
      ).all(JSON.stringify(ids)) as { engagementId: string; debtItemId: string }[];
      for (const r of rows) out.get(r.engagementId)!.push(r.debtItemId);
      return out;
    },

    /** Display names of the clients of `clientIds`. */
    clientNames(clientIds: readonly string[]): Map<string, string> {
      const rows = prepared(
        sqlite,
        `SELECT id, display_name AS name FROM clients
          WHERE id IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify([...new Set(clientIds)])) as { id: string; name: string }[];
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** Ids among `itemIds` that are debt items of `clientId`. */
    debtItemsOfClient(clientId: string, itemIds: readonly string[]): Set<string> {
      if (itemIds.length === 0) return new Set();
      const rows = prepared(
        sqlite,
        `SELECT id FROM debt_items
          WHERE client_id = ? AND id IN (SELECT value FROM json_each(?))`,
      ).all(clientId, JSON.stringify(itemIds)) as { id: string }[];
      return new Set(rows.map((r) => r.id));
    },

    totals(ids: readonly string[]): Map<string, EngagementTotals> {
      const out = new Map<string, EngagementTotals>();
      if (ids.length === 0) return out;
      const rows = prepared(
        sqlite,
        `SELECT engagement_id AS id,
                sum(total_minor - credited_minor) AS invoicedMinor,
                sum(subtotal_minor) AS netInvoicedMinor,
                sum(paid_minor) AS paidMinor,
                sum(max(balance_minor, 0)) AS outstandingMinor,
                count(*) AS invoiceCount
           FROM invoices
          WHERE engagement_id IN (SELECT value FROM json_each(?))
            AND status NOT IN ('draft', 'void')
          GROUP BY engagement_id`,
      ).all(JSON.stringify(ids)) as (EngagementTotals & { id: string })[];
      for (const { id, ...totals } of rows) out.set(id, totals);
      return out;
    },

    totalsOf(id: string): EngagementTotals {
      return this.totals([id]).get(id) ?? EMPTY_TOTALS;
    },

    milestoneCounts(ids: readonly string[]): Map<string, number> {
      const rows = prepared(
        sqlite,
        `SELECT engagement_id AS id, count(*) AS n FROM milestones
          WHERE engagement_id IN (SELECT value FROM json_each(?)) GROUP BY engagement_id`,
      ).all(JSON.stringify(ids)) as { id: string; n: number }[];
      return new Map(rows.map((r) => [r.id, r.n]));
    },

    list(query: EngagementQuery): { ids: string[]; total: number } {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.clientId) {
        where.push('e.client_id = ?');
        params.push(query.clientId);
      }
      if (query.stages.length) {
        where.push(`e.stage IN (${query.stages.map(() => '?').join(', ')})`);
        params.push(...query.stages);
      }
      if (query.currency) {
        where.push('e.currency = ?');
        params.push(query.currency);
      }
      if (query.search) {
        // The clients' names are matched once (a thousand rows), not once per engagement.
        where.push(
          `(e.search_text LIKE ? ESCAPE '\\' OR e.client_id IN (SELECT id FROM clients WHERE lower(display_name) LIKE ? ESCAPE '\\'))`,
        );
        params.push(likePattern(query.search), likePattern(query.search));
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const dir = query.sort.direction === 'asc' ? 'ASC' : 'DESC';
      // Only the client-name sort needs the clients: it walks them in name order (their
      // index) and stops after the page, instead of sorting every engagement.
      const from =
        query.sort.field === 'clientName'
          ? `FROM clients c CROSS JOIN engagements e ON c.id = e.client_id ${clause}`
          : `FROM engagements e ${clause}`;
      const ids = (
        prepared(
          sqlite,
          `SELECT e.id ${from} ORDER BY ${SORTS[query.sort.field]} ${dir}, e.id ${dir} LIMIT ? OFFSET ?`,
        ).all(...params, query.limit, query.offset) as { id: string }[]
      ).map((r) => r.id);
      // client_id is a NOT NULL foreign key: every engagement has its client.
      const total = (
        prepared(sqlite, `SELECT count(*) AS n FROM engagements e ${clause}`).get(...params) as {
          n: number;
        }
      ).n;
      return { ids, total };
    },

    /**
     * Engagements per stage and currency with their contract value, narrowed by client,
     * engagement and currency (absent = all).
     */
    pipeline(
      filter: MoneyFilter,
    ): { stage: string; currency: string; engagements: number; valueMinor: number }[] {
      const { clause, params } = filterClause(filter, 'e.');
      return prepared(
        sqlite,
        `SELECT stage, currency, count(*) AS engagements, sum(contract_value_minor) AS valueMinor
           FROM engagements e WHERE 1 = 1 ${clause}
          GROUP BY stage, currency`,
      ).all(params) as {
        stage: string;
        currency: string;
        engagements: number;
        valueMinor: number;
      }[];
    },

    /**
     * Engagements that have SLA clauses, with their client and clause count, as above. The
     * CROSS JOIN keeps the clauses (a few hundred) as the outer loop: left to the planner,
     * SQLite walks every engagement and looks for its clauses.
     */
    withSlaClauses(filter: MoneyFilter): {
      engagementId: string;
      engagementTitle: string;
      clientId: string;
      clientName: string;
      currency: string;
      clauses: number;
    }[] {
      const { clause, params } = filterClause(filter, 'e.');
      return prepared(
        sqlite,
        `SELECT e.id AS engagementId, e.title AS engagementTitle, e.client_id AS clientId,
                c.display_name AS clientName, e.currency, count(*) AS clauses
           FROM sla_clauses s
          CROSS JOIN engagements e ON e.id = s.engagement_id
           JOIN clients c ON c.id = e.client_id
          WHERE 1 = 1 ${clause}
          GROUP BY e.id`,
      ).all(params) as {
        engagementId: string;
        engagementTitle: string;
        clientId: string;
        clientName: string;
        currency: string;
        clauses: number;
      }[];
    },

    // --- milestones -------------------------------------------------------------------

    milestones(engagementId: string): MilestoneRow[] {
      return db
        .select()
        .from(milestones)
        .where(eq(milestones.engagementId, engagementId))
        .orderBy(asc(milestones.position))
        .all();
    },

    milestone(id: string): MilestoneRow | undefined {
      return db.select().from(milestones).where(eq(milestones.id, id)).get();
    },

    insertMilestone(row: MilestoneRow): void {
      db.insert(milestones).values(row).run();
    },

    updateMilestone(id: string, changes: Partial<Omit<MilestoneRow, 'id' | 'engagementId'>>) {
      return db.update(milestones).set(changes).where(eq(milestones.id, id)).returning().get();
    },

    removeMilestone(engagementId: string, id: string): void {
      db.delete(milestones)
        .where(and(eq(milestones.engagementId, engagementId), eq(milestones.id, id)))
        .run();
    },

    /** The invoice (not void) billing each milestone of the engagement. */
    milestoneInvoices(engagementId: string): Map<string, { id: string; number: string | null }> {
      const rows = prepared(
        sqlite,
        `SELECT i.milestone_id AS milestoneId, i.id, i.number FROM invoices i
           JOIN milestones m ON m.id = i.milestone_id
          WHERE m.engagement_id = ? AND i.status <> 'void'`,
      ).all(engagementId) as { milestoneId: string; id: string; number: string | null }[];
      return new Map(rows.map((r) => [r.milestoneId, { id: r.id, number: r.number }]));
    },
  };
}

export type EngagementsRepository = ReturnType<typeof createEngagementsRepository>;
