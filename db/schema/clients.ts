import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const clients = sqliteTable(
  'clients',
  {
    id: text('id').primaryKey(),
    displayName: text('display_name').notNull(),
    legalName: text('legal_name').notNull().default(''),
    contactPerson: text('contact_person').notNull().default(''),
    email: text('email').notNull().default(''),
    phone: text('phone').notNull().default(''),
    address: text('address').notNull().default(''),
    taxId: text('tax_id').notNull().default(''),
    defaultCurrency: text('default_currency').notNull(),
    defaultDayRateMinor: integer('default_day_rate_minor').notNull().default(0),
    paymentTermsDays: integer('payment_terms_days').notNull().default(30),
    documentLanguage: text('document_language', { enum: ['en', 'zh-CN'] })
      .notNull()
      .default('en'),
    notes: text('notes').notNull().default(''),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    /** Lower-cased concatenation of the searchable fields, kept by the repository. */
    searchText: text('search_text').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('clients_display_name_idx').on(sql`${t.displayName} COLLATE NOCASE`),
    index('clients_archived_display_name_idx').on(t.archived, sql`${t.displayName} COLLATE NOCASE`),
    index('clients_updated_at_idx').on(t.updatedAt),
    check(
      'clients_day_rate_integer',
      sql`typeof(${t.defaultDayRateMinor}) = 'integer' AND ${t.defaultDayRateMinor} >= 0`,
    ),
    check('clients_terms_range', sql`${t.paymentTermsDays} BETWEEN 0 AND 365`),
    check(
      'clients_currency_iso',
      sql`length(${t.defaultCurrency}) = 3 AND upper(${t.defaultCurrency}) = ${t.defaultCurrency}`,
    ),
    check('clients_language', sql`${t.documentLanguage} IN ('en', 'zh-CN')`),
    check('clients_archived_bool', sql`${t.archived} IN (0, 1)`),
  ],
);

export type ClientRow = typeof clients.$inferSelect;
export type NewClientRow = typeof clients.$inferInsert;
