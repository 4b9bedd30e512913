import { appHandlers } from './app/handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backups/handlers';
import { billingHandlers } from './billing/handlers';
import { clientHandlers } from './clients/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { debtHandlers } from './debt/handlers';
import { documentHandlers } from './documents/handlers';
import type { HandlerMap } from './handler-types';
import { slaHandlers } from './sla/handlers';
import { workspaceHandlers } from './workspace/handlers';

/** Every contract method has exactly one handler; the type fails to compile otherwise. */
export const handlers: HandlerMap = {
  ...appHandlers,
  ...backupHandlers,
  ...clientHandlers,
  ...debtHandlers,
  ...billingHandlers,
  ...slaHandlers,
  ...documentHandlers,
  ...dashboardHandlers,
  ...auditHandlers,
  ...workspaceHandlers,
};
