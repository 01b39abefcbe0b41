/**
 * The stream core end to end on real loopback sockets, reading and writing: elproc servers,
 * clients and children, against each other and against raw Node peers; filters, buffers, coding
 * systems and accept-process-output. Sentinels, statuses and servers are in
 * server-client-lifecycle.test.ts; localhost, `:nowait` and connection errors in
 * server-client-connect.test.ts.
 */
import net from 'net';
import {
  acceptProcessOutput,
  bufferString,
  getBuffer,
  intern,
  NetworkProcess,
  processBuffer,
  processSendString,
  t,
  withCurrentBuffer,
} from '../../src';
import { collect, deleteAllProcesses, make } from '../support/behaviour-helpers';
import { BROKEN, RawPeers, Recorder, recorder, server, statusName } from '../support/stream-helpers';
import { settle, waitFor } from '../support/wait';

const raw = new RawPeers();
afterEach(async () => {
  deleteAllProcesses();
  await raw.closeAll();
});

describe('echo through filters', () => {
  test('an elproc client and an elproc server talk through their filters', async () => {
    const { port } = await server('echo', ':filter', (child: NetworkProcess, text: string) =>
      processSendString(child, text.toUpperCase()),
    );
    const rec = recorder();
    const client = await make(
      ':name',
      'echo-client',
      ':host',
      '127.0.0.1',
      ':service',
      port,
      ':filter',
      rec.filter,
    );
    expect(statusName(client)).toBe('open');
    processSendString(client, 'hello, world\n');
    await waitFor(() => rec.text() === 'HELLO, WORLD\n', 'the echo');
    processSendString(client, 'ünïcödé\n');
    await waitFor(() => rec.text().endsWith('ÜNÏCÖDÉ\n'), 'the second echo');
    expect(rec.text()).toBe('HELLO, WORLD\nÜNÏCÖDÉ\n');
  });
});

describe('reading', () => {
  test('filters get chunks of at most 4096 bytes', async () => {
    const rec = recorder();
    const { port } = await server('chunks', ':filter', rec.filter);
    const payload = Buffer.alloc(100_000);
    for (let i = 0; i < payload.length; i++) payload[i] = 97 + (i % 26);
    const peer = await raw.connect(port);
    peer.write(payload);
    await waitFor(() => rec.text().length >= payload.length, 'all 100000 bytes');
    const sizes = rec.chunks.map((chunk) => Buffer.byteLength(chunk));
    expect(Math.max(...sizes)).toBe(4096);
    expect(sizes.every((size) => size > 0 && size <= 4096)).toBe(true);
    expect(rec.text()).toBe(payload.toString('latin1'));
  });

  test('a UTF-8 character split across reads is decoded whole', async () => {
    const rec = recorder();
    const { port } = await server('utf8', ':filter', rec.filter);
    const peer = await raw.connect(port);
    peer.setNoDelay(true);
    const whole = Buffer.from('abécd€ef😀gh', 'utf8');
    // Split inside é (2 bytes), € (3 bytes) and 😀 (4 bytes); every piece starts with ASCII.
    const cuts = [3, 8, 14, whole.length];
    let from = 0;
    for (const cut of cuts) {
      const seen = rec.chunks.length;
      peer.write(whole.subarray(from, cut));
      await waitFor(() => rec.chunks.length > seen, `the filter to see bytes ${from}..${cut}`);
      from = cut;
    }
    expect(rec.chunks.length).toBe(cuts.length);
    expect(rec.text()).toBe('abécd€ef😀gh');
    expect(rec.chunks.some((chunk) => chunk.includes('\uFFFD'))).toBe(false);
  });

  test('multibyte text larger than a chunk decodes whole across the 4096-byte boundaries', async () => {
    const rec = recorder();
    const { port } = await server('utf8-big', ':filter', rec.filter);
    const text = 'é€😀x'.repeat(3000);
    const bytes = Buffer.from(text, 'utf8');
    const peer = await raw.connect(port);
    peer.write(bytes);
    await waitFor(() => Buffer.byteLength(rec.text()) >= bytes.length, 'all the text');
    expect(rec.chunks.length).toBeGreaterThanOrEqual(Math.ceil(bytes.length / 4096));
    expect(rec.chunks.some((chunk) => chunk.includes('\uFFFD'))).toBe(false);
    expect(rec.text()).toBe(text);
  });

  test.each([
    // Emacs sends multibyte text through binary in its internal form (UTF-8).
    ['binary', [0xc3, 0xa9, 0xff, 0x41], '\u00c3\u00a9\u00ffA', 'é\u00ff', [0xc3, 0xa9, 0xc3, 0xbf]],
    ['latin-1', [0xc3, 0xa9, 0xff, 0x41], 'Ã©ÿA', 'éÿ', [0xe9, 0xff]],
    ['utf-8', [0xc3, 0xa9, 0x41], 'éA', 'éÿ', [0xc3, 0xa9, 0xc3, 0xbf]],
  ])(
    ":coding '%s decodes what it reads and encodes what it sends",
    async (coding, bytes, text, sent, wire) => {
      const rec = recorder();
      const { port, children } = await server(
        `coding-${coding}`,
        ':filter',
        rec.filter,
        ':coding',
        intern(coding),
      );
      const peer = await raw.connect(port);
      const got = collect(peer);
      peer.write(Buffer.from(bytes));
      await waitFor(() => rec.text().length >= text.length, 'the decoded text');
      expect(rec.text()).toBe(text);
      const child = children[0] as NetworkProcess;
      processSendString(child, sent);
      await waitFor(() => got.length >= wire.length, 'the encoded bytes');
      expect([...got.bytes()]).toEqual(wire);
    },
  );

  test('the default filter inserts into the process buffer', async () => {
    const peer = await raw.listen();
    const client = await make(
      ':name',
      'buffered',
      ':buffer',
      'sc-buffer',
      ':host',
      '127.0.0.1',
      ':service',
      peer.port,
    );
    const conn = await peer.nextConnection();
    expect(processBuffer(client)).toBe(getBuffer('sc-buffer'));
    conn.write('first line\n');
    await waitFor(
      () => withCurrentBuffer('sc-buffer', bufferString) === 'first line\n',
      'the first insertion',
    );
    conn.write('second ☃\n');
    await waitFor(() => withCurrentBuffer('sc-buffer', bufferString).length > 11, 'the second insertion');
    expect(withCurrentBuffer('sc-buffer', bufferString)).toBe('first line\nsecond ☃\n');
  });
});

