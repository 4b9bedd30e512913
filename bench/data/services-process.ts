import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiResult } from '../../core/api';
import type { FromServices, ToServices } from '../../services/protocol';
import { MIGRATIONS_FOLDER } from './services';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The services in a process of their own, as in the app (services-child.ts speaks
 * services/protocol.ts over Node's IPC channel, structured clone as Electron's
 * `utilityProcess` does): for the memory bench and the dashboard's first call at start-up.
 */
export interface MemoryUsage {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export class ServicesProcess {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, (r: ApiResult<unknown>) => void>();
  private memoryWaiter: ((u: MemoryUsage) => void) | null = null;
  private readyWaiter: { resolve: () => void; reject: (e: Error) => void } | null = null;

  constructor() {
    this.child = fork(path.join(here, 'services-child.ts'), [], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      // Structured clone, as Electron's utilityProcess messages are.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (raw) => {
      const message = raw as FromServices | { type: 'bench:memory'; usage: MemoryUsage };
      if (message.type === 'ready') this.readyWaiter?.resolve();
      else if (message.type === 'fatal') this.readyWaiter?.reject(new Error(message.message));
      else if (message.type === 'result') {
        this.pending.get(message.id)?.(message.result);
        this.pending.delete(message.id);
      } else if (message.type === 'bench:memory') this.memoryWaiter?.(message.usage);
    });
  }

  start(dataDir: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.readyWaiter = { resolve, reject };
      this.send({
        type: 'start',
        dataDir,
        migrationsFolder: MIGRATIONS_FOLDER,
        appVersion: 'bench',
      });
    });
  }

  invoke(method: string, input: unknown): Promise<ApiResult<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'invoke', id, method, input });
    });
  }

  memory(): Promise<MemoryUsage> {
    return new Promise((resolve) => {
      this.memoryWaiter = resolve;
      this.child.send({ type: 'bench:memory' });
    });
  }

  stop(): void {
    this.child.kill();
  }

  private send(message: ToServices): void {
    this.child.send(message);
  }
}
