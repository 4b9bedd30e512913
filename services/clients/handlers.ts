import type { Client } from '../../core/api';
import { createClientsRepository, findDependents, type schema } from '../../db';
import type { ServiceContext } from '../context';
import { notFound, ServiceError } from '../errors';
import type { HandlerMap } from '../handler-types';

type ClientRow = typeof schema.clients.$inferSelect;

function toClient(row: ClientRow): Client {
  const { searchText: _searchText, ...client } = row;
  return client;
}

function repo(ctx: ServiceContext) {
  return createClientsRepository(ctx.db);
}

function requireRow(ctx: ServiceContext, id: string): ClientRow {
  const row = repo(ctx).get(id);
  if (!row) throw notFound('Client', id);
  return row;
}

function setArchived(ctx: ServiceContext, id: string, archived: boolean): Client {
  const row = requireRow(ctx, id);
  if (row.archived === archived) return toClient(row);
  return toClient(repo(ctx).update(id, { archived, updatedAt: ctx.now().toISOString() })!);
}

export const clientHandlers: HandlerMap<
  | 'clients.list'
  | 'clients.get'
  | 'clients.create'
  | 'clients.update'
  | 'clients.archive'
  | 'clients.restore'
  | 'clients.delete'
> = {
  'clients.list': (input, ctx) => {
    const { items, total } = repo(ctx).list(input);
    return { items: items.map(toClient), total, offset: input.offset };
  },

  'clients.get': (input, ctx) => toClient(requireRow(ctx, input.id)),

  'clients.create': (input, ctx) => {
    const now = ctx.now().toISOString();
    return toClient(
      repo(ctx).insert({
        ...input,
        id: ctx.newId(),
        archived: false,
        createdAt: now,
        updatedAt: now,
      }),
    );
  },

  'clients.update': (input, ctx) => {
    requireRow(ctx, input.id);
    const row = repo(ctx).update(input.id, {
      ...input.changes,
      updatedAt: ctx.now().toISOString(),
    });
    return toClient(row!);
  },

  'clients.archive': (input, ctx) => setArchived(ctx, input.id, true),
  'clients.restore': (input, ctx) => setArchived(ctx, input.id, false),

  'clients.delete': (input, ctx) => {
    const row = requireRow(ctx, input.id);
    const dependents = findDependents(ctx.sqlite, 'clients', input.id);
    if (dependents.length > 0) {
      const total = dependents.reduce((n, d) => n + d.count, 0);
      throw new ServiceError(
        'CONFLICT',
        `${row.displayName} cannot be deleted: ${total} record(s) still belong to this client (${dependents
          .map((d) => `${d.count} in ${d.table}`)
          .join(', ')}). Archive the client instead.`,
        {
          reason: 'CLIENT_HAS_DEPENDENTS',
          details: {
            name: row.displayName,
            count: total,
            tables: dependents.map((d) => d.table).join(', '),
          },
        },
      );
    }
    repo(ctx).remove(input.id);
    return { id: input.id };
  },
};
