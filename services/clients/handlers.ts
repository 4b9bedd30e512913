import type { Client } from '../../core/api';
import { createClientsRepository, type schema } from '../../db';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import type { HandlerMap } from '../handler-types';
import { refuseIfDependents } from './dependents';
import { stashForUndo } from '../audit/undo';

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
    refuseIfDependents(ctx, 'clients', input.id, {
      name: row.displayName,
      reason: 'CLIENT_HAS_DEPENDENTS',
      belongTo: 'still belong to this client',
      instead: 'Archive the client instead.',
    });
    stashForUndo(ctx, 'client', input.id);
    repo(ctx).remove(input.id);
    return { id: input.id };
  },
};
