import { debuglog, inspect } from 'node:util';
import type { LibcBackend } from './types';

/** NODE_DEBUG=elproc: system calls and status changes, through Node's own debug channel. */
export const debug = debuglog('elproc');

function brief(value: unknown): string {
  return Buffer.isBuffer(value)
    ? `<${value.length} bytes>`
    : inspect(value, { depth: 2, breakLength: Infinity });
}

/**
 * The backend with every call traced as `name(args) = result` or `name(args) failed: CODE`. Only
 * made when NODE_DEBUG names elproc, so an untraced program pays nothing per call.
 */
export function traced(backend: LibcBackend): LibcBackend {
  if (!debug.enabled) return backend;
  const wrapped: Record<string, unknown> = {};
  for (const key of Object.keys(backend) as (keyof LibcBackend)[]) {
    const member = backend[key] as unknown;
    if (typeof member !== 'function') {
      wrapped[key] = member;
      continue;
    }
    const call = member as (...args: unknown[]) => unknown;
    wrapped[key] = (...args: unknown[]): unknown => {
      const shown = args.map(brief).join(', ');
      try {
        const result = call.apply(backend, args);
        debug('%s(%s) = %s', key, shown, brief(result));
        return result;
      } catch (err) {
        debug('%s(%s) failed: %s', key, shown, (err as { code?: unknown }).code ?? String(err));
        throw err;
      }
    };
  }
  return wrapped as unknown as LibcBackend;
}
