import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServices, type TestServices } from '../../test/support/services';
import {
  DERIVED_TABLES,
  OWNED_BY,
  schemaTables,
  WORKSPACE_TABLES,
  workspaceTables,
} from './tables';

const EVERY_TABLE = [...WORKSPACE_TABLES, ...DERIVED_TABLES].sort();

let services: TestServices;
beforeEach(async () => {
  services = await startTestServices();
});
afterEach(() => services.dispose());

describe('the workspace file covers every table', () => {
  it('lists every table of db/schema, and nothing else', () => {
    // A new table in db/schema must be added to WORKSPACE_TABLES (in write order), or to
    // DERIVED_TABLES when its rows are computed from the others.
    expect(EVERY_TABLE).toEqual([...schemaTables().keys()].sort());
    expect(
      WORKSPACE_TABLES.filter((t) => (DERIVED_TABLES as readonly string[]).includes(t)),
    ).toEqual([]);
  });

  it('lists every table the migrated data file has (but drizzle’s own bookkeeping)', () => {
    const names = (
      services.database.sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'`,
        )
        .all() as { name: string }[]
    ).map((t) => t.name);
    expect(EVERY_TABLE).toEqual(names.sort());
  });

  it('describes each table with all its columns and a key', () => {
    for (const info of workspaceTables().values()) {
      const columns = (
        services.database.sqlite.prepare(`PRAGMA table_info("${info.name}")`).all() as {
          name: string;
        }[]
      ).map((c) => c.name);
      // Same columns (an upgraded table may hold them in another order than drizzle lists).
      expect([...info.columns].sort(), info.name).toEqual(columns.sort());
      expect(info.key.length, info.name).toBeGreaterThan(0);
    }
  });

  it('writes parents before the rows that reference them', () => {
    const order = new Map(WORKSPACE_TABLES.map((t, i) => [t, i]));
    for (const table of WORKSPACE_TABLES) {
      const refs = services.database.sqlite
        .prepare(`PRAGMA foreign_key_list("${table}")`)
        .all() as { table: string }[];
      for (const ref of refs) {
        expect(order.get(ref.table as never), `${table} -> ${ref.table}`).toBeLessThan(
          order.get(table)!,
        );
      }
    }
    for (const [lines, owner] of Object.entries(OWNED_BY)) {
      expect(order.get(owner.parent)).toBeLessThan(order.get(lines as never)!);
    }
  });
});
