/**
 * Times one `setsockopt(SO_KEEPALIVE, 1)` through each Node path, on the descriptor of a live
 * elproc client connected over loopback (an established TCP socket, as in the C loop):
 *   public    setNetworkProcessOption(proc, ':keepalive', t)
 *   apply     setNetworkOption(fd, ':keepalive', t), the socket half in src/options/apply.ts
 *   koffi     libc().setsockoptInt(fd, SOL_SOCKET, SO_KEEPALIVE, 1), what apply.ts calls
 *   ffi-napi  the same call through createFfiNapiBackend(), when it loads
 * Each variant has its own loop function, so no call site is shared (and made polymorphic).
 */
import path from 'node:path';
import { makeNetworkProcess, NetworkProcess, processContact, setNetworkProcessOption, t } from '../../src';
import { constants, libc, LibcBackend } from '../../src/ffi';
import { setNetworkOption } from '../../src/options';
import { numberArg, serveRequests, stringArg } from '../lib/protocol';

export type Variant = 'public' | 'apply' | 'koffi' | 'ffi-napi';

interface Setup {
  client: NetworkProcess;
  fd: number;
  ffiNapi: LibcBackend | string;
}

function loopPublic(proc: NetworkProcess, n: number): void {
  for (let i = 0; i < n; i++) setNetworkProcessOption(proc, ':keepalive', t);
}

function loopApply(fd: number, n: number): void {
  for (let i = 0; i < n; i++) setNetworkOption(fd, ':keepalive', t);
}

function loopKoffi(backend: LibcBackend, fd: number, level: number, option: number, n: number): void {
  for (let i = 0; i < n; i++) backend.setsockoptInt(fd, level, option, 1);
}

function loopFfiNapi(backend: LibcBackend, fd: number, level: number, option: number, n: number): void {
  for (let i = 0; i < n; i++) backend.setsockoptInt(fd, level, option, 1);
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/** The ffi-napi backend, or why it is unavailable. */
async function loadFfiNapi(): Promise<LibcBackend | string> {
  // The built file sits where src/ffi/ffi-napi-backend.ts would be transpiled to.
  const file = path.join(__dirname, '..', '..', 'src', 'ffi', 'ffi-napi-backend.js');
  let module: unknown;
  try {
    module = await import(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' && firstLine(err).includes('ffi-napi-backend'))
      return 'src/ffi/ffi-napi-backend.ts does not exist';
    return `loading src/ffi/ffi-napi-backend failed: ${firstLine(err)}`;
  }
  const create = (module as { createFfiNapiBackend?: unknown }).createFfiNapiBackend;
  if (typeof create !== 'function') return 'src/ffi/ffi-napi-backend exports no createFfiNapiBackend';
  try {
    return (create as () => LibcBackend)();
  } catch (err) {
    return `createFfiNapiBackend() threw: ${firstLine(err)}`;
  }
}

async function setUp(): Promise<Setup> {
  // prettier-ignore
  const server = await makeNetworkProcess(':name', 'srv', ':server', t, ':host', '127.0.0.1', ':service', t);
  if (server === null) throw new Error('no server');
  // prettier-ignore
  const client = await makeNetworkProcess(
    ':name', 'client', ':host', '127.0.0.1', ':service', processContact(server, ':service'),
  );
  if (client === null || client.fd === null) throw new Error('no client');
  return { client, fd: client.fd, ffiNapi: await loadFfiNapi() };
}

function runLoop(setup: Setup, variant: Variant, n: number): void {
  const c = constants();
  switch (variant) {
    case 'public':
      return loopPublic(setup.client, n);
    case 'apply':
      return loopApply(setup.fd, n);
    case 'koffi':
      return loopKoffi(libc(), setup.fd, c.SOL_SOCKET, c.SO_KEEPALIVE, n);
    case 'ffi-napi':
      if (typeof setup.ffiNapi === 'string') throw new Error(setup.ffiNapi);
      return loopFfiNapi(setup.ffiNapi, setup.fd, c.SOL_SOCKET, c.SO_KEEPALIVE, n);
  }
}

function elapsedNs(setup: Setup, variant: Variant, n: number): number {
  const start = process.hrtime.bigint();
  runLoop(setup, variant, n);
  return Number(process.hrtime.bigint() - start);
}

/** Nanoseconds per call, from a loop sized to last about `targetMs`. */
function measure(
  setup: Setup,
  variant: Variant,
  targetMs: number,
): { nsPerCall: number; iterations: number } {
  let n = 100;
  let ns = elapsedNs(setup, variant, n);
  while (ns < 5e6) {
    n *= 4;
    ns = elapsedNs(setup, variant, n);
  }
  const iterations = Math.max(1, Math.round((n * targetMs * 1e6) / ns));
  return { nsPerCall: elapsedNs(setup, variant, iterations) / iterations, iterations };
}

function isVariant(value: string): value is Variant {
  return value === 'public' || value === 'apply' || value === 'koffi' || value === 'ffi-napi';
}

const ready = setUp();

serveRequests({
  unavailable: async () => {
    const setup = await ready;
    return { 'ffi-napi': typeof setup.ffiNapi === 'string' ? setup.ffiNapi : null };
  },
  measure: async (args) => {
    const variant = stringArg(args, 'variant');
    if (!isVariant(variant)) throw new Error(`unknown variant ${variant}`);
    return measure(await ready, variant, numberArg(args, 'targetMs'));
  },
  memory: () => process.memoryUsage(),
});
