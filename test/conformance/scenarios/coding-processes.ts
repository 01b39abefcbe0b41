import {
  LispBuffer,
  NetworkProcess,
  bufferSize,
  bufferString,
  cons,
  currentBuffer,
  deleteProcess,
  generateNewBuffer,
  getBufferCreate,
  insert,
  intern,
  multibyteStringP,
  pointMax,
  pointMin,
  positionBytes,
  processBuffer,
  processCodingSystem,
  processContact,
  processSendRegion,
  processSendString,
  setBufferMultibyte,
  stringToMultibyte,
  t,
  unibyteString,
  withCurrentBuffer,
} from '../../../src';
import type { LispString } from '../../../src';
import { Scenario, mk, peerChild, settle, thePeerChild, waitUntil } from '../twin';
import { chars } from './coding-strings';

const sym = intern;
const uni = (...bytes: number[]): LispString => unibyteString(...bytes);
/** A `:coding` value as the Emacs script writes it: a name, a cons, or nil. */
type CodingArg = string | [string, string] | null;
const codingValue = (cs: CodingArg): unknown =>
  cs === null ? null : Array.isArray(cs) ? cons(sym(cs[0]), sym(cs[1])) : sym(cs);
const label = (cs: CodingArg): string => (Array.isArray(cs) ? `(${cs[0]} . ${cs[1]})` : (cs ?? 'nil'));

/** EOL and text detection on process output, and the coding system the process then reports. */
const procEol: Scenario = {
  name: 'proc-eol',
  async twin(out) {
    const srv = await mk(
      ':name',
      'srv',
      ':server',
      t,
      ':service',
      t,
      ':coding',
      sym('binary'),
      ':filter',
      sym('ignore'),
    );
    const port = processContact(srv, ':service');
    const cases: [CodingArg, LispString][] = [
      ['undecided', uni(97, 13, 10, 98, 13, 10)],
      ['undecided', uni(97, 10, 98, 13, 10)],
      ['undecided', uni(97, 13, 98, 13)],
      ['undecided', uni(97, 98)],
      ['undecided', uni(99, 97, 102, 195, 169, 13, 10)],
      ['undecided', uni(99, 97, 102, 233, 10)],
      ['prefer-utf-8', uni(195, 169, 13, 10)],
      ['utf-8', uni(195, 169, 13, 10, 120, 10)],
      ['utf-8', uni(195, 169, 10, 120, 13, 10)],
      ['utf-8', uni(120, 13)],
      ['utf-8-unix', uni(120, 13, 10)],
      ['raw-text', uni(195, 169, 13, 10)],
      ['latin-1', uni(233, 13, 10)],
      ['us-ascii', uni(97, 13, 10)],
      ['utf-16le', uni(97, 0, 13, 0, 10, 0)],
      ['shift_jis', uni(130, 160, 13, 10)],
      [['undecided', 'utf-8'], uni(97, 13, 10)],
    ];
    for (const [cs, bytes] of cases) {
      const got: unknown[] = [];
      // prettier-ignore
      const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':coding', codingValue(cs),
        ':filter', (pr: NetworkProcess, s: LispString) => got.push([chars(s), processCodingSystem(pr)]));
      await waitUntil(() => peerChild('srv', c));
      out.p(`${label(cs)} before`, processCodingSystem(c));
      processSendString(thePeerChild('srv', c), bytes);
      await waitUntil(() => got.length > 0);
      out.p(
        `${label(cs)} ${JSON.stringify(chars(bytes)).replace(/,/g, ' ').replace('[', '(').replace(']', ')')}`,
        got,
      );
      out.p(`${label(cs)} after`, processCodingSystem(c));
      deleteProcess(c);
    }
  },
};

