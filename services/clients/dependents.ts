import { findDependents } from '../../db';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';

/**
 * Refuses to delete a row that other rows still reference (db/dependents.ts) with CONFLICT,
 * `reason`, and the count per table, e.g. "Acme cannot be deleted: 3 record(s) still belong
 * to this client (3 in invoices). Archive the client instead."
 */
export function refuseIfDependents(
  ctx: ServiceContext,
  table: string,
  id: string,
  refusal: { name: string; reason: string; belongTo: string; instead: string },
): void {
  const dependents = findDependents(ctx.sqlite, table, id);
  if (dependents.length === 0) return;
  const total = dependents.reduce((n, d) => n + d.count, 0);
  throw new ServiceError(
    'CONFLICT',
    `${refusal.name} cannot be deleted: ${total} record(s) ${refusal.belongTo} (${dependents
      .map((d) => `${d.count} in ${d.table}`)
      .join(', ')}). ${refusal.instead}`,
    {
      reason: refusal.reason,
      details: {
        name: refusal.name,
        count: total,
        tables: dependents.map((d) => d.table).join(', '),
      },
    },
  );
}
