import type {
  Contract,
  MethodName,
  MethodOutput,
  ParsedInput,
  ServiceMethodName,
} from '../core/api';
import type { ServiceContext } from './context';

/**
 * A write handler is synchronous because better-sqlite3 transactions are: the dispatcher
 * wraps it in one, so it either commits whole or not at all.
 */
export type Handler<M extends MethodName> = Contract[M]['kind'] extends 'write'
  ? (input: ParsedInput<M>, ctx: ServiceContext) => MethodOutput<M>
  : (input: ParsedInput<M>, ctx: ServiceContext) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** Host methods (answered by Electron main) have no handler here. */
export type HandlerMap<K extends ServiceMethodName = ServiceMethodName> = { [M in K]: Handler<M> };