/** The bytes sent by coding system, string kind and buffer kind, read back by a binary peer. */
const sendMatrix: Scenario = {
  name: 'send-matrix',
  async twin(out) {
    let got: number[] | null = null;
    // prettier-ignore
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':coding', sym('binary'),
      ':filter', (_p: NetworkProcess, s: LispString) => { got = [...(got ?? []), ...(chars(s) ?? [])]; });
    const port = processContact(srv, ':service');
    const strings: [string, LispString][] = [
      ['multibyte', 'café ✓\n'],
      ['unibyte', uni(99, 97, 102, 195, 169, 255, 10)],
      ['raw bytes', `é${stringToMultibyte(uni(200, 255))}\n`],
      ['ascii', 'abc\n'],
    ];
    withCurrentBuffer(getBufferCreate('mb'), () => {
      insert('café ✓\n');
      insert(stringToMultibyte(uni(200)));
    });
    withCurrentBuffer(getBufferCreate('ub'), () => {
      setBufferMultibyte(null);
      insert(uni(99, 97, 102, 195, 169, 255, 10));
    });
    const sent = async (c: NetworkProcess, f: () => void): Promise<number[]> => {
      got = null;
      f();
      processSendString(c, '|');
      await waitUntil(() => got !== null && got[got.length - 1] === 0x7c);
      return (got ?? []).slice(0, -1);
    };
    // prettier-ignore
    const systems = ['utf-8', 'utf-8-dos', 'latin-1', 'us-ascii', 'binary', 'raw-text', 'raw-text-dos', 'no-conversion', 'utf-16le', 'shift_jis', 'undecided', null];
    for (const cs of systems) {
      const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':coding', codingValue(cs));
      await waitUntil(() => peerChild('srv', c));
      for (const [name, s] of strings) {
        out.p(`${label(cs)} ${name}`, await sent(c, () => processSendString(c, s)));
      }
      const region = (b: string) => () =>
        withCurrentBuffer(b, () => processSendRegion(c, pointMin(), pointMax()));
      out.p(`${label(cs)} region of multibyte buffer`, await sent(c, region('mb')));
      out.p(`${label(cs)} region of unibyte buffer`, await sent(c, region('ub')));
      out.p(`${label(cs)} coding after`, processCodingSystem(c));
      deleteProcess(c);
    }
  },
};

/** What filters and process buffers receive, by coding system and buffer kind. */
const recvMatrix: Scenario = {
  name: 'recv-matrix',
  async twin(out) {
    const srv = await mk(
      ':name',
      'srv',
      ':server',
      t,
      ':service',
      t,
      ':coding',
      sym('binary'),
      ':filter',
      sym('ignore'),
    );
    const port = processContact(srv, ':service');
    const bytes = uni(99, 97, 102, 195, 169, 32, 255, 10, 97);
    for (const cs of [
      'utf-8',
      'latin-1',
      'binary',
      'raw-text',
      'no-conversion',
      'utf-16be',
      'shift_jis',
      'undecided',
    ]) {
      const got: LispString[] = [];
      // prettier-ignore
      const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':coding', sym(cs),
        ':filter', (_p: NetworkProcess, s: LispString) => got.unshift(s));
      const cm = await mk(
        ':name',
        'cm',
        ':host',
        '127.0.0.1',
        ':service',
        port,
        ':coding',
        sym(cs),
        ':buffer',
        generateNewBuffer('mb'),
      );
      const ub = withCurrentBuffer(generateNewBuffer('ub'), () => {
        setBufferMultibyte(null);
        return currentBuffer();
      });
      const cu = await mk(
        ':name',
        'cu',
        ':host',
        '127.0.0.1',
        ':service',
        port,
        ':coding',
        sym(cs),
        ':buffer',
        ub,
      );
      for (const x of [c, cm, cu]) await waitUntil(() => peerChild('srv', x));
      for (const x of [c, cm, cu]) processSendString(thePeerChild('srv', x), bytes);
      const size = (p: NetworkProcess): number =>
        withCurrentBuffer(processBuffer(p) as LispBuffer, () => bufferSize());
      await waitUntil(() => got.length > 0 && size(cm) > 0 && size(cu) > 0);
      await settle(0.05);
      out.p(
        `${cs} filter`,
        [...got].reverse().map((s) => [multibyteStringP(s), chars(s)]),
      );
      out.p(
        `${cs} multibyte buffer`,
        withCurrentBuffer(processBuffer(cm) as LispBuffer, () => [
          chars(bufferString()),
          positionBytes(pointMax()),
        ]),
      );
      out.p(
        `${cs} unibyte buffer`,
        withCurrentBuffer(processBuffer(cu) as LispBuffer, () => [
          chars(bufferString()),
          multibyteStringP(bufferString()),
        ]),
      );
      out.p(
        `${cs} codings`,
        [c, cm, cu].map((p) => processCodingSystem(p)),
      );
      for (const p of [c, cm, cu]) deleteProcess(p);
    }
  },
};

export const codingProcessScenarios: readonly Scenario[] = [procEol, sendMatrix, recvMatrix];
