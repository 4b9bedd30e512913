import {
  contract,
  type MethodInput,
  type MethodOutput,
  type ParsedInput,
  type ServiceMethodName,
} from '../../core/api';
import { billingHandlers } from '../billing/handlers';
import { clientHandlers } from '../clients/handlers';
import type { ServiceContext } from '../context';
import { debtHandlers } from '../debt/handlers';
import { slaHandlers } from '../sla/handlers';

/** The read handlers the documents reuse, so a PDF shows what the same screen shows. */
const reads = { ...clientHandlers, ...billingHandlers, ...debtHandlers, ...slaHandlers };
type ReadMethod = keyof typeof reads & ServiceMethodName;

/**
 * Answers a method exactly as the dispatcher would (input parsed with the contract's schema,
 * defaults filled in, the same handler), inside the caller's call. Only synchronous
 * handlers are used here, so the result is the value itself.
 */
export function read<M extends ReadMethod>(
  ctx: ServiceContext,
  method: M,
  input: MethodInput<M>,
): MethodOutput<M> {
  const parsed = contract[method].input.parse(input) as ParsedInput<M>;
  const handler = reads[method] as (i: ParsedInput<M>, c: ServiceContext) => unknown;
  const out = handler(parsed, ctx);
  if (out instanceof Promise) throw new Error(`${method} is asynchronous`);
  return out as MethodOutput<M>;
}
