import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import net from 'node:net';
import {
  deleteProcess,
  getProcess,
  formatNetworkAddress,
  intern,
  processContact,
  processDatagramAddress,
  processList,
  processSendString,
  processStatus,
  setProcessDatagramAddress,
  t,
  vector,
} from '../../../src';
import { Scenario, equalp, lispBool, mk, names, settle, waitUntil } from '../twin';

const datagram = intern('datagram');
const local = intern('local');

import { datagramRecorder } from './datagram';

/** IPv6 datagrams on ::1, and an IPv4-mapped IPv6 server receiving from an IPv4 client. */
const datagramIpv6: Scenario = {
  name: 'datagram-ipv6',
  async twin(out) {
    const got = datagramRecorder();
    // prettier-ignore
    const ds = await mk(
      ':name', 'ds6', ':type', datagram, ':server', t, ':service', t, ':host', '::1', ':filter', intern('dfilt'),
    );
    const port = processContact(ds, ':service') as number;
    out.p('ds6 status', processStatus(ds));
    out.p('ds6 contact t', processContact(ds, t));
    out.p('ds6 contact nil', processContact(ds));
    out.p('ds6 datagram-address initial', processDatagramAddress(ds));
    // prettier-ignore
    const dsf = await mk(
      ':name', 'dsf', ':type', datagram, ':server', t, ':service', t, ':family', intern('ipv6'),
    );
    out.p('dsf (:family ipv6, no host) contact t', processContact(dsf, t));
    // prettier-ignore
    const c1 = await mk(
      ':name', 'c1', ':type', datagram, ':host', '::1', ':service', port, ':filter', intern('dfilt'),
    );
    // prettier-ignore
    const c2 = await mk(
      ':name', 'c2', ':type', datagram, ':remote', vector(0, 0, 0, 0, 0, 0, 0, 1, port),
      ':filter', intern('dfilt'),
    );
    // prettier-ignore
    const c3 = await mk(
      ':name', 'c3', ':type', datagram, ':host', intern('local'), ':family', intern('ipv6'), ':service', port,
      ':filter', intern('dfilt'),
    );
    out.p('c1 contact t', processContact(c1, t));
    out.p('c2 contact t', processContact(c2, t));
    out.p('c3 contact t', processContact(c3, t));
    out.p('c1 datagram-address', processDatagramAddress(c1));
    processSendString(c1, 'six-a');
    await waitUntil(() => got.length > 0);
    processSendString(c2, 'six-b');
    await waitUntil(() => got.length === 2);
    processSendString(c3, 'six-c');
    await waitUntil(() => got.length === 3);
    out.p('server got', got.list);
    got.clear();
    out.p('ds6 contact :remote now', processContact(ds, ':remote'));
    processSendString(ds, 'reply6');
    await waitUntil(() => got.length > 0);
    await settle(200);
    out.p('reply went to', got.list);
    got.clear();
    out.p('format-network-address of the sender', formatNetworkAddress(processDatagramAddress(ds), t));
    out.p('IPv4 vector on IPv6', setProcessDatagramAddress(ds, vector(127, 0, 0, 1, 9)));
    out.p('string on IPv6', setProcessDatagramAddress(ds, '/tmp/x'));
    out.p('IPv6 vector on IPv6', setProcessDatagramAddress(ds, vector(0, 0, 0, 0, 0, 0, 0, 1, port)));
    processSendString(ds, 'to-self');
    await waitUntil(() => got.length > 0);
    out.p(
      'ds6 sent to itself',
      (got.list ?? []).map((x) => (x as unknown[]).slice(0, 2)),
    );
    got.clear();
    // prettier-ignore
    const sink = await mk(
      ':name', 'sink6', ':type', datagram, ':server', t, ':service', t, ':host', '::1', ':filter', t,
    );
    // prettier-ignore
    const big = await mk(
      ':name', 'big6', ':type', datagram, ':host', '::1', ':service', processContact(sink, ':service'),
    );
    await out.try('largest IPv6 datagram (65527 bytes)', () => processSendString(big, 'a'.repeat(65527)));
    await out.try('one byte more (65528)', () => processSendString(big, 'a'.repeat(65528)));
    // prettier-ignore
    const dm = await mk(
      ':name', 'dm', ':type', datagram, ':server', t, ':service', t, ':host', '::ffff:127.0.0.1',
      ':filter', intern('dfilt'),
    );
    out.p('dm contact t', processContact(dm, t));
    // prettier-ignore
    const c4 = await mk(
      ':name', 'c4', ':type', datagram, ':host', '127.0.0.1', ':service', processContact(dm, ':service'),
      ':filter', intern('dfilt'),
    );
    processSendString(c4, 'v4-to-mapped');
    await waitUntil(() => got.length > 0);
    out.p('dm got (mapped sender)', got.list);
    got.clear();
    processSendString(dm, 'mapped-reply');
    await waitUntil(() => got.length > 0);
    out.p('c4 got the reply from', got.list);
  },
};

