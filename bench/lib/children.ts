/**
 * Child processes of the benchmarks: spawned with a raised descriptor limit, talked to over Node's
 * IPC channel (request → one reply), and all killed when the benchmark run ends, fails or is
 * interrupted. Every child also bounds its own lifetime (see serveRequests), so nothing outlives a
 * run even if this process is killed outright.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { builtPath } from './build';
import type { Reply, Request } from './protocol';

const live = new Set<ChildProcess>();

/** Kills every child still running (SIGKILL: they hold no state worth a clean exit). */
export function killAllChildren(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
}

let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAllChildren();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

/** The descriptor limit children ask for (capped at the hard limit by the shell). */
export const CHILD_FD_LIMIT = 65536;

/** Tracks a spawned process so killAllChildren reaches it. */
export function track(child: ChildProcess): ChildProcess {
  installExitHooks();
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/**
 * Spawns a program through bash with `ulimit -n` raised to CHILD_FD_LIMIT or the hard limit,
 * whichever is lower (raising the hard limit needs CAP_SYS_RESOURCE). `exec` keeps the PID, so
 * the child's PID is the program's.
 */
export function spawnWithFdLimit(
  program: string,
  args: readonly string[],
  stdio: 'ipc' | 'pipe',
): ChildProcess {
  const script =
    'want=$1; shift; hard=$(ulimit -Hn); ' +
    'if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then want=$hard; fi; ' +
    'ulimit -n "$want" && exec "$@"';
  const child = spawn('bash', ['-c', script, 'bash', String(CHILD_FD_LIMIT), program, ...args], {
    stdio: stdio === 'ipc' ? ['ignore', 'inherit', 'inherit', 'ipc'] : ['ignore', 'pipe', 'inherit'],
  });
  return track(child);
}

/** A Node child (a built bench script) that answers requests. */
export class NodeChild {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exitError: Error | null = null;

  private constructor(
    readonly label: string,
    readonly process: ChildProcess,
  ) {
    process.on('message', (message: Reply) => this.onReply(message));
    process.once('exit', (code, signal) => {
      this.exitError = new Error(`${label} exited (code ${code}, signal ${signal})`);
      for (const waiter of this.pending.values()) waiter.reject(this.exitError);
      this.pending.clear();
    });
  }

  /** Starts `relativeTs` (e.g. 'bench/servers/raw-server.ts') from the build, with extra node flags. */
  static start(
    label: string,
    relativeTs: string,
    args: readonly string[],
    nodeFlags: readonly string[] = [],
  ): NodeChild {
    const child = spawnWithFdLimit(process.execPath, [...nodeFlags, builtPath(relativeTs), ...args], 'ipc');
    return new NodeChild(label, child);
  }

  get pid(): number {
    const pid = this.process.pid;
    if (pid === undefined) throw new Error(`${this.label} has no pid (spawn failed)`);
    return pid;
  }

  /** Sends a request and resolves with the child's result (rejects with the child's error). */
  request<T>(type: string, args: Record<string, unknown> = {}): Promise<T> {
    if (this.exitError !== null) return Promise.reject(this.exitError);
    const id = this.nextId++;
    const message: Request = { id, type, args };
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => resolve(v as T), reject });
      this.process.send(message);
    });
  }

  private onReply(message: Reply): void {
    const waiter = this.pending.get(message.id);
    if (waiter === undefined) return;
    this.pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new Error(`${this.label}: ${message.error}`));
  }

  /** Asks the child to exit, and kills it if it has not within a second. */
  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 1000);
    await exited;
    clearTimeout(timer);
  }
}
