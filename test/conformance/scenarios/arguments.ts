import {
  getBuffer,
  intern,
  lispFloat,
  makeNetworkProcess,
  deleteProcess,
  processContact,
  processList,
  setNetworkProcessOption,
  t,
  vector,
} from '../../../src';
import { Scenario, mk, peerChild, waitUntil } from '../twin';

/** Emacs's most-positive-fixnum on 64-bit builds. */
const MOST_POSITIVE_FIXNUM = 2305843009213693951n;

const snpo: Scenario = {
  name: 'set-network-process-option',
  async twin(out, ctx) {
    const srv = await mk(':name', 'srv', ':server', t, ':service', t);
    const port = processContact(srv, ':service');
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':keepalive', null);
    await waitUntil(() => peerChild('srv', c));
    out.p('contact before', processContact(c, t));
    await out.try('snpo :keepalive t', () => setNetworkProcessOption(c, ':keepalive', t));
    await out.try('snpo :linger 4', () => setNetworkProcessOption(c, ':linger', 4));
    await out.try('snpo :reuseaddr t', () => setNetworkProcessOption(c, ':reuseaddr', t));
    out.p('contact after (existing key updated in place, new keys appended)', processContact(c, t));
    out.p('process-contact :keepalive', processContact(c, ':keepalive'));
    await out.try('snpo unknown :foo', () => setNetworkProcessOption(c, ':foo', 1));
    await out.try('snpo unknown :foo no-error', () => setNetworkProcessOption(c, ':foo', 1, t));
    await out.try('snpo :name (known keyword but not option)', () =>
      setNetworkProcessOption(c, ':name', 'zz', t),
    );
    await out.try('snpo :name without no-error', () => setNetworkProcessOption(c, ':name', 'zz'));
    await out.try('snpo non-keyword symbol keepalive', () =>
      setNetworkProcessOption(c, intern('keepalive'), t, t),
    );
    // E11's `":keepalive"` row (a Lisp string) has no spelling here: ':keepalive' is the keyword.
    await out.try('snpo integer option', () => setNetworkProcessOption(c, 42, t, t));
    await out.try('snpo bad value :priority', () => setNetworkProcessOption(c, ':priority', 'x', t));
    await out.try('snpo bad value :priority float', () =>
      setNetworkProcessOption(c, ':priority', lispFloat(1)),
    );
    await out.try('snpo bad value :bindtodevice', () => setNetworkProcessOption(c, ':bindtodevice', 5));
    await out.try('snpo failing setsockopt with no-error', () =>
      setNetworkProcessOption(c, ':bindtodevice', 'nosuchif0', t),
    );
    await out.try('snpo failing setsockopt', () => setNetworkProcessOption(c, ':bindtodevice', 'nosuchif0'));
    await out.try('snpo :priority -5 (negative)', () => setNetworkProcessOption(c, ':priority', -5));
    await out.try('snpo :priority 7', () => setNetworkProcessOption(c, ':priority', 7));
    await out.try('snpo :linger most-positive-fixnum', () =>
      setNetworkProcessOption(c, ':linger', MOST_POSITIVE_FIXNUM),
    );
    await out.try('snpo :broadcast 0 (non-nil)', () => setNetworkProcessOption(c, ':broadcast', 0));
    await out.try('snpo :bindtodevice lo', () => setNetworkProcessOption(c, ':bindtodevice', 'lo'));
    await out.try('snpo :bindtodevice nil', () => setNetworkProcessOption(c, ':bindtodevice', null));
    await out.try('snpo :oobinline t', () => setNetworkProcessOption(c, ':oobinline', t));
    await out.try('snpo :dontroute t', () => setNetworkProcessOption(c, ':dontroute', t));
    out.p('contact after failures', processContact(c, t));
    await out.try('snpo on non-process', () => setNetworkProcessOption('c', ':keepalive', t));
    await out.try('snpo on server', () => setNetworkProcessOption(srv, ':keepalive', t));
    out.p('server contact after snpo', processContact(srv, t));

    const us = await mk(
      ':name',
      'us',
      ':server',
      t,
      ':family',
      intern('local'),
      ':service',
      ctx.tmpPath('snpo.sock'),
    );
    await out.try('snpo :keepalive on unix socket', () => setNetworkProcessOption(us, ':keepalive', t));
    await out.try('snpo :priority on unix socket', () => setNetworkProcessOption(us, ':priority', 1));
    await out.try('snpo :bindtodevice on unix socket', () =>
      setNetworkProcessOption(us, ':bindtodevice', 'lo'),
    );
    await out.try('snpo :linger on unix socket', () => setNetworkProcessOption(us, ':linger', 3));
    await out.try('snpo :oobinline on unix socket', () => setNetworkProcessOption(us, ':oobinline', t));
    await out.try('snpo :broadcast on unix socket', () => setNetworkProcessOption(us, ':broadcast', t));
    await out.try('snpo :dontroute on unix socket', () => setNetworkProcessOption(us, ':dontroute', t));
    await out.try('snpo :reuseaddr on unix socket', () => setNetworkProcessOption(us, ':reuseaddr', t));
    out.p('unix server contact after snpo', processContact(us, t));
    await out.try('make-network-process unix + :keepalive', async () => {
      // prettier-ignore
      const x = await mk(
        ':name', 'us2', ':server', t, ':family', intern('local'), ':service', ctx.tmpPath('snpo-b.sock'),
        ':keepalive', t, ':priority', 1,
      );
      return processContact(x, t);
    });
    // prettier-ignore
    await out.try('make-network-process unix + :bindtodevice', () =>
      mk(
        ':name', 'us3', ':server', t, ':family', intern('local'), ':service', ctx.tmpPath('snpo-c.sock'),
        ':bindtodevice', 'lo',
      ),
    );
    // prettier-ignore
    await out.try('make-network-process unix + :dontroute', () =>
      mk(
        ':name', 'us4', ':server', t, ':family', intern('local'), ':service', ctx.tmpPath('snpo-d.sock'),
        ':dontroute', t,
      ),
    );
    out.p('process-list', processList());
  },
};

