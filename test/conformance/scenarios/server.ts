import {
  NetworkProcess,
  defun,
  deleteProcess,
  intern,
  processBuffer,
  processCodingSystem,
  processCommand,
  processContact,
  processExitStatus,
  processFilter,
  processId,
  processList,
  processLiveP,
  processMark,
  processName,
  processPlist,
  processQueryOnExitFlag,
  processSentinel,
  processStatus,
  processType,
  t,
  vector,
} from '../../../src';
import { Scenario, Transcript, bufferText, equalp, lispBool, mk, names } from '../twin';

const serverContact: Scenario = {
  name: 'server-contact',
  async twin(out: Transcript) {
    const events: unknown[] = [];
    defun('my-sent', (proc: NetworkProcess, msg: string) =>
      events.unshift([processName(proc), msg, processStatus(proc)]),
    );

    const srv = await mk(':name', 'srv', ':server', t, ':service', t);
    out.p('status', processStatus(srv));
    out.p('live-p', processLiveP(srv));
    out.p('type', processType(srv));
    out.p('id', processId(srv));
    out.p('command', processCommand(srv));
    out.p('exit-status', processExitStatus(srv));
    out.p('contact nil', processContact(srv));
    out.p('contact t', processContact(srv, t));
    out.p('contact :local', processContact(srv, ':local'));
    out.p('contact :service', [intern(':service'), processContact(srv, ':service')]);
    out.p(
      'service is the bound port',
      lispBool(equalp(processContact(srv, ':service'), (processContact(srv, ':local') as number[])[4])),
    );
    out.p('contact :remote', processContact(srv, ':remote'));
    out.p('contact :server', processContact(srv, ':server'));
    out.p('contact :host', processContact(srv, ':host'));
    out.p('contact :name', processContact(srv, ':name'));
    out.p('contact :nosuchkey', processContact(srv, ':nosuchkey'));
    out.p("contact 'foo", processContact(srv, intern('foo')));
    out.p('buffer', processBuffer(srv));
    out.p('mark', processMark(srv));
    out.p('filter', processFilter(srv));
    out.p('sentinel', processSentinel(srv));
    out.p('plist', processPlist(srv));
    out.p('query-on-exit', processQueryOnExitFlag(srv));
    out.p('coding', processCodingSystem(srv));
    out.p('name', processName(srv));
    out.p('process-list', processList());

    // prettier-ignore
    const srv2 = await mk(
      ':name', 'srv2', ':buffer', 'buf2', ':server', 3, ':service', t, ':host', '127.0.0.1',
      ':plist', [intern('a'), 1, intern('b'), 2], ':sentinel', intern('my-sent'), ':noquery', t,
    );
    out.p('srv2 contact nil', processContact(srv2));
    out.p('srv2 contact t', processContact(srv2, t));
    out.p('srv2 contact :server', processContact(srv2, ':server'));
    out.p('srv2 contact :plist', processContact(srv2, ':plist'));
    out.p('srv2 buffer', processBuffer(srv2));
    out.p('srv2 mark', processMark(srv2));
    out.p('srv2 sentinel', processSentinel(srv2));
    out.p('srv2 plist', processPlist(srv2));
    out.p('srv2 plist is a copy', lispBool(processPlist(srv2) === processContact(srv2, ':plist')));
    out.p('srv2 query-on-exit', processQueryOnExitFlag(srv2));
    out.p('buf2 text', bufferText('buf2'));
    out.p('process-list', names(processList()));

    out.p('delete-process', deleteProcess(srv2));
    out.p('events', [...events].reverse());
    out.p('srv2 status', processStatus(srv2));
    out.p('srv2 live-p', processLiveP(srv2));
    out.p('srv2 exit-status', processExitStatus(srv2));
    out.p('srv2 contact t after delete', processContact(srv2, t));
    out.p('process-list after delete', names(processList()));
    events.length = 0;
    out.p('delete again', deleteProcess(srv2));
    out.p('events after deleting again', events.length === 0 ? null : events);
  },
};

