/**
 * `:bindtodevice` and `:dontroute` shown by what the kernel does with the connection, not by
 * reading the option back. elproc runs in a namespace C with two links, to namespaces A and B
 * (test/support/netns.ts); every address is from RFC 5737's documentation ranges:
 *
 *   A  to-c 192.0.2.2/28     ──  via-a 192.0.2.1/28     C     via-b 198.51.100.1/28  ──  to-c 198.51.100.2/28  B
 *   lo 203.0.113.1 (reached from C through the gateway 192.0.2.2)
 *   lo 203.0.113.100                                          lo 203.0.113.100
 *
 * C routes 203.0.113.100 through via-b (metric 10) and through via-a (metric 20), so the same
 * address answers "A" or "B" depending on the device the connection leaves by. Each of A and B
 * runs a raw Node listener on port 7000 that greets every connection with its own letter.
 */
import { describeWithNetns, Driver, LinkEnd, MadeReply, NetnsLab, netnsUnavailable } from '../support/netns';
import { waitFor } from '../support/wait';

const PORT = 7000;
const ONLY_VIA_B = '198.51.100.2';
const BEHIND_GATEWAY = '203.0.113.1';
const ON_LINK_A = '192.0.2.2';
const TWO_HOSTS = '203.0.113.100';

const lab = new NetnsLab('route');
let client: Driver;
let clientNs: string;
let hostA: Driver;
let hostB: Driver;

beforeAll(async () => {
  if (netnsUnavailable !== null) return;
  const [c, a, b] = [await lab.namespace('c'), await lab.namespace('a'), await lab.namespace('b')];
  clientNs = c;
  const end = (ns: string, dev: string, address: string): LinkEnd => ({ ns, dev, address });
  await lab.link(end(c, 'via-a', '192.0.2.1/28'), end(a, 'to-c', '192.0.2.2/28'));
  await lab.link(end(c, 'via-b', '198.51.100.1/28'), end(b, 'to-c', '198.51.100.2/28'));
  await lab.address(a, 'lo', `${BEHIND_GATEWAY}/32`);
  await lab.route(c, '203.0.113.0/28', 'via', ON_LINK_A, 'dev', 'via-a');
  for (const ns of [a, b]) await lab.address(ns, 'lo', `${TWO_HOSTS}/32`);
  await lab.route(c, `${TWO_HOSTS}/32`, 'dev', 'via-b', 'metric', '10');
  await lab.route(c, `${TWO_HOSTS}/32`, 'dev', 'via-a', 'metric', '20');
  const [peerA, peerB, driver] = await Promise.all([lab.driver(a), lab.driver(b), lab.driver(c)]);
  await peerA.listen('0.0.0.0', PORT, 'A\n');
  await peerB.listen('0.0.0.0', PORT, 'B\n');
  [client, hostA, hostB] = [driver, peerA, peerB];
}, 90_000);

afterEach(() => client?.deleteAllProcesses());
afterAll(() => lab.destroy(), 30_000);

/** Connects from C with `options`; returns the greeting it read, after deleting the process. */
async function greeting(name: string, host: string, ...options: unknown[]): Promise<string> {
  const reply = await client.make(':name', name, ':host', host, ':service', PORT, ...options);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error}`);
  expect(reply.status).toBe('open');
  const text = await waitFor(
    () => client.received(name).endsWith('\n') && client.received(name),
    `${name}'s greeting`,
  );
  await client.deleteProcess(name);
  return text;
}

/** Connects from C expecting a failure; checks that nothing (process, descriptor) is left behind. */
async function failure(name: string, host: string, ...options: unknown[]) {
  const reply: MadeReply = await client.make(':name', name, ':host', host, ':service', PORT, ...options);
  if (reply.ok)
    throw new Error(`${name} connected (${reply.local} → ${reply.remote}) but should have failed`);
  expect(reply.processes).toBe(0);
  expect(reply.fdsAfter).toBe(reply.fdsBefore);
  return reply;
}

