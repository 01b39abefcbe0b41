import {
  NetworkProcess,
  defun,
  deleteProcess,
  getBuffer,
  getBufferCreate,
  insert,
  intern,
  lispFloat,
  makeMarker,
  pointMax,
  pointMin,
  processContact,
  processSendRegion,
  processSendString,
  setMarker,
  t,
  withCurrentBuffer,
} from '../../../src';
import { Scenario, mk, peerChild, waitUntil } from '../twin';

/** process-send-region: markers as positions, the argument types, and the order of the checks. */
const sendRegionMarkers: Scenario = {
  name: 'send-region-markers',
  async twin(out) {
    const got: string[] = [];
    defun('child-filter', (_pr: NetworkProcess, s: string) => got.push(s));
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':filter', intern('child-filter'));
    const port = processContact(srv, ':service') as number;
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port);
    await waitUntil(() => peerChild('srv', c));
    withCurrentBuffer(getBufferCreate('src'), () => insert('0123456789'));
    withCurrentBuffer(getBufferCreate('oth'), () => insert('abcdefghijklmnop'));
    const m3 = setMarker(makeMarker(), 3, getBuffer('src'));
    const m6 = setMarker(makeMarker(), 6, getBuffer('src'));
    const oth5 = setMarker(makeMarker(), 5, getBuffer('oth'));
    const oth12 = setMarker(makeMarker(), 12, getBuffer('oth'));
    const nowhere = makeMarker();
    const region = (proc: unknown, start: unknown, end: unknown) => () =>
      withCurrentBuffer('src', () => processSendRegion(proc, start, end));
    await out.try('markers 3 6', region(c, m3, m6));
    await out.try('marker 6, integer 8', region(c, m6, 8));
    await out.try('markers reversed', region(c, m6, m3));
    await out.try('marker into oth at 5', region(c, oth5, 7));
    await out.try('marker into oth at 12', region(c, 1, oth12));
    await out.try('marker pointing nowhere', region(c, 1, nowhere));
    await out.try('nil start', region(c, null, 3));
    await out.try('nil end', region(c, 1, null));
    await out.try('float end', region(c, 1, 2.5));
    await out.try('integral float start', region(c, lispFloat(2), 3));
    await out.try('string start', region(c, 'a', 3));
    await out.try('nil start, float end', region(c, null, 2.5));
    await out.try('float start, nil end', region(c, 2.5, null));
    await out.try('out of range start, nil end', region(c, 100, null));
    await out.try('unknown name, nil start', region('nope', null, 3));
    await out.try('unknown name, out of range', region('nope', 1, 100));
    await out.try('integer designator, nil start', region(42, null, 3));
    await out.try('server', region(srv, 1, 2));
    await out.try('server, out of range', region(srv, 1, 200));
    await out.try('server, nil start', region(srv, null, 2));
    await waitUntil(() => got.join('') === '2345623445');
    out.p('child got', got.join(''));
    deleteProcess(c);
    await out.try('deleted', region(c, 1, 2));
    await out.try('deleted, nil start', region(c, null, 2));
    await out.try('deleted, out of range', region(c, 1, 200));
    await out.try('deleted, markers', region(c, m3, m6));
  },
};

/** `(mapcar #'identity STRING)`: the character codes (here bytes, as the peer reads binary). */
function codes(text: string): number[] {
  return [...text].map((ch) => ch.codePointAt(0) as number);
}

/** What reaches the peer for characters the coding system cannot encode. */
const encodeDefaultChar: Scenario = {
  name: 'encode-default-char',
  async twin(out) {
    let got: string[] = [];
    defun('child-filter', (_pr: NetworkProcess, s: string) => got.push(s));
    // prettier-ignore
    const srv = await mk(
      ':name', 'srv', ':server', t, ':service', t, ':filter', intern('child-filter'), ':coding', intern('binary'),
    );
    const port = processContact(srv, ':service') as number;
    const text = `a€b✓cé\nd${String.fromCodePoint(0x1f600)}e`;
    const codings = [
      'latin-1',
      'iso-latin-1',
      'iso-8859-1',
      'latin-1-dos',
      'us-ascii',
      'us-ascii-unix',
      'utf-8',
    ];
    for (const cs of codings) {
      got = [];
      const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':coding', intern(cs));
      await waitUntil(() => peerChild('srv', c));
      processSendString(c, text);
      processSendString(c, '|');
      await waitUntil(() => got.join('').endsWith('|'));
      out.p(`${cs} sends`, codes(got.join('')));
      deleteProcess(c);
    }
    got = [];
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':coding', intern('latin-1'));
    await waitUntil(() => peerChild('srv', c));
    withCurrentBuffer(getBufferCreate('src'), () => insert('x€y✓z|'));
    withCurrentBuffer('src', () => processSendRegion(c, pointMin(), pointMax()));
    await waitUntil(() => got.join('').endsWith('|'));
    out.p('latin-1 send-region sends', codes(got.join('')));
  },
};

export const sendAndEncodeScenarios: readonly Scenario[] = [sendRegionMarkers, encodeDefaultChar];