/** Unix-socket datagram servers and clients; unnamed senders leave the address as it was. */
const datagramLocal: Scenario = {
  name: 'datagram-local',
  async twin(out, ctx) {
    const got = datagramRecorder();
    /** `(car x) (nth 1 x)` and whether the address is `address`. */
    const from = (address: string): unknown[] =>
      (got.list ?? []).map((x) => {
        const [name, str, addr] = x as unknown[];
        return [name, str, lispBool(equalp(addr, address))];
      });
    const path = ctx.tmpPath('udg.sock');
    // prettier-ignore
    const udg = await mk(
      ':name', 'udg', ':type', datagram, ':family', local, ':service', path, ':server', t,
      ':filter', intern('dfilt'),
    );
    out.p('udg status', processStatus(udg));
    out.p('udg contact t', processContact(udg, t));
    out.p('udg contact nil', processContact(udg));
    out.p('udg datagram-address initial', processDatagramAddress(udg));
    out.p('socket file exists', lispBool(existsSync(path)));
    // prettier-ignore
    const uc = await mk(
      ':name', 'uc', ':type', datagram, ':family', local, ':service', path, ':filter', intern('dfilt'),
    );
    out.p('uc status', processStatus(uc));
    out.p('uc contact t', processContact(uc, t));
    out.p('uc datagram-address', processDatagramAddress(uc));
    processSendString(uc, 'hello over unix');
    processSendString(uc, 'second');
    await waitUntil(() => got.length === 2);
    out.p('udg got', got.list);
    got.clear();
    out.p('udg contact :remote after traffic', processContact(udg, ':remote'));
    await out.try('reply to the unnamed sender', () => processSendString(udg, 'reply'));
    const path2 = ctx.tmpPath('udg2.sock');
    // prettier-ignore
    const udg2 = await mk(
      ':name', 'udg2', ':type', datagram, ':family', local, ':service', path2, ':server', t,
      ':filter', intern('dfilt'),
    );
    out.p('udg2 -> udg', lispBool(equalp(path, setProcessDatagramAddress(udg2, path))));
    processSendString(udg2, 'from a named socket');
    await waitUntil(() => got.length > 0);
    out.p('udg got from udg2', from(path2));
    got.clear();
    processSendString(udg, 'answer to udg2');
    await waitUntil(() => got.length > 0);
    out.p('udg2 got the answer', from(path));
    got.clear();
    processSendString(uc, 'unnamed after named');
    await waitUntil(() => got.length > 0);
    out.p('udg got from uc', from(path2));
    got.clear();
    processSendString(udg, 'meant for uc');
    await waitUntil(() => got.length > 0);
    out.p(
      'who got the reply',
      (got.list ?? []).map((x) => (x as unknown[]).slice(0, 2)),
    );
    got.clear();
    out.p('set udg address to a short path', setProcessDatagramAddress(udg, '/x'));
    out.p('set udg address to an IPv4 vector', setProcessDatagramAddress(udg, vector(127, 0, 0, 1, 9)));
    await out.try('send to a path with no socket', () => {
      setProcessDatagramAddress(udg, ctx.tmpPath('nothing.sock'));
      return processSendString(udg, 'x');
    });
    out.p('udg status after the failed send', processStatus(udg));
    // prettier-ignore
    const uc2 = await mk(
      ':name', 'uc2', ':type', datagram, ':family', local, ':service', ctx.tmpPath('absent.sock'),
    );
    out.p('client to an absent path is created', processStatus(uc2));
    await out.try('send from it', () => processSendString(uc2, 'x'));
    deleteProcess(udg);
    out.p('socket file exists after delete-process', lispBool(existsSync(path)));
    await out.try('send to the stale socket file', () => processSendString(uc, 'x'));
    await out.try('re-create on the stale path', () =>
      mk(':name', 'udg3', ':type', datagram, ':family', local, ':service', path, ':server', t),
    );
    out.p('process-list', names(processList()));
  },
};

