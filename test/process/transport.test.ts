/**
 * core/transport.ts: how long delete-process lets queued output drain for a `:linger` setting,
 * and NO_TRANSPORT, the transport of a process with no socket.
 */
import { drainLimitMs, LingerMode, NO_TRANSPORT } from '../../src/process/core/transport';
import { makeProcess } from './process-fixture';

describe('drainLimitMs', () => {
  test.each<[string, LingerMode, number | null]>([
    ['nil (deliver, then close normally)', null, Infinity],
    ['0 (reset)', 0, null],
    ['t (no limit)', true, Infinity],
    ['-1 (no limit)', -1, Infinity],
    ['-0.5 (no limit)', -0.5, Infinity],
    ['1 second', 1, 1000],
    ['2.5 seconds', 2.5, 2500],
    ['120 seconds', 120, 120000],
  ])('%s → %p', (_name, linger, expected) => {
    expect(drainLimitMs(linger)).toBe(expected);
  });
});

describe('NO_TRANSPORT', () => {
  test('has no descriptor', () => {
    expect(NO_TRANSPORT.fd).toBeNull();
  });

  test.each<[string, () => unknown]>([
    ['pause', () => NO_TRANSPORT.pause()],
    ['resume', () => NO_TRANSPORT.resume()],
    ['send', () => NO_TRANSPORT.send(Buffer.from('dropped'))],
    ['endOutput', () => NO_TRANSPORT.endOutput()],
    ['close (nil)', () => NO_TRANSPORT.close(null)],
    ['close (reset)', () => NO_TRANSPORT.close(0)],
    ['close (t)', () => NO_TRANSPORT.close(true)],
  ])('%s does nothing and returns undefined', (_name, call) => {
    expect(call()).toBeUndefined();
    expect(call()).toBeUndefined();
    expect(NO_TRANSPORT.fd).toBeNull();
  });

  test('is frozen: nothing can be replaced or added', () => {
    expect(Object.isFrozen(NO_TRANSPORT)).toBe(true);
    expect(() => {
      (NO_TRANSPORT as { fd: number | null }).fd = 3;
    }).toThrow(TypeError);
    expect(() => Object.assign(NO_TRANSPORT, { extra: 1 })).toThrow(TypeError);
    expect(NO_TRANSPORT.fd).toBeNull();
    expect(Object.keys(NO_TRANSPORT).sort()).toEqual([
      'close',
      'endOutput',
      'fd',
      'pause',
      'queuedBytes',
      'resume',
      'send',
      'whenDrained',
    ]);
  });

  test('holds nothing: a drain wait is answered at once', () => {
    expect(NO_TRANSPORT.queuedBytes).toBe(0);
    let called = 0;
    NO_TRANSPORT.whenDrained(() => called++);
    expect(called).toBe(1);
  });

  test('is where every new process starts: no fd', () => {
    const proc = makeProcess('no-socket');
    expect(proc.transport).toBe(NO_TRANSPORT);
    expect(proc.fd).toBeNull();
  });
});
