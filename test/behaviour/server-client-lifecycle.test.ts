/**
 * Stream processes' lives on real loopback sockets: status changes and the sentinel calls that
 * report them (peer close, reset, half-close, deletion), and servers (stopped, accepting
 * children with Emacs's names, deleted while their children live on).
 */
import {
  acceptProcessOutput,
  continueProcess,
  deleteProcess,
  NetworkProcess,
  prin1ToString,
  processBuffer,
  processContact,
  processExitStatus,
  processList,
  processLiveP,
  processSendEof,
  processSendString,
  setProcessSentinel,
  t,
} from '../../src';
import { collect, connectPeer, deleteAllProcesses, make } from '../support/behaviour-helpers';
import { BROKEN, RawPeers, recorder, server, statusName } from '../support/stream-helpers';
import { waitFor } from '../support/wait';

const raw = new RawPeers();
afterEach(async () => {
  deleteAllProcesses();
  await raw.closeAll();
});

describe('status changes and sentinels', () => {
  test('peer close: closed, exit 256, "connection broken by remote peer", data first', async () => {
    const peer = await raw.listen();
    const log: string[] = [];
    const client = await make(
      ':name', 'closing',
      ':host', '127.0.0.1',
      ':service', peer.port,
      ':filter', (_p: NetworkProcess, text: string) => log.push(`filter ${text}`),
      ':sentinel', (_p: NetworkProcess, event: string) => log.push(`sentinel ${event}`),
    ); // prettier-ignore
    const conn = await peer.nextConnection();
    conn.end('last words');
    await waitFor(() => log.length >= 2, 'the filter and the sentinel');
    expect(log).toEqual(['filter last words', `sentinel ${BROKEN}`]);
    expect(statusName(client)).toBe('closed');
    expect(processExitStatus(client)).toBe(256);
    expect(processLiveP(client)).toBeNull();
    expect(processList()).not.toContain(client);
  });

  test('a peer reset is reported like a close', async () => {
    const { port, children } = await server('reset-srv');
    const rec = recorder();
    const peer = await raw.connect(port);
    const child = await waitFor(() => children[0], 'the child');
    setProcessSentinel(child, rec.sentinel);
    peer.resetAndDestroy();
    await waitFor(() => rec.events.length > 0, 'the sentinel');
    expect(rec.events).toEqual([[child.name, BROKEN]]);
    expect(processExitStatus(child)).toBe(256);
  });

  test('processSendEof half-closes: the peer reads EOF; later output is silently dropped', async () => {
    // A half-open capable peer, so that it does not answer the EOF with its own.
    const peer = await raw.listen('127.0.0.1', { allowHalfOpen: true });
    const rec = recorder();
    const client = await make(
      ':name',
      'eof',
      ':host',
      '127.0.0.1',
      ':service',
      peer.port,
      ':filter',
      rec.filter,
    );
    const conn = await peer.nextConnection();
    conn.setEncoding('utf8');
    let read = '';
    let ended = false;
    conn.on('data', (text: string) => (read += text));
    conn.on('end', () => (ended = true));
    processSendString(client, 'before eof');
    expect(processSendEof(client)).toBe(client);
    await waitFor(() => ended, 'the peer to read EOF');
    expect(read).toBe('before eof');
    expect(statusName(client)).toBe('open');
    expect(processSendString(client, 'after eof')).toBeNull();
    // The peer can still talk to the half-closed process.
    conn.write('reply');
    await waitFor(() => rec.text() === 'reply', 'the reply');
    expect(read).toBe('before eof');
  });

  test('deleteProcess runs the sentinel synchronously with "deleted\\n"', async () => {
    const peer = await raw.listen();
    const rec = recorder();
    const client = await make(
      ':name',
      'del',
      ':host',
      '127.0.0.1',
      ':service',
      peer.port,
      ':sentinel',
      rec.sentinel,
    );
    expect(deleteProcess(client)).toBeNull();
    // No await in between: the sentinel has already run.
    expect(rec.events).toEqual([['del', 'deleted\n']]);
    expect(statusName(client)).toBe('closed');
    expect(processExitStatus(client)).toBe(0);
    expect(processList()).not.toContain(client);
    expect(client.fd).toBeNull();
    // Deleting it again does nothing.
    deleteProcess(client);
    expect(rec.events).toHaveLength(1);
  });
});