describeWithNetns(':bindtodevice: the connection leaves by the bound device', () => {
  test(`${ONLY_VIA_B} (only behind via-b) is reached unbound and bound to "via-b", not bound to "via-a"`, async () => {
    expect(await greeting('unbound', ONLY_VIA_B)).toBe('B\n');
    expect(await greeting('bound-b', ONLY_VIA_B, ':bindtodevice', 'via-b')).toBe('B\n');

    const failed = await failure('bound-a', ONLY_VIA_B, ':bindtodevice', 'via-a');
    // With no route through via-a, Linux takes the destination as on-link there: it asks for it
    // by ARP on via-a, nobody answers, and the connect fails with EHOSTUNREACH.
    expect(failed.error).toBe(
      '(file-error "make client process failed" "No route to host" :name "bound-a" :host "198.51.100.2" :service 7000 :bindtodevice "via-a")',
    );
    expect(failed.code).toBe('EHOSTUNREACH');
    const neighbours = await lab.ip(clientNs, 'neigh', 'show', ONLY_VIA_B);
    expect(neighbours).toMatch(/198\.51\.100\.2 dev via-a +(FAILED|INCOMPLETE)/);
    expect(neighbours).toMatch(/198\.51\.100\.2 dev via-b .*lladdr/);
    console.log(`bindtodevice via-a to ${ONLY_VIA_B}: EHOSTUNREACH after ${failed.ms.toFixed(0)} ms`);
    expect(failed.ms).toBeLessThan(10_000);
  }, 30_000);

  test(`${TWO_HOSTS} is host B by the preferred route, host A bound to "via-a", host B bound to "via-b"`, async () => {
    expect(await greeting('two-unbound', TWO_HOSTS)).toBe('B\n');
    expect(await greeting('two-a', TWO_HOSTS, ':bindtodevice', 'via-a')).toBe('A\n');
    expect(await greeting('two-b', TWO_HOSTS, ':bindtodevice', 'via-b')).toBe('B\n');
    expect(await greeting('two-nil', TWO_HOSTS, ':bindtodevice', null)).toBe('B\n');
  }, 30_000);

  test('a server on 0.0.0.0 bound to "via-a" accepts connections from A only; B is refused', async () => {
    const server = (name: string, port: number, ...options: unknown[]) =>
      client.make(':name', name, ':server', true, ':host', '0.0.0.0', ':service', port, ...options);
    expect(await server('srv-a', 7002, ':bindtodevice', 'via-a')).toMatchObject({
      ok: true,
      status: 'listen',
    });
    expect(await server('srv-any', 7003)).toMatchObject({ ok: true, status: 'listen' });
    expect(await hostA.connect('192.0.2.1', 7002)).toMatchObject({ ok: true });
    expect(await hostB.connect('198.51.100.1', 7002)).toMatchObject({ ok: false, code: 'ECONNREFUSED' });
    // Control: unbound, the same server port is reached from both sides.
    expect(await hostA.connect('192.0.2.1', 7003)).toMatchObject({ ok: true });
    expect(await hostB.connect('198.51.100.1', 7003)).toMatchObject({ ok: true });
  }, 30_000);
});

describeWithNetns(':dontroute: only directly connected destinations', () => {
  test(`${BEHIND_GATEWAY} (behind the gateway ${ON_LINK_A}) is reached, but not with :dontroute t`, async () => {
    expect(await greeting('routed', BEHIND_GATEWAY)).toBe('A\n');
    expect(await greeting('routed-nil', BEHIND_GATEWAY, ':dontroute', null)).toBe('A\n');

    const failed = await failure('dontroute', BEHIND_GATEWAY, ':dontroute', true);
    expect(failed.error).toBe(
      '(file-error "make client process failed" "Network is unreachable" :name "dontroute" :host "203.0.113.1" :service 7000 :dontroute t)',
    );
    expect(failed.code).toBe('ENETUNREACH');
    console.log(`dontroute to ${BEHIND_GATEWAY}: ENETUNREACH after ${failed.ms.toFixed(0)} ms`);
    expect(failed.ms).toBeLessThan(1000);
  }, 30_000);

  test('directly connected destinations are still reached with :dontroute t', async () => {
    expect(await greeting('direct-a', ON_LINK_A, ':dontroute', true)).toBe('A\n');
    expect(await greeting('direct-b', ONLY_VIA_B, ':dontroute', true)).toBe('B\n');
  }, 30_000);
});
