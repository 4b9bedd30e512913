import { WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION, type MethodOutput } from '../../core/api';
import type { ServiceContext } from '../context';
import { guard, spreadsheetCsv } from '../debt/csv';
import { workspaceTables, type Row, type TableInfo, type WorkspaceTable } from './tables';

/** Every row of a table as stored, ordered by primary key (so two exports compare by text). */
export function readTable(ctx: ServiceContext, info: TableInfo): Row[] {
  const order = info.key.map((c) => `"${c}"`).join(', ');
  return ctx.sqlite.prepare(`SELECT * FROM "${info.name}" ORDER BY ${order}`).all() as Row[];
}

export function readWorkspace(ctx: ServiceContext): Map<WorkspaceTable, Row[]> {
  const data = new Map<WorkspaceTable, Row[]>();
  for (const info of workspaceTables().values()) data.set(info.name, readTable(ctx, info));
  return data;
}

/** `2026-11-21` of the clock, for file names. */
const day = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

/**
 * The workspace file. Compact JSON with one row per line: small enough for 100k-row
 * workspaces, readable in a text editor, and a diff of two exports shows the changed rows.
 */
export function workspaceJson(ctx: ServiceContext): MethodOutput<'workspace.exportJson'> {
  const data = readWorkspace(ctx);
  const header = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_FORMAT_VERSION,
    schemaVersion: ctx.app.schemaVersion,
    exportedAt: ctx.now().toISOString(),
    app: { version: ctx.app.version },
  };
  const parts: string[] = [];
  let rows = 0;
  for (const info of workspaceTables().values()) {
    const tableRows = data.get(info.name)!;
    rows += tableRows.length;
    // Keys in drizzle's column order, whatever order the file's table holds them in.
    const body = tableRows.map((row) => `    ${JSON.stringify(row, info.columns)}`).join(',\n');
    parts.push(`  ${JSON.stringify(info.name)}: [${body ? `\n${body}\n  ` : ''}]`);
  }
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  const json = `${head},\n"data": {\n${parts.join(',\n')}\n}\n}\n`;
  return { fileName: `engagement-desk-${day(ctx)}.json`, json, rows };
}

/**
 * One CSV per table for a spreadsheet or an accountant: the SQL column names as header, values
 * as stored (money in minor units), written and guarded against formula injection like the
 * debt register's and the period export's CSVs (`spreadsheetCsv`, `guard`).
 */
export function workspaceCsv(ctx: ServiceContext): MethodOutput<'workspace.exportCsvFiles'> {
  const files = [];
  for (const info of workspaceTables().values()) {
    const rows = readTable(ctx, info);
    const data = rows.map((row) =>
      info.columns.map((c) => {
        const value = row[c];
        if (value === null || value === undefined) return '';
        return typeof value === 'string' ? guard(value) : String(value);
      }),
    );
    files.push({
      name: `${info.name}.csv`,
      text: spreadsheetCsv(info.columns, data),
      rows: rows.length,
    });
  }
  return { folderName: `engagement-desk-csv-${day(ctx)}`, files };
}