describe('servers', () => {
  test(':stop t accepts nothing until continueProcess', async () => {
    const rec = recorder();
    const { srv, port, children } = await server('stopped', ':stop', t, ':filter', rec.filter);
    expect(statusName(srv)).toBe('stop');
    // The kernel still completes the handshake (backlog); elproc must not accept.
    const peer = await raw.connect(port);
    peer.write('queued while stopped');
    expect(await acceptProcessOutput(null, 0.3)).toBeNull();
    expect(children).toEqual([]);
    expect(rec.chunks).toEqual([]);

    expect(continueProcess(srv)).toBe(srv);
    expect(statusName(srv)).toBe('listen');
    const child = await waitFor(() => children[0], 'the queued connection to be accepted');
    await waitFor(() => rec.text() === 'queued while stopped', 'the queued data');
    expect(statusName(child)).toBe('open');
  });

  test('an accepted child: log, then "open from" sentinel; Emacs name, contact and buffer', async () => {
    const calls: string[] = [];
    const srv = await make(
      ':name', 'names',
      ':server', t,
      ':host', '127.0.0.1',
      ':service', t,
      ':log', (_s: NetworkProcess, child: NetworkProcess | null, text: string) =>
        calls.push(`log ${child === null ? 'nil' : child.name} ${text}`),
      ':sentinel', (proc: NetworkProcess, event: string) => calls.push(`sentinel ${proc.name} ${event}`),
    ); // prettier-ignore
    const port = processContact(srv, ':service') as number;
    const peer = await raw.connect(port);
    const peerPort = peer.localPort as number;
    const name = `names <127.0.0.1:${peerPort}>`;
    await waitFor(() => calls.length >= 2, 'the log and the sentinel');
    expect(calls).toEqual([`log ${name} accept from 127.0.0.1\n`, `sentinel ${name} open from 127.0.0.1\n`]);
    const child = processList().find((p) => p.name === name) as NetworkProcess;
    expect(child).toBeDefined();
    expect(statusName(child)).toBe('open');
    expect(processContact(child)).toEqual(['127.0.0.1', peerPort]);
    expect(prin1ToString(processContact(child, ':remote'))).toBe(`[127 0 0 1 ${peerPort}]`);
    expect(prin1ToString(processContact(child, ':local'))).toBe(`[127 0 0 1 ${port}]`);
    // The server's filter is the default one, so the child gets a buffer named after it.
    expect(processBuffer(child)?.name).toBe(name);
  });

  test('an IPv6 child is named with the groups in order (decision 5)', async () => {
    const children: NetworkProcess[] = [];
    const srv = await make(
      ':name', 'six',
      ':server', t,
      ':host', '::1',
      ':service', t,
      ':log', (_s: NetworkProcess, child: NetworkProcess | null) => child !== null && children.push(child),
    ); // prettier-ignore
    const port = processContact(srv, ':service') as number;
    const peer = await raw.connect(port, '::1');
    const child = await waitFor(() => children[0], 'the IPv6 child');
    expect(child.name).toBe(`six <[0:0:0:0:0:0:0:1]:${peer.localPort}>`);
    expect(processContact(child, ':host')).toBe('0:0:0:0:0:0:0:1');
  });

  test('deleting a server leaves its children working', async () => {
    const rec = recorder();
    const { srv, port, children } = await server(
      'parent',
      ':filter', (child: NetworkProcess, text: string) => processSendString(child, `echo:${text}`),
      ':sentinel', rec.sentinel,
    ); // prettier-ignore
    const peer = await raw.connect(port);
    const got = collect(peer);
    const child = await waitFor(() => children[0], 'the child');
    deleteProcess(srv);
    expect(rec.events).toContainEqual(['parent', 'deleted\n']);
    expect(statusName(srv)).toBe('closed');
    expect(statusName(child)).toBe('open');
    expect(processList()).toContain(child);
    expect(processList()).not.toContain(srv);

    peer.write('still there?');
    await waitFor(() => got.bytes().toString() === 'echo:still there?', 'the child to answer');
    // The listening socket is gone.
    await expect(connectPeer(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
