import type { z } from 'zod';
import { appMethods } from './app';
import { billingMethods } from './billing';
import { clientMethods } from './clients';
import { debtMethods } from './debt';
import { engagementMethods } from './engagements';
import { profileMethods } from './profile';
import { slaMethods } from './sla';

/** `read` methods run outside a transaction; `write` methods run inside one. */
export type MethodKind = 'read' | 'write';

export interface MethodSpec {
  readonly kind: MethodKind;
  readonly input: z.ZodType;
  readonly output: z.ZodType;
}

/**
 * The one contract between the UI and the services. A method exists for the renderer,
 * the preload, main's IPC guard and the services dispatcher only if it is listed here.
 */
export const contract = {
  ...appMethods,
  ...clientMethods,
  ...debtMethods,
  ...profileMethods,
  ...engagementMethods,
  ...billingMethods,
  ...slaMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may pass (defaults still optional). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after parsing (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