describe('acceptProcessOutput', () => {
  async function clientAndPeer(): Promise<{ client: NetworkProcess; conn: net.Socket; rec: Recorder }> {
    const peer = await raw.listen();
    const rec = recorder();
    const client = await make(
      ':name', 'apo',
      ':host', '127.0.0.1',
      ':service', peer.port,
      ':filter', rec.filter,
      ':sentinel', rec.sentinel,
    ); // prettier-ignore
    return { client, conn: await peer.nextConnection(), rec };
  }

  test('t when output arrives before the timeout', async () => {
    const { client, conn, rec } = await clientAndPeer();
    const waiting = acceptProcessOutput(client, 5);
    conn.write('ping');
    expect(await waiting).toBe(t);
    expect(rec.text()).toBe('ping');
  });

  test('nil when nothing arrives before the timeout', async () => {
    const { client } = await clientAndPeer();
    const started = Date.now();
    expect(await acceptProcessOutput(client, 0.2)).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(await acceptProcessOutput(client, 0, 100)).toBeNull();
  });

  test('with a process and no timeout it waits for output', async () => {
    const { client, conn } = await clientAndPeer();
    let returned = false;
    const waiting = acceptProcessOutput(client).finally(() => (returned = true));
    // Nothing arrives for a while: it does not return meanwhile.
    await settle(100);
    expect(returned).toBe(false);
    conn.write('late');
    expect(await waiting).toBe(t);
  });

  test('with no process: t for output from any process', async () => {
    const { conn } = await clientAndPeer();
    const waiting = acceptProcessOutput(null, 5);
    conn.write('any');
    expect(await waiting).toBe(t);
  });

  test('a process that sends and closes: t the first time, nil the next', async () => {
    const { client, conn, rec } = await clientAndPeer();
    const waiting = acceptProcessOutput(client, 5);
    conn.end('bye');
    expect(await waiting).toBe(t);
    await waitFor(() => statusName(client) === 'closed', 'the close');
    expect(await acceptProcessOutput(client, 0.2)).toBeNull();
    expect(rec.text()).toBe('bye');
    expect(rec.events).toEqual([['apo', BROKEN]]);
  });
});
