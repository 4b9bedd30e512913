import type { z } from 'zod';
import { appMethods } from './app';
import { auditMethods, undoMethods } from './audit';
import { backupMethods } from './backups';
import { billingMethods } from './billing';
import { clientMethods } from './clients';
import { dashboardMethods } from './dashboard';
import { debtMethods } from './debt';
import { documentMethods } from './documents';
import { engagementMethods } from './engagements';
import { profileMethods } from './profile';
import { slaMethods } from './sla';
import { workspaceMethods } from './workspace';

/** `read` methods run outside a transaction; `write` methods run inside one. */
export type MethodKind = 'read' | 'write';

export interface MethodSpec {
  readonly kind: MethodKind;
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  /**
   * 'main': answered by Electron main itself (it needs a native dialog); the services
   * have no handler for it. See electron/main/os-methods.ts.
   */
  readonly host?: 'main';
  /**
   * Takes a file-system path: only main (with a path the user chose in a dialog) and the
   * CLI may call it. Main's IPC guard refuses it from the window.
   */
  readonly internal?: boolean;
  /**
   * Runs alone: the dispatcher waits for the calls in flight, holds new ones until it is
   * done (backups.restore closes and reopens the database).
   */
  readonly exclusive?: boolean;
}

/**
 * The one contract between the UI and the services. A method exists for the renderer,
 * the preload, main's IPC guard and the services dispatcher only if it is listed here.
 */
export const contract = {
  ...appMethods,
  ...backupMethods,
  ...clientMethods,
  ...debtMethods,
  ...profileMethods,
  ...engagementMethods,
  ...billingMethods,
  ...slaMethods,
  ...documentMethods,
  ...dashboardMethods,
  ...auditMethods,
  ...undoMethods,
  ...workspaceMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may pass (defaults still optional). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives after parsing (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

/** Methods Electron main answers (dialogs); the services never see them. */
export type HostMethodName = {
  [M in MethodName]: Contract[M] extends { host: 'main' } ? M : never;
}[MethodName];
/** Methods the services answer. */
export type ServiceMethodName = Exclude<MethodName, HostMethodName>;

const specOf = (name: MethodName): MethodSpec => contract[name];
export const hostMethodNames = methodNames.filter(
  (name) => specOf(name).host === 'main',
) as HostMethodName[];
export const internalMethodNames = methodNames.filter((name) => specOf(name).internal === true);

export function isHostMethod(name: MethodName): name is HostMethodName {
  return specOf(name).host === 'main';
}
/** Refused from the renderer window: only main and the CLI may call it. */
export function isInternalMethod(name: MethodName): boolean {
  return specOf(name).internal === true;
}

export function isExclusiveMethod(name: MethodName): boolean {
  return specOf(name).exclusive === true;
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
