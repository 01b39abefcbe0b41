/**
 * Runner side of the benchmark servers: starts raw Node, elproc or Emacs servers in their own
 * processes and reads their CPU time and counters.
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './build';
import { NodeChild, track } from './children';
import { processCpuMicros } from './proc-stat';
import type { ReadyMessage, ServerStats } from './protocol';

export type ServerKind = 'raw' | 'elproc' | 'emacs';
export type ServerMode = 'accept' | 'echo';

export interface BenchServer {
  readonly kind: ServerKind;
  readonly port: number;
  readonly pid: number;
  /** CPU time (user + system) the server process used so far, in microseconds. */
  cpuUs(): Promise<number>;
  /** Counters and memory (Node servers only). */
  stats(): Promise<ServerStats>;
  /** A full garbage collection, then stats (Node servers only). */
  gcStats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

const SERVER_SCRIPTS = {
  raw: 'bench/servers/raw-server.ts',
  elproc: 'bench/servers/elproc-server.ts',
} as const;

const START_TIMEOUT_MS = 20_000;

function isReady(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as ReadyMessage).ready === true;
}

/**
 * ELPROC_BENCH_PROFILE=DIR: the Node servers write V8 CPU profiles (.cpuprofile) into DIR when
 * they exit, for finding what a missed target is made of.
 */
function profileFlags(): string[] {
  const dir = process.env.ELPROC_BENCH_PROFILE;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

async function startNodeServer(kind: 'raw' | 'elproc', mode: ServerMode): Promise<BenchServer> {
  const flags = ['--expose-gc', ...profileFlags()];
  const child = NodeChild.start(`${kind} server`, SERVER_SCRIPTS[kind], [mode], flags);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start`)), START_TIMEOUT_MS);
    child.process.on('message', (message: unknown) => {
      if (!isReady(message)) return;
      clearTimeout(timer);
      resolve(message.port);
    });
    child.process.once('exit', (code) => reject(new Error(`${kind} server exited with ${code} at start`)));
  });
  return {
    kind,
    port,
    pid: child.pid,
    cpuUs: async () => (await child.request<ServerStats>('stats')).cpuUs,
    stats: () => child.request<ServerStats>('stats'),
    gcStats: () => child.request<ServerStats>('gc'),
    stop: () => child.stop(),
  };
}

async function startEmacsServer(lifetimeSeconds: number): Promise<BenchServer> {
  const script = path.join(REPO_ROOT, 'bench', 'servers', 'emacs-echo-server.el');
  const child: ChildProcess = track(
    spawn('emacs', ['--batch', '-Q', '-l', script, String(lifetimeSeconds)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('emacs server did not start')), START_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emacs exited with ${code} at start: ${text}`)));
    child.stderr?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /PORT (\d+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('emacs has no pid');
  const unsupported = (): Promise<ServerStats> => Promise.reject(new Error('Emacs reports no stats'));
  return {
    kind: 'emacs',
    port,
    pid,
    cpuUs: () => Promise.resolve(processCpuMicros(pid)),
    stats: unsupported,
    gcStats: unsupported,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Starts a server of `kind`; Emacs servers are echo servers that live at most `lifetimeSeconds`. */
export function startServer(kind: ServerKind, mode: ServerMode, lifetimeSeconds = 600): Promise<BenchServer> {
  if (kind === 'emacs') {
    if (mode !== 'echo') throw new Error('the Emacs server only echoes');
    return startEmacsServer(lifetimeSeconds);
  }
  return startNodeServer(kind, mode);
}

/** Starts the load generator process. */
export function startLoadGenerator(): NodeChild {
  return NodeChild.start('load generator', 'bench/load/load-generator.ts', []);
}

/** Waits until the server has seen `closed` connections close (bounded), so its work is done. */
export async function waitForCloses(
  server: BenchServer,
  closed: number,
  timeoutMs = 20_000,
): Promise<ServerStats> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stats = await server.stats();
    if (stats.closed >= closed || Date.now() > deadline) return stats;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
