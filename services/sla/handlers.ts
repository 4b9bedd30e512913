import type { HandlerMap } from '../handler-types';
import { clauseHandlers } from './clauses';
import { complianceHandlers } from './compliance';
import { exposureHandlers } from './exposure';
import { recordHandlers } from './records';

export const slaHandlers = {
  ...clauseHandlers,
  ...recordHandlers,
  ...complianceHandlers,
  ...exposureHandlers,
} satisfies Partial<HandlerMap>;