/**
 * False while 127.0.0.1:PORT (tcp or udp) is taken; the probe is closed at once. Any other
 * failure (EACCES when not root) counts as free: waiting would not change it.
 */
async function canBind(kind: 'tcp' | 'udp', port: number): Promise<boolean> {
  const free = (err: NodeJS.ErrnoException): boolean => err.code !== 'EADDRINUSE';
  if (kind === 'tcp') {
    const server = net.createServer();
    return new Promise((resolve) => {
      server.once('error', (err: NodeJS.ErrnoException) => resolve(free(err)));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  }
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve) => {
    socket.once('error', (err: NodeJS.ErrnoException) => {
      socket.close();
      resolve(free(err));
    });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/**
 * E24: :service names from /etc/services. Name lookups only, no traffic. The servers take
 * 127.0.0.1:80/tcp and 127.0.0.1:69/udp, as the Emacs half (run concurrently from beforeAll)
 * does: listed last, and it first waits until the Emacs half has let go of them.
 */
const serviceNames: Scenario = {
  name: 'service-names',
  async twin(out) {
    await waitUntil(async () => (await canBind('tcp', 80)) && (await canBind('udp', 69)), 10);
    // prettier-ignore
    out.p('dc domain', processContact(
      await mk(':name', 'dc1', ':type', datagram, ':host', '127.0.0.1', ':service', 'domain'), t));
    // prettier-ignore
    out.p('dc tftp', processContact(
      await mk(':name', 'dc2', ':type', datagram, ':host', '127.0.0.1', ':service', 'tftp'), t));
    out.p('dc tftp datagram-address', processDatagramAddress(getProcess('dc2')));
    await out.try('dc http (tcp only)', () =>
      mk(':name', 'dc3', ':type', datagram, ':host', '127.0.0.1', ':service', 'http'),
    );
    await out.try('dc unknown service', () =>
      mk(':name', 'dc4', ':type', datagram, ':host', '127.0.0.1', ':service', 'no-such-service'),
    );
    // prettier-ignore
    out.p('dc numeric string', processContact(
      await mk(':name', 'dc5', ':type', datagram, ':host', '127.0.0.1', ':service', '7'), ':remote'));
    // prettier-ignore
    out.p('dc empty string', processContact(
      await mk(':name', 'dc6', ':type', datagram, ':host', '127.0.0.1', ':service', ''), ':remote'));
    // prettier-ignore
    out.p('dc 70000', processContact(
      await mk(':name', 'dc7', ':type', datagram, ':host', '127.0.0.1', ':service', 70000), ':remote'));
    // prettier-ignore
    out.p('dc ipv6 domain', processContact(
      await mk(':name', 'dc8', ':type', datagram, ':host', '::1', ':service', 'domain'), ':remote'));
    await out.try('stream server http', async () => {
      const hs = await mk(':name', 'hs', ':server', t, ':host', '127.0.0.1', ':service', 'http');
      const contacts = [processContact(hs, t), processContact(hs)];
      deleteProcess(hs);
      return contacts;
    });
    await out.try('datagram server tftp', async () => {
      // prettier-ignore
      const ts = await mk(
        ':name', 'ts', ':type', datagram, ':server', t, ':host', '127.0.0.1', ':service', 'tftp',
      );
      const contacts = [processContact(ts, t), processContact(ts, ':service')];
      deleteProcess(ts);
      return contacts;
    });
    await out.try('stream server tftp (udp only)', () =>
      mk(':name', 'ts2', ':server', t, ':host', '127.0.0.1', ':service', 'tftp'),
    );
    await out.try('datagram server http (tcp only)', () =>
      mk(':name', 'hs2', ':type', datagram, ':server', t, ':host', '127.0.0.1', ':service', 'http'),
    );
    await out.try('stream server unknown service', () =>
      mk(':name', 'us', ':server', t, ':host', '127.0.0.1', ':service', 'no-such-service'),
    );
    out.p('process-list', names(processList()));
  },
};

/** Datagrams over IPv6 and Unix sockets, and :service names. */
export const datagramFamilyScenarios: readonly Scenario[] = [
  datagramIpv6,
  datagramLocal,
  // Last: it waits for the Emacs half to free ports 80 and 69 (see serviceNames).
  serviceNames,
];
