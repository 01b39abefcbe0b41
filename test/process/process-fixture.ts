/**
 * A NetworkProcess built straight from a ProcessInit (as core/create.ts builds one, with no socket
 * and no spec), for the unit tests of the process core. Registration is up to the test.
 */
import { NetworkProcess, ProcessInit } from '../../src/process/core/record';
import type { InternalStatus } from '../../src/process/core/status';
import { resolveCodingSystem } from '../../src/text/coding';

export const UTF8 = resolveCodingSystem('utf-8-unix');

const RUN: InternalStatus = { kind: 'run' };

/** A client stream process named `name`, running, with no buffer and no handlers. */
export function makeProcess(name: string, overrides: Partial<ProcessInit> = {}): NetworkProcess {
  return new NetworkProcess({
    name,
    role: 'client',
    type: 'stream',
    contact: [],
    status: RUN,
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
