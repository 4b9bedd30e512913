import Database from 'better-sqlite3';

export interface Acks {
  clients: Set<string>;
  /** batch key -> rows it wrote */
  batches: Map<string, number>;
  /** invoice id -> number */
  issued: Map<string, string>;
}

export function emptyAcks(): Acks {
  return { clients: new Set(), batches: new Map(), issued: new Map() };
}

/** Reads a worker's stdout lines into the acknowledgements. */
export function recordAck(acks: Acks, line: string): void {
  const [word, kind, a, b] = line.trim().split(' ');
  if (word !== 'ACK') return;
  if (kind === 'client' && a) acks.clients.add(a);
  else if (kind === 'batch' && a && b) acks.batches.set(a, Number(b));
  else if (kind === 'issued' && a && b) acks.issued.set(a, b);
}

export interface CheckResult {
  /** Acknowledged writes that are not in the file. */
  lost: string[];
  /** Multi-row writes found only partly, or numbering with gaps. */
  partial: string[];
  /** integrity_check / foreign_key_check failures, or a file that does not open. */
  corrupt: string[];
}

/**
 * What the crash test asserts after every kill: every acknowledged write is there, no
 * transaction is half there (a CSV batch has all its rows or none; invoice numbers have
 * no gap), and SQLite finds the file intact.
 */
export function checkDatabase(file: string, acks: Acks, batchRows: number): CheckResult {
  const result: CheckResult = { lost: [], partial: [], corrupt: [] };
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    result.corrupt.push(`open: ${String(error)}`);
    return result;
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') result.corrupt.push(`integrity_check: ${String(integrity)}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) result.corrupt.push(`foreign_key_check: ${fk.length} rows`);

    const clientNames = new Set(
      (db.prepare('SELECT display_name AS n FROM clients').all() as Array<{ n: string }>).map(
        (r) => r.n,
      ),
    );
    for (const name of acks.clients) if (!clientNames.has(name)) result.lost.push(`client ${name}`);

    // Every batch seen in the file (acknowledged or not) is whole.
    const counts = new Map<string, number>();
    for (const { title } of db
      .prepare("SELECT title FROM debt_items WHERE title LIKE 'crash-%#%'")
      .all() as Array<{ title: string }>) {
      const key = title.slice(0, title.lastIndexOf('#'));
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, count] of counts)
      if (count !== batchRows) result.partial.push(`batch ${key}: ${count}/${batchRows} rows`);
    for (const [key, rows] of acks.batches)
      if ((counts.get(key) ?? 0) !== rows) {
        if (!counts.has(key)) result.lost.push(`batch ${key}`);
      }

    const invoices = db.prepare('SELECT number, status FROM invoices WHERE id = ?');
    for (const [id, number] of acks.issued) {
      const row = invoices.get(id) as { number: string | null; status: string } | undefined;
      if (!row || row.number !== number) result.lost.push(`invoice ${number}`);
    }
    // Gap-free numbering: each series' counter equals the invoices numbered in its period.
    const series = db
      .prepare("SELECT period, next_value AS next FROM number_series WHERE series = 'invoice'")
      .all() as Array<{ period: string; next: number }>;
    for (const { period, next } of series) {
      // '' is the one series of a pattern without a year.
      const { n } = db
        .prepare(
          "SELECT count(*) AS n FROM invoices WHERE number IS NOT NULL AND (? = '' OR substr(issue_date, 1, 4) = ?)",
        )
        .get(period, period) as { n: number };
      if (n !== next - 1)
        result.partial.push(`invoice series ${period}: counter ${next - 1}, ${n} numbered`);
    }
  } catch (error) {
    // "database disk image is malformed" and the like surface as exceptions, not rows.
    result.corrupt.push(`read: ${String(error)}`);
  } finally {
    db.close();
  }
  return result;
}
