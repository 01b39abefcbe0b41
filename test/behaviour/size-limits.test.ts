/**
 * Where V8's limits stand in for Emacs's: a buffer or string that would outgrow what the engine
 * can hold signals Emacs's own errors ("Maximum buffer size exceeded", "Maximum string size
 * exceeded"), never a RangeError; in a process buffer that nothing consumes, the default
 * filter's error is reported as a filter error and the process keeps running. The buffer limit
 * itself (2^30 characters) is lowered here on one buffer, as 4 GiB cannot be spent on a test.
 */
import net from 'node:net';
import {
  LispBuffer,
  NetworkProcess,
  bufferString,
  concat,
  getBufferCreate,
  insert,
  makeString,
  eraseBuffer,
  processBuffer,
  processContact,
  processStatus,
  t,
  intern,
  withCurrentBuffer,
} from '../../src';
import { GapText, MAX_BUFFER_CHARS } from '../../src/text/buffer/gap-text';
import { deleteAllProcesses, lispErrorOf, make, printedError } from '../support/behaviour-helpers';
import { waitFor } from '../support/wait';

afterEach(deleteAllProcesses);

/** Gives BUFFER text that holds at most `limit` characters (what it held is dropped). */
function limitBuffer(buffer: LispBuffer, limit: number): void {
  (buffer as unknown as { text: GapText }).text = new GapText(16, limit);
}

test('the buffer limit is 2^30 characters', () => {
  expect(MAX_BUFFER_CHARS).toBe(2 ** 30);
});

test('inserting past the limit signals (error "Maximum buffer size exceeded") and leaves the text', async () => {
  const buffer = getBufferCreate('limited');
  limitBuffer(buffer, 1000);
  withCurrentBuffer(buffer, () => insert('x'.repeat(1000)));
  const err = await lispErrorOf(() => withCurrentBuffer(buffer, () => insert('y')));
  expect(printedError(err)).toBe('(error "Maximum buffer size exceeded")');
  expect(withCurrentBuffer(buffer, () => bufferString())).toBe('x'.repeat(1000));
});

test.each<[string, () => unknown]>([
  ['make-string', () => makeString(2 ** 29, 'a'.codePointAt(0) as number)],
  ['concat', () => concat('b'.repeat(2 ** 28), 'c'.repeat(2 ** 28))],
])(
  '%s beyond what a JavaScript string holds: (error "Maximum string size exceeded")',
  async (_name, call) => {
    expect(printedError(await lispErrorOf(call))).toBe('(error "Maximum string size exceeded")');
  },
);

test("a default-filter buffer at its limit: the filter's error is reported, the process keeps running", async () => {
  const reports: string[] = [];
  const spy = jest.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    reports.push(typeof warning === 'string' ? warning : warning.message);
  });
  try {
    const children: NetworkProcess[] = [];
    // prettier-ignore
    const server = await make(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1',
      ':buffer', 'srvbuf', ':log', (_s: NetworkProcess, child: NetworkProcess) => children.push(child));
    const peer = net.connect(processContact(server, ':service') as number, '127.0.0.1');
    await waitFor(() => children.length === 1, 'the child');
    const child = children[0] as NetworkProcess;
    const childBuffer = processBuffer(child) as LispBuffer;
    limitBuffer(childBuffer, 4096);
    const text = (): unknown => withCurrentBuffer(childBuffer, () => bufferString());
    peer.write('z'.repeat(3000));
    await waitFor(() => text() === 'z'.repeat(3000), 'the first 3000 characters');
    peer.write('w'.repeat(3000));
    await waitFor(() => reports.length > 0, 'the report');
    expect(reports[0]).toBe('error in process filter: Maximum buffer size exceeded');
    expect(processStatus(child)).toBe(intern('open'));
    expect(text()).toBe('z'.repeat(3000));
    // The process still reads: once there is room again, output goes in as before.
    withCurrentBuffer(childBuffer, () => eraseBuffer());
    peer.write('v'.repeat(10));
    await waitFor(() => text() === 'v'.repeat(10), 'output after making room');
    peer.destroy();
  } finally {
    spy.mockRestore();
  }
});
