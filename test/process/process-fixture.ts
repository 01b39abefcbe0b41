/**
 * Shared by the unit tests of the process core: a NetworkProcess built straight from a
 * ProcessInit (as core/create.ts builds one, with no socket and no spec; registering it is up to
 * the test), one status of each kind, and what a call throws.
 */
import { LispError } from '../../src/lisp/errors';
import { prin1ToString } from '../../src/lisp/printer';
import { NetworkProcess, ProcessInit } from '../../src/process/core/record';
import type { InternalStatus, StatusKind } from '../../src/process/core/status';
import { resolveCodingSystem } from '../../src/text/coding';

export const UTF8 = resolveCodingSystem('utf-8-unix');

/** One status of each kind (failed with an errno, exit with a code). */
export const STATUS: Readonly<Record<StatusKind, InternalStatus>> = {
  run: { kind: 'run' },
  listen: { kind: 'listen' },
  connect: { kind: 'connect' },
  failed: { kind: 'failed', reason: 111 },
  exit: { kind: 'exit', code: 256 },
  signal: { kind: 'signal', signal: 9, coreDumped: false },
};

export const KINDS = Object.keys(STATUS) as StatusKind[];

/** A stream process named `name`, running, with no buffer and no handlers. */
export function makeProcess(name: string, overrides: Partial<ProcessInit> = {}): NetworkProcess {
  return new NetworkProcess({
    name,
    type: 'stream',
    contact: [],
    status: STATUS.run,
    stopped: false,
    buffer: null,
    filter: null,
    sentinel: null,
    log: null,
    plist: [],
    queryOnExit: true,
    decoding: UTF8,
    encoding: UTF8,
    options: [],
    ...overrides,
  });
}

/** What `fn` throws; a test failure when it returns. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

/** The printed `(SYMBOL . DATA)` of the LispError `fn` signals. */
export function signalOf(fn: () => unknown): string {
  const err = thrown(fn);
  if (err instanceof LispError) return prin1ToString(err.toLisp());
  throw err;
}
