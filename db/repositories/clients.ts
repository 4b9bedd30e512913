import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '../open';
import { clients, type ClientRow, type NewClientRow } from '../schema';
import { likePattern } from './sql';

export type ClientSortKey =
  'displayName' | 'legalName' | 'defaultCurrency' | 'createdAt' | 'updatedAt';

export interface ClientQuery {
  search: string;
  archived: 'active' | 'archived' | 'all';
  sort: { field: ClientSortKey; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

const SEARCHED: (keyof ClientRow)[] = [
  'displayName',
  'legalName',
  'contactPerson',
  'email',
  'phone',
  'taxId',
];

export function clientSearchText(row: Pick<ClientRow, (typeof SEARCHED)[number]>): string {
  return SEARCHED.map((k) => String(row[k] ?? ''))
    .join('\n')
    .toLocaleLowerCase();
}

const sortColumns = {
  displayName: sql`${clients.displayName} COLLATE NOCASE`,
  legalName: sql`${clients.legalName} COLLATE NOCASE`,
  defaultCurrency: sql`${clients.defaultCurrency}`,
  createdAt: sql`${clients.createdAt}`,
  updatedAt: sql`${clients.updatedAt}`,
} satisfies Record<ClientSortKey, SQL>;

export function createClientsRepository(db: AppDatabase) {
  function where(query: Pick<ClientQuery, 'search' | 'archived'>): SQL | undefined {
    const parts: SQL[] = [];
    if (query.archived !== 'all') parts.push(eq(clients.archived, query.archived === 'archived'));
    if (query.search)
      parts.push(sql`${clients.searchText} LIKE ${likePattern(query.search)} ESCAPE '\\'`);
    return parts.length ? and(...parts) : undefined;
  }

  return {
    list(query: ClientQuery): { items: ClientRow[]; total: number } {
      const condition = where(query);
      const order = query.sort.direction === 'asc' ? asc : desc;
      const items = db
        .select()
        .from(clients)
        .where(condition)
        .orderBy(order(sortColumns[query.sort.field]), asc(clients.id))
        .limit(query.limit)
        .offset(query.offset)
        .all();
      const total = db.select({ n: count() }).from(clients).where(condition).get()?.n ?? 0;
      return { items, total };
    },

    get(id: string): ClientRow | undefined {
      return db.select().from(clients).where(eq(clients.id, id)).get();
    },

    insert(row: Omit<NewClientRow, 'searchText'>): ClientRow {
      return db
        .insert(clients)
        .values({ ...row, searchText: clientSearchText(row as ClientRow) })
        .returning()
        .get();
    },

    update(
      id: string,
      changes: Partial<Omit<NewClientRow, 'id' | 'searchText' | 'createdAt'>>,
    ): ClientRow | undefined {
      const current = this.get(id);
      if (!current) return undefined;
      const next = { ...current, ...changes };
      return db
        .update(clients)
        .set({ ...changes, searchText: clientSearchText(next) })
        .where(eq(clients.id, id))
        .returning()
        .get();
    },

    remove(id: string): boolean {
      return db.delete(clients).where(eq(clients.id, id)).run().changes > 0;
    },
  };
}

export type ClientsRepository = ReturnType<typeof createClientsRepository>;
