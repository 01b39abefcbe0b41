/**
 * Keepalive timers shown by what they are for: a peer that silently vanishes (its link goes down,
 * so it can send neither FIN nor reset) is detected within seconds with `:keepidle 1 :keepintvl 1
 * :keepcnt 2`, while the same connection without effective keepalive stays open. The detection
 * time is bounded on a shared machine, so a run can miss it under load: retried.
 */
import { t } from '../../src';
import { inspectSocket } from '../support/inspect-socket';
import { describeWithNetns, Driver, NetnsLab, netnsUnavailable } from '../support/netns';
import { settle } from '../support/wait';

jest.retryTimes(2, { logErrorsBeforeRetry: true });

const BROKEN = 'connection broken by remote peer\n';
const KEEPALIVE_FAST = [':keepalive', t, ':keepidle', 1, ':keepintvl', 1, ':keepcnt', 2];

describeWithNetns('keepalive: a peer that silently vanishes (its link goes down, in namespaces)', () => {
  // K (elproc)  to-peer 198.51.100.17/28  ──  to-client 198.51.100.18/28  P (raw Node listener)
  const lab = new NetnsLab('keep');
  let client: Driver;
  let peerNs = '';
  const PEER = '198.51.100.18';

  beforeAll(async () => {
    if (netnsUnavailable !== null) return;
    const k = await lab.namespace('k');
    peerNs = await lab.namespace('p');
    await lab.link(
      { ns: k, dev: 'to-peer', address: '198.51.100.17/28' },
      { ns: peerNs, dev: 'to-client', address: `${PEER}/28` },
    );
    const [listener, driver] = await Promise.all([lab.driver(peerNs), lab.driver(k)]);
    await listener.listen(PEER, 7001);
    client = driver;
  }, 90_000);
  // A retry starts again from a live link and no processes.
  afterEach(async () => {
    if (netnsUnavailable !== null) return;
    await client.deleteAllProcesses();
    client.events.splice(0);
    await lab.ip(peerNs, 'link', 'set', 'to-client', 'up');
  });
  afterAll(() => lab.destroy(), 30_000);

  test('closed with "connection broken by remote peer\\n" in seconds; the controls stay open', async () => {
    const connect = async (name: string, ...options: unknown[]) => {
      const reply = await client.make(':name', name, ':host', PEER, ':service', 7001, ...options);
      if (!reply.ok) throw new Error(`${name}: ${reply.error}`);
      return reply;
    };
    const fast = await connect('fast', ...KEEPALIVE_FAST);
    const controls = {
      'no-keepalive': await connect('no-keepalive'),
      'default-timers': await connect('default-timers', ':keepalive', t),
      'timers-only': await connect('timers-only', ...KEEPALIVE_FAST.slice(2)),
    };
    const read = await inspectSocket(fast.fd, { pid: client.pid });
    const { SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT } = read.options;
    expect([SO_KEEPALIVE, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT]).toEqual([1, 1, 1, 2]);
    expect((await inspectSocket(controls['timers-only'].fd, { pid: client.pid })).options.SO_KEEPALIVE).toBe(
      0,
    );

    // Healthy and idle, no connection is closed, keepalive or not.
    await settle(200);
    expect(client.events.filter((e) => e.event === 'sentinel')).toEqual([]);
    // The peer's end goes down: nothing it holds can send a FIN or a reset any more.
    await lab.ip(peerNs, 'link', 'set', 'to-client', 'down');
    const downAt = performance.now();
    const event = await client.sentinel('fast', 10_000);
    const detectedMs = event.at - downAt;
    expect(event).toMatchObject({ text: BROKEN, status: 'closed', exitStatus: 256 });
    // idle 1 s, then 2 unanswered probes 1 s apart: about 3 s after the last traffic.
    console.log(`keepalive 1/1/2: sentinel "${BROKEN.trim()}" ${detectedMs.toFixed(0)} ms after link down`);
    expect(detectedMs).toBeGreaterThan(1500);
    expect(detectedMs).toBeLessThan(8000);

    // The same connection without (effective) keepalive is still open a second later.
    await settle(1000);
    for (const name of Object.keys(controls)) {
      expect(client.events.filter((e) => e.event === 'sentinel' && e.name === name)).toEqual([]);
      expect(await client.status(name)).toMatchObject({ status: 'open' });
    }
  }, 60_000);
});
