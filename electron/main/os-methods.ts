import type { WebContents } from 'electron';
import type { ApiResult } from '../../core/api/errors';
import type { MethodName } from '../../core/api/contract';

export interface OsMethodContext {
  /** The (already verified) window that asked, to parent dialogs on. */
  sender: WebContents;
}

export type OsMethodHandler = (
  input: unknown,
  context: OsMethodContext,
) => Promise<ApiResult<unknown>>;
export type OsMethods = Partial<Record<MethodName, OsMethodHandler>>;

/**
 * Contract methods that main answers itself because they need the OS, not the database:
 * the save dialog for PDFs and exports, opening a link in the user's browser. They are
 * still declared in core/api (so the renderer's client, the e2e harness and the sender
 * check treat them like any other method); ipc.ts looks here before forwarding to the
 * services process.
 *
 * Rules for adding one: parse `input` with the contract's schema first; let the user, not
 * the renderer, choose any path (the dialog's result is the only path written to); open
 * links only through `safeExternalUrl` in security.ts.
 */
export const osMethods: OsMethods = {};
