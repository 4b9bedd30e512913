import type { HandlerMap } from '../handler-types';
import { clientDashboardHandlers } from './client';
import { practiceDashboardHandlers } from './practice';

/** The ROI dashboards (issue 8): the practice at a glance and a client's business case. */
export const dashboardHandlers = {
  ...practiceDashboardHandlers,
  ...clientDashboardHandlers,
} satisfies Partial<HandlerMap>;
