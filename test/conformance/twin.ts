/**
 * The TypeScript counterparts of common.el, so that a twin reads like its Emacs script. Long
 * make-network-process plists in the twins carry `// prettier-ignore`, which keeps them as
 * key/value pairs on a few lines, as in the Emacs scripts, instead of one item per line.
 */
import {
  LispBuffer,
  NetworkProcess,
  bufferSubstringNoProperties,
  defun,
  equal,
  getBuffer,
  intern,
  lispBool,
  makeNetworkProcess,
  processContact,
  processList,
  processName,
  pointMax,
  pointMin,
  withCurrentBuffer,
} from '../../src';
import type { NetworkProcessKey } from '../../src';
import { afterStatusNotifications } from '../../src/process/core/lifecycle';
import { settle, waitFor, WaitTimeoutError } from '../support/wait';

export { Scenario, Transcript, TwinContext } from './harness';
export { equal as equalp, lispBool, settle };

// Emacs has `ignore` built in; scenarios use it as a do-nothing filter or sentinel.
defun('ignore', () => null);

/**
 * make-network-process for a twin: the process, never nil (the "no args" case is written out
 * where it is tested). Synchronous argument errors and rejections both reach the caller's await.
 */
export async function mk(...args: unknown[]): Promise<NetworkProcess> {
  const proc = await makeNetworkProcess(...(args as [NetworkProcessKey, ...unknown[]]));
  if (proc === null) throw new Error('makeNetworkProcess returned nil');
  return proc;
}

/**
 * common.el's `wait-until`: true once `predicate` holds, false after `seconds` (default 3). It
 * does not throw on timeout: a twin must go on and print what it sees, as the Emacs script does
 * after its bounded loop, so that a missed event shows up as a differing line. wait-until looks
 * at its form between accept-process-output calls, which run the sentinels due (status_notify)
 * before they return; so the predicate is looked at once those have run here too.
 */
export async function waitUntil(predicate: () => unknown, seconds = 3): Promise<boolean> {
  const check = async (): Promise<boolean> => {
    await afterStatusNotifications();
    // JavaScript truthiness, as the twins' conditions are written.
    return Boolean(await predicate());
  };
  try {
    return await waitFor(check, 'wait-until', seconds * 1000, 5);
  } catch (err) {
    if (err instanceof WaitTimeoutError) return false;
    throw err;
  }
}

/** common.el's `children-of`: the server's live children, newest first. */
export function childrenOf(serverName: string): NetworkProcess[] {
  return processList().filter((proc) => processName(proc).startsWith(`${serverName} <`));
}

/** common.el's `child-of`. */
export function childOf(serverName: string): NetworkProcess | null {
  return childrenOf(serverName)[0] ?? null;
}

/** common.el's `peer-child`: the child whose :remote is the client's :local. */
export function peerChild(serverName: string, client: NetworkProcess): NetworkProcess | null {
  const local = processContact(client, ':local');
  return childrenOf(serverName).find((child) => equal(processContact(child, ':remote'), local)) ?? null;
}

/** peerChild for a child the scenario has already waited for. */
export function thePeerChild(serverName: string, client: NetworkProcess): NetworkProcess {
  const child = peerChild(serverName, client);
  if (child === null) throw new Error(`no child of ${serverName} for ${processName(client)}`);
  return child;
}

/** common.el's `names`. */
export function names(procs: readonly NetworkProcess[]): string[] {
  return procs.map((proc) => processName(proc));
}

/** common.el's `buffer-text`: the text, or the symbol no-buffer. */
export function bufferText(bufferOrName: LispBuffer | string | null): unknown {
  const buffer = bufferOrName === null ? null : getBuffer(bufferOrName);
  return buffer !== null && buffer.live
    ? withCurrentBuffer(buffer, () => bufferSubstringNoProperties(pointMin(), pointMax()))
    : intern('no-buffer');
}

/** `(memq X (process-list))` reduced to t/nil, as the scenarios print it. */
export function inProcessList(proc: NetworkProcess): unknown {
  return lispBool(processList().includes(proc));
}

/** Emacs's `memq`: the tail of `list` starting at `item`, or nil. */
export function memq<T>(item: T, list: readonly T[]): T[] | null {
  const index = list.indexOf(item);
  return index < 0 ? null : list.slice(index);
}

/** A recorder for sentinel/filter/log calls: `push` like Emacs's, printed oldest first. */
export class Events {
  private items: unknown[] = [];
  push(item: unknown): void {
    this.items.push(item);
  }
  /** `(reverse events)`: oldest first, nil when empty. */
  get list(): unknown[] | null {
    return this.items.length === 0 ? null : [...this.items];
  }
  get length(): number {
    return this.items.length;
  }
  clear(): void {
    this.items = [];
  }
}
