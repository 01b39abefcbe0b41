/**
 * Argument checks of make-network-process and the process functions where Emacs is lenient or
 * strict in ways that are easy to get wrong: :plist sequences, :coding strings, dead :buffer
 * buffers, filters and sentinels that are not functions, and which functions take designators.
 */
import {
  LispValue,
  cons,
  intern,
  processContact,
  processGet,
  processList,
  processPlist,
  processPut,
  setProcessPlist,
  t,
  vector,
} from '../../../src';
import { Scenario, lispBool, mk, thePeerChild, waitUntil, peerChild } from '../twin';

const plistSequences: Scenario = {
  name: 'plist-sequences',
  async twin(out) {
    const v = vector<LispValue>(intern('a'), 1, intern('b'), 2);
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':plist', v);
    out.p('vector plist', processPlist(srv));
    out.p('the same vector?', lispBool(processPlist(srv) === v));
    v[1] = 99;
    out.p('plist after changing the argument', processPlist(srv));
    out.p('contact :plist (the argument itself)', processContact(srv, ':plist'));
    await out.try('process-get a', () => processGet(srv, intern('a')));
    await out.try('process-get missing', () => processGet(srv, intern('zz')));
    await out.try('process-put', () => processPut(srv, intern('c'), 3));
    out.p('plist after process-put', processPlist(srv));
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'));
    await waitUntil(() => peerChild('srv', c));
    const child = thePeerChild('srv', c);
    out.p('child plist', processPlist(child));
    out.p("child's is the server's?", lispBool(processPlist(child) === processPlist(srv)));
    const s = await mk(':name', 's', ':server', t, ':service', t, ':plist', 'ab');
    out.p('string plist', processPlist(s));
    await out.try('process-get on a string', () => processGet(s, intern('a')));
    await out.try('process-put on a string', () => processPut(s, intern('a'), 1));
    const e = await mk(':name', 'e', ':server', t, ':service', t, ':plist', vector());
    out.p('empty vector plist', processPlist(e));
    await out.try('process-get on []', () => processGet(e, intern('a')));
    await out.try('process-put on []', () => processPut(e, intern('a'), 1));
    const es = await mk(':name', 'es', ':server', t, ':service', t, ':plist', '');
    out.p('empty string plist', processPlist(es));
    await out.try('process-put on ""', () => processPut(es, intern('a'), 1));
    // prettier-ignore
    const d = await mk(
      ':name', 'd', ':type', intern('datagram'), ':host', '127.0.0.1', ':service', 9,
      ':plist', vector(intern('k'), intern('v')),
    );
    out.p('datagram client plist', processPlist(d));
    await out.try('set-process-plist back to a list', () => setProcessPlist(srv, [intern('x'), 1]));
    await out.try('process-put then', () => processPut(srv, intern('y'), 2));
    await out.try('set-process-plist a vector', () => setProcessPlist(srv, vector(1, 2)));
    await out.try(':plist 5', () => mk(':name', 'x', ':server', t, ':service', t, ':plist', 5));
    await out.try(':plist dotted', () =>
      mk(':name', 'x', ':server', t, ':service', t, ':plist', cons(intern('a'), 1)),
    );
    await out.try(':plist symbol', () =>
      mk(':name', 'x', ':server', t, ':service', t, ':plist', intern('foo')),
    );
    out.p('process-list', processList());
  },
};

export const argumentCheckScenarios: readonly Scenario[] = [plistSequences];
