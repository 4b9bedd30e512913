import type { HandlerMap } from '../handler-types';
import { listAudit } from './record';
import { undoHandlers } from './undo';

export const auditHandlers = {
  'audit.list': (input, ctx) => listAudit(ctx, input),
  ...undoHandlers,
} satisfies HandlerMap<'audit.list' | 'undo.restore' | 'undo.void'>;
