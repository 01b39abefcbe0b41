/**
 * Socket bookkeeping seen from outside elproc: this process's descriptors (/proc/self/fd) and the
 * kernel's socket table (`ss`). Socket options and TCP states of one descriptor come from the
 * Python oracle instead (inspect-socket.ts), which reads them independently of elproc's FFI.
 */
import { execFile } from 'child_process';
import { readdirSync, readlinkSync } from 'fs';
import net from 'net';
import { promisify } from 'util';
import { waitFor, WaitTimeoutError } from './wait';

const execFileAsync = promisify(execFile);

/** Number of open descriptors of this process. */
export function openDescriptorCount(): number {
  return readdirSync('/proc/self/fd').length;
}

/** Descriptor number → what it points at ("socket:[inode]", a path…), for naming leaks. */
export function openDescriptors(): Map<string, string> {
  const result = new Map<string, string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      result.set(fd, readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // Closed between readdir and readlink (the readdir's own descriptor, for one).
    }
  }
  return result;
}

/**
 * What descriptor `fd` of this process points at. A socket's target ("socket:[inode]") outlives
 * the descriptor number, which the kernel may hand to the next socket at once.
 */
export function descriptorTarget(fd: number | null): string {
  if (fd === null) throw new Error('descriptorTarget: the process has no descriptor (fd is null)');
  return readlinkSync(`/proc/self/fd/${fd}`);
}

/** Whether any descriptor of this process still points at `target` (from descriptorTarget). */
export function descriptorStillOpen(target: string): boolean {
  return [...openDescriptors().values()].includes(target);
}

/**
 * Waits (up to `timeoutMs`) until this process has no more than `baseline` descriptors open, and
 * returns the count then. Closes issued in the last turn of the event loop (a raw peer answering a
 * FIN, for one) take a moment; a real leak never goes away. It does not throw, so that the
 * caller's assertion shows the counts, and the leaked descriptors if it names them.
 */
export async function settledDescriptorCount(baseline: number, timeoutMs = 5000): Promise<number> {
  try {
    await waitFor(() => openDescriptorCount() <= baseline, `at most ${baseline} open descriptors`, timeoutMs);
  } catch (err) {
    if (!(err instanceof WaitTimeoutError)) throw err;
  }
  return openDescriptorCount();
}

/** The descriptor of a Node socket (for the oracle), or null once closed. */
export function nodeSocketFd(socket: net.Socket): number | null {
  const fd = (socket as unknown as { _handle?: { fd?: number } | null })._handle?.fd;
  return typeof fd === 'number' && fd >= 0 ? fd : null;
}

/** TCP states as `ss` prints them, with the name its `state` filter takes. */
const SS_STATE_FILTERS = {
  ESTAB: 'established',
  LISTEN: 'listening',
  'TIME-WAIT': 'time-wait',
  'CLOSE-WAIT': 'close-wait',
  'FIN-WAIT-1': 'fin-wait-1',
  'FIN-WAIT-2': 'fin-wait-2',
  'SYN-SENT': 'syn-sent',
  'SYN-RECV': 'syn-recv',
  'LAST-ACK': 'last-ack',
  CLOSING: 'closing',
} as const;

export type TcpState = keyof typeof SS_STATE_FILTERS;

/** One TCP socket as `ss -tan` shows it. */
export interface SsEntry {
  state: string;
  recvQ: number;
  sendQ: number;
  /** "ADDRESS:PORT" as ss prints it (IPv6 in brackets). */
  local: string;
  peer: string;
}

/**
 * The kernel's TCP sockets (of every process) whose local or peer port is one of `ports`, with
 * `state` only if given. The filter runs in ss, so the output stays small however many sockets
 * the machine has (a load test can leave tens of thousands); the large maxBuffer is a margin.
 */
export async function tcpSockets(
  ports: number | readonly number[],
  { state }: { state?: TcpState } = {},
): Promise<SsEntry[]> {
  const list = typeof ports === 'number' ? [ports] : ports;
  if (list.length === 0) throw new Error('tcpSockets: give at least one port, or ss lists the whole machine');
  const filter = list.map((port) => `sport = :${port} or dport = :${port}`).join(' or ');
  const { stdout } = await execFileAsync(
    'ss',
    ['-Htan', ...(state === undefined ? [] : ['state', SS_STATE_FILTERS[state]]), `( ${filter} )`],
    { timeout: 10_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= (state === undefined ? 5 : 4))
    .map((fields) => {
      // With a single `state`, ss leaves its State column out.
      const [shown, recvQ, sendQ, local, peer] = state === undefined ? fields : [state, ...fields];
      return {
        state: shown ?? '',
        recvQ: Number(recvQ),
        sendQ: Number(sendQ),
        local: local ?? '',
        peer: peer ?? '',
      };
    });
}
