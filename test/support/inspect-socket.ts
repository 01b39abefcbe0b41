import { execFile } from 'child_process';
import { join } from 'path';
import { promisify } from 'util';

const execFileAsync = promisify(execFile);

/** The Python oracle: reads socket options through pidfd_getfd, independently of elproc's FFI. */
export const SOCKINSPECT_SCRIPT = join(__dirname, 'sockinspect.py');

/** getsockopt values as the kernel reports them (ints; SO_LINGER as [l_onoff, l_linger]). */
export interface SocketOptionReadings {
  SO_KEEPALIVE: number;
  SO_BROADCAST: number;
  SO_DONTROUTE: number;
  SO_OOBINLINE: number;
  SO_PRIORITY: number;
  SO_REUSEADDR: number;
  SO_REUSEPORT: number;
  SO_SNDBUF: number;
  SO_RCVBUF: number;
  SO_RCVLOWAT: number;
  SO_LINGER: [number, number];
  /** The bound interface name, "" when unbound. */
  SO_BINDTODEVICE: string;
  /** TCP sockets only. */
  TCP_NODELAY?: number;
  TCP_KEEPIDLE?: number;
  TCP_KEEPINTVL?: number;
  TCP_KEEPCNT?: number;
}

/** One inspected socket. */
export interface SocketReport {
  fd: number | null;
  family: string;
  type: string;
  listening: boolean;
  local: [string, number] | string | null;
  peer: [string, number] | string | null;
  options: SocketOptionReadings;
  /** TCP sockets only: the kernel's state (ESTABLISHED, CLOSE_WAIT, CLOSE, …) from TCP_INFO. */
  tcpState?: string;
  /** With `consumeError` only: the pending SO_ERROR as an errno name (e.g. ECONNRESET), or null. */
  soError?: string | null;
}

interface FailedReport {
  fd: number;
  error: string;
  errno: string;
}

async function runOracle(args: string[]): Promise<Array<SocketReport | FailedReport>> {
  const { stdout } = await execFileAsync('python3', [SOCKINSPECT_SCRIPT, ...args], { timeout: 10_000 });
  return JSON.parse(stdout) as Array<SocketReport | FailedReport>;
}

function expectReport(entry: SocketReport | FailedReport | undefined, what: string): SocketReport {
  if (entry === undefined) throw new Error(`sockinspect.py returned nothing for ${what}`);
  if ('error' in entry)
    throw new Error(`sockinspect.py could not inspect ${what}: ${entry.errno} ${entry.error}`);
  return entry;
}

/**
 * Reads the socket options of descriptor `fd` of process `pid` (this process by default) with the
 * Python oracle. Asynchronous, so the event loop (and elproc) keeps running meanwhile.
 * `consumeError` also reads (and so clears) the socket's pending error.
 */
export async function inspectSocket(
  fd: number | null,
  { pid = process.pid, consumeError = false }: { pid?: number; consumeError?: boolean } = {},
): Promise<SocketReport> {
  if (fd === null) throw new Error('inspectSocket: the process has no descriptor (fd is null)');
  const [entry] = await runOracle([...(consumeError ? ['--consume-error'] : []), String(pid), String(fd)]);
  return expectReport(entry, `fd ${fd} of pid ${pid}`);
}

/** The options of a freshly created, unconnected stream socket: the system defaults. */
export async function inspectFreshSocket(family: 'inet' | 'inet6' = 'inet'): Promise<SocketReport> {
  const [entry] = await runOracle(['--fresh', family]);
  return expectReport(entry, `a fresh ${family} socket`);
}
