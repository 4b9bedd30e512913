import type { utilityProcess as electronUtilityProcess } from 'electron';
import type { ApiResult } from '../../core/api/errors';
import type { MethodName } from '../../core/api/contract';
import type { FromServices, ToServices } from '../../services/protocol';

/** The slice of Electron's UtilityProcess used here, so tests can drive a fake. */
export interface ServicesChild {
  postMessage(message: ToServices): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export type StartMessage = Extract<ToServices, { type: 'start' }>;

export interface ServicesFatal {
  code: string;
  message: string;
}

export interface ServicesClientOptions {
  spawn: () => ServicesChild;
  start: StartMessage;
  /** The data cannot be served (e.g. SCHEMA_TOO_NEW, or the process keeps dying). */
  onFatal: (fatal: ServicesFatal) => void;
  /** Unexpected exits survived before giving up. */
  maxRestarts?: number;
  log?: (message: string) => void;
}

type State = 'idle' | 'running' | 'stopping' | 'stopped' | 'failed';

/**
 * Main's side of the services utility process: it answers each `invoke` with the reply of
 * the same id (replies arrive in order of completion, not of asking), and turns every way
 * the process can go away into a typed `UNAVAILABLE` result, because the renderer awaits
 * an `ApiResult` and must never hang on a call whose process is gone.
 */
export class ServicesClient {
  private child: ServicesChild | null = null;
  private state: State = 'idle';
  private nextId = 1;
  private restarts = 0;
  private readonly pending = new Map<number, (result: ApiResult<unknown>) => void>();
  private onDrained: (() => void) | null = null;
  private onExited: (() => void) | null = null;

  constructor(private readonly options: ServicesClientOptions) {}

  get running(): boolean {
    return this.state === 'running';
  }

  start(): void {
    if (this.state !== 'idle') return;
    this.state = 'running';
    this.spawn();
  }

  invoke(method: MethodName, input: unknown): Promise<ApiResult<unknown>> {
    const child = this.child;
    if (this.state !== 'running' || child === null) {
      return Promise.resolve(unavailable('The data service is not running.'));
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        child.postMessage({ type: 'invoke', id, method, input });
      } catch {
        this.settle(id, unavailable('The data service is not running.'));
      }
    });
  }

  /**
   * Lets calls already in flight finish (a write the user just confirmed should land),
   * then asks the process to end and waits for it. Nothing is lost if it is killed
   * instead: every committed transaction is already durable (WAL, synchronous=FULL).
   */
  async stop(timeoutMs = 5000): Promise<void> {
    const child = this.child;
    if (child === null || this.state !== 'running') {
      this.state = this.state === 'failed' ? 'failed' : 'stopped';
      return;
    }
    this.state = 'stopping';
    const half = Math.max(1, Math.floor(timeoutMs / 2));
    if (this.pending.size > 0)
      await within(half, new Promise<void>((resolve) => (this.onDrained = resolve)));
    const exited = new Promise<void>((resolve) => (this.onExited = resolve));
    child.kill();
    await within(half, exited);
    this.failPending('The app is closing.');
    this.child = null;
    this.state = 'stopped';
  }

  private spawn(): void {
    const child = this.options.spawn();
    this.child = child;
    // Listeners ignore a child that has been replaced, so a late event from a dead
    // process can never settle a call made to its successor.
    child.on('message', (message) => {
      if (child === this.child) this.receive(message);
    });
    child.on('exit', (code) => {
      if (child === this.child) this.exited(code);
    });
    child.postMessage(this.options.start);
  }

  private receive(message: unknown): void {
    if (!isFromServices(message)) return;
    switch (message.type) {
      case 'result':
        this.settle(message.id, message.result);
        return;
      case 'ready':
        this.log(
          `data file ${message.databaseFile} open at schema version ${message.schemaVersion}`,
        );
        return;
      case 'fatal':
        this.state = 'failed';
        this.failPending(message.message);
        this.child?.kill();
        this.child = null;
        this.options.onFatal({ code: message.code, message: message.message });
        return;
    }
  }

  private exited(code: number): void {
    this.child = null;
    this.failPending('The data service stopped.');
    this.onExited?.();
    this.onExited = null;
    if (this.state !== 'running') return;
    if (this.restarts < (this.options.maxRestarts ?? 1)) {
      this.restarts += 1;
      this.log(`services process exited with code ${code}; restarting it`);
      this.spawn();
      return;
    }
    this.state = 'failed';
    this.options.onFatal({
      code: 'SERVICES_STOPPED',
      message: `The data service stopped unexpectedly (exit code ${code}) and could not be restarted.`,
    });
  }

  private settle(id: number, result: ApiResult<unknown>): void {
    const resolve = this.pending.get(id);
    if (resolve === undefined) return;
    this.pending.delete(id);
    resolve(result);
    if (this.pending.size === 0) {
      this.onDrained?.();
      this.onDrained = null;
    }
  }

  private failPending(message: string): void {
    for (const id of [...this.pending.keys()]) this.settle(id, unavailable(message));
  }

  private log(message: string): void {
    (this.options.log ?? ((text: string) => console.info(`Engagement Desk: ${text}`)))(message);
  }
}

function unavailable(message: string): ApiResult<never> {
  return { ok: false, error: { code: 'UNAVAILABLE', message, issues: [] } };
}

function isFromServices(message: unknown): message is FromServices {
  if (typeof message !== 'object' || message === null) return false;
  const { type } = message as { type?: unknown };
  if (type === 'result') return typeof (message as { id?: unknown }).id === 'number';
  return type === 'ready' || type === 'fatal';
}

function within(ms: number, promise: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts `services.js` in Electron's utility process. Its stdout/stderr are piped and
 * copied to main's with a prefix: an unread pipe would eventually block the child.
 */
export function forkServicesProcess(
  utilityProcess: Pick<typeof electronUtilityProcess, 'fork'>,
  entry: string,
): ServicesChild {
  const child = utilityProcess.fork(entry, [], {
    serviceName: 'Engagement Desk services',
    stdio: 'pipe',
  });
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefixLines(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefixLines(chunk)));
  return child;
}

function prefixLines(chunk: Buffer): string {
  return chunk
    .toString('utf8')
    .split(/(?<=\n)/)
    .map((line) => `[services] ${line}`)
    .join('');
}