const serverOptions: Scenario = {
  name: 'server-options',
  async twin(out: Transcript) {
    defun('my-log', () => null);
    defun('my-filt', () => null);

    // prettier-ignore
    const srvA = await mk(
      ':name', 'srvA', ':buffer', 'bufA', ':server', t, ':service', t, ':host', '127.0.0.1', ':keepalive', t,
      ':linger', 3, ':priority', 5, ':oobinline', t, ':dontroute', t, ':bindtodevice', 'lo', ':broadcast', t,
      ':reuseaddr', t, ':plist', [intern('a'), 1, intern('b'), 2], ':log', intern('my-log'),
      ':filter', intern('my-filt'), ':noquery', t,
    );
    out.p('srvA contact nil', processContact(srvA));
    out.p('srvA contact t', processContact(srvA, t));
    out.p('srvA :keepalive', processContact(srvA, ':keepalive'));
    out.p('srvA :linger', processContact(srvA, ':linger'));
    out.p('srvA :bindtodevice', processContact(srvA, ':bindtodevice'));
    out.p('srvA :log', processContact(srvA, ':log'));
    out.p('srvA :filter', processContact(srvA, ':filter'));
    out.p('srvA filter', processFilter(srvA));
    out.p('srvA status', processStatus(srvA));

    const srvN = await mk(
      ':name',
      'srvN',
      ':server',
      t,
      ':service',
      t,
      ':keepalive',
      null,
      ':linger',
      null,
      ':reuseaddr',
      null,
    );
    out.p('srvN contact t', processContact(srvN, t));

    const srvD = await mk(':name', 'srvD', ':server', t, ':service', t, ':keepalive', t, ':keepalive', null);
    out.p('srvD contact t', processContact(srvD, t));
    out.p('srvD :keepalive', processContact(srvD, ':keepalive'));

    const srvU = await mk(
      ':name',
      'srvU',
      ':server',
      t,
      ':service',
      t,
      ':frobnicate',
      42,
      ':use-external-socket',
      t,
    );
    out.p('srvU contact t', processContact(srvU, t));
    out.p('srvU :frobnicate', processContact(srvU, ':frobnicate'));
    out.p('srvU status', processStatus(srvU));

    // A JavaScript string that does not start with ':' is a Lisp string, so this is Emacs's "foo".
    await out.try('string key', () => mk(':name', 'x', ':server', t, ':service', t, 'foo', 1));
    await out.try('integer key', () => mk(':name', 'x', ':server', t, ':service', t, 42, 1));
    out.p('process-list', names(processList()));
  },
};

const serverAddresses: Scenario = {
  name: 'server-addresses',
  async twin(out: Transcript) {
    const each = async (label: string, ...args: unknown[]): Promise<void> => {
      try {
        const pr = await mk(':name', label, ...args);
        out.p(label, [
          processStatus(pr),
          processContact(pr),
          processContact(pr, ':local'),
          processContact(pr, ':remote'),
        ]);
        out.p(`${label} contact t`, processContact(pr, t));
      } catch (err) {
        await out.try(label, () => {
          throw err;
        });
      }
    };
    await each('no host', ':server', t, ':service', t);
    await each("host 'local", ':server', t, ':service', t, ':host', intern('local'));
    await each('host 127.0.0.1', ':server', t, ':service', t, ':host', '127.0.0.1');
    await each('host localhost', ':server', t, ':service', t, ':host', 'localhost');
    await each('service "0"', ':server', t, ':service', '0');
    await each('service 0', ':server', t, ':service', 0);
    await each('service ""', ':server', t, ':service', '');
    await each('local vector', ':server', t, ':local', vector(127, 0, 0, 1, 0));
    await each(
      'local overrides host/service',
      ':server',
      t,
      ':local',
      vector(127, 0, 0, 1, 0),
      ':host',
      '0.0.0.0',
      ':service',
      1,
    );
    await each('family ipv4', ':server', t, ':service', t, ':family', intern('ipv4'));
    await each('family 2', ':server', t, ':service', t, ':family', 2);
    await each('server 0 (backlog)', ':server', 0, ':service', t);
    await each("server 'yes", ':server', intern('yes'), ':service', t);
    out.p('process-list', names(processList()));
  },
};

export const serverScenarios: readonly Scenario[] = [serverContact, serverOptions, serverAddresses];