const argumentErrors: Scenario = {
  name: 'argument-errors',
  async twin(out, ctx) {
    const local = intern('local');
    await out.try('no args', () => makeNetworkProcess());
    await out.try('no name', () => mk(':host', '127.0.0.1', ':service', 1));
    await out.try('name symbol', () => mk(':name', intern('foo'), ':host', '127.0.0.1', ':service', 1));
    await out.try('bad :type', () => mk(':name', 'x', ':type', intern('stream'), ':service', 1));
    await out.try('bad :type string', () => mk(':name', 'x', ':type', 'datagram', ':service', 1));
    await out.try(':server+:nowait', () => mk(':name', 'x', ':server', t, ':nowait', t, ':service', t));
    await out.try('bad :family', () => mk(':name', 'x', ':family', intern('inet'), ':service', 1));
    await out.try('bad :family string', () => mk(':name', 'x', ':family', 'ipv4', ':service', 1));
    await out.try(':host integer', () => mk(':name', 'x', ':host', 127, ':service', 1));
    await out.try(':host symbol', () => mk(':name', 'x', ':host', intern('localhost'), ':service', 1));
    await out.try(':service nil (client)', () => mk(':name', 'x', ':host', '127.0.0.1'));
    await out.try(':service symbol', () =>
      mk(':name', 'x', ':host', '127.0.0.1', ':service', intern('http')),
    );
    await out.try(':service float', () => mk(':name', 'x', ':host', '127.0.0.1', ':service', lispFloat(80)));
    await out.try(':service unknown name', () =>
      mk(':name', 'x', ':host', '127.0.0.1', ':service', 'no-such-service'),
    );
    await out.try(':service 70000', () => mk(':name', 'x', ':host', '127.0.0.1', ':service', 70000));
    await out.try(':service -1', () => mk(':name', 'x', ':host', '127.0.0.1', ':service', -1));
    await out.try(':service ""', () => mk(':name', 'x', ':host', '127.0.0.1', ':service', ''));
    await out.try(':service t (client)', () => mk(':name', 'x', ':host', '127.0.0.1', ':service', t));
    await out.try(':host unknown', () => mk(':name', 'x', ':host', 'no-such-host.invalid', ':service', 80));
    await out.try(':host non-ascii', () => mk(':name', 'x', ':host', 'bücher.invalid', ':service', 80));
    await out.try(':host empty', () => mk(':name', 'x', ':host', '', ':service', 80));
    await out.try(':remote malformed', () => mk(':name', 'x', ':remote', vector(1, 2, 3)));
    await out.try(':remote v4 with 6 elements', () =>
      mk(':name', 'x', ':remote', vector(127, 0, 0, 1, 1, 1)),
    );
    await out.try(':remote string (local family)', () =>
      mk(':name', 'x', ':remote', ctx.tmpPath('nonexistent/sock')),
    );
    await out.try(':local malformed (server)', () =>
      mk(':name', 'x', ':server', t, ':local', vector(1, 2, 3, 4)),
    );
    await out.try('conn refused', () => mk(':name', 'x', ':host', '127.0.0.1', ':service', 1));
    await out.try('conn refused :buffer', () =>
      mk(':name', 'x', ':buffer', 'bx', ':host', '127.0.0.1', ':service', 1, ':keepalive', t),
    );
    await out.try('conn refused, :remote and :server nil', () =>
      mk(':name', 'x', ':remote', vector(127, 0, 0, 1, 1), ':server', null),
    );
    await out.try('conn refused, :nowait nil', () =>
      mk(':name', 'x', ':host', '127.0.0.1', ':service', 1, ':nowait', null),
    );
    out.p('process-list after errors', processList().length === 0 ? null : processList());
    out.p('buffer bx created?', getBuffer('bx'));
    await out.try('local too long', () => mk(':name', 'x', ':family', local, ':service', 'a'.repeat(200)));
    await out.try('local service nil', () => mk(':name', 'x', ':family', local));
    await out.try('local service int', () => mk(':name', 'x', ':family', local, ':service', 5));
    await out.try('local service t (server)', () =>
      mk(':name', 'x', ':server', t, ':family', local, ':service', t),
    );
    await out.try('local nonexistent', () =>
      mk(':name', 'x', ':family', local, ':service', ctx.tmpPath('does-not-exist.sock')),
    );
    await out.try('local with host', () =>
      mk(':name', 'x', ':family', local, ':host', 'foo', ':service', ctx.tmpPath('does-not-exist.sock')),
    );
    await out.try('bad priority', () => mk(':name', 'x', ':server', t, ':service', t, ':priority', 'high'));
    await out.try('bad priority float', () =>
      mk(':name', 'x', ':server', t, ':service', t, ':priority', lispFloat(1)),
    );
    await out.try('priority huge', () => mk(':name', 'x', ':server', t, ':service', t, ':priority', 2 ** 40));
    await out.try('bad bindtodevice', () =>
      mk(':name', 'x', ':server', t, ':service', t, ':bindtodevice', 5),
    );
    await out.try('bindtodevice nonexistent', () =>
      mk(':name', 'x', ':server', t, ':service', t, ':bindtodevice', 'nosuchif0'),
    );
    await out.try('bindtodevice nonexistent (client)', () =>
      mk(':name', 'x', ':host', '127.0.0.1', ':service', 1, ':bindtodevice', 'nosuchif0'),
    );
    await out.try(':tls-parameters non-list', () =>
      mk(':name', 'x', ':host', '127.0.0.1', ':service', 1, ':tls-parameters', 5),
    );
    await out.try(':plist non-list', () => mk(':name', 'x', ':server', t, ':service', t, ':plist', 5));
    await out.try(':family ipv6 host 127.0.0.1', () =>
      mk(':name', 'x', ':server', t, ':host', '127.0.0.1', ':service', t, ':family', intern('ipv6')),
    );
    await out.try(':family ipv4 host ::1', () =>
      mk(':name', 'x', ':server', t, ':host', '::1', ':service', t, ':family', intern('ipv4')),
    );
    await out.try(':family 10 host ::1', async () => {
      const p = await mk(':name', 'fam10', ':server', t, ':host', '::1', ':service', t, ':family', 10);
      const local6 = processContact(p, ':local');
      deleteProcess(p);
      return local6;
    });
    await out.try('bind in use', async () => {
      const a = await mk(':name', 'a', ':server', t, ':service', t);
      return mk(':name', 'b', ':server', t, ':service', processContact(a, ':service'), ':reuseaddr', null);
    });
    out.p('process-list end', processList());
  },
};

export const argumentScenarios: readonly Scenario[] = [snpo, argumentErrors];
