import {
  LispBuffer,
  NetworkProcess,
  bufferSize,
  bufferString,
  cons,
  currentBuffer,
  deleteProcess,
  encodeCodingString,
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
  setProcessCodingSystem,
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

/** The scenarios' server: `(make-network-process :name "srv" :server t :service t :coding 'binary :filter #'ignore)`. */
async function binaryServer(): Promise<NetworkProcess> {
  return mk(':name', 'srv', ':server', t, ':service', t, ':coding', sym('binary'), ':filter', sym('ignore'));
}

/** EOL and text detection on process output, and the coding system the process then reports. */
const procEol: Scenario = {
  name: 'proc-eol',
  async twin(out) {
    const srv = await binaryServer();
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
    const srv = await binaryServer();
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

/** Partial sequences kept across reads: each split point, for each multibyte coding system. */
const procSplit: Scenario = {
  name: 'proc-split',
  async twin(out) {
    const srv = await binaryServer();
    const port = processContact(srv, ':service');
    const enc = (s: string, cs: string): LispString => encodeCodingString(s, sym(cs)) as LispString;
    const cases: [string, LispString][] = [
      ['utf-8', enc('aé€😀z', 'utf-8')],
      ['utf-8-dos', uni(97, 13, 10, 98, 13, 10)],
      ['undecided', uni(97, 13, 10, 195, 169, 13, 10)],
      ['utf-16le', enc('a€😀', 'utf-16le')],
      ['utf-16be', enc('a€😀', 'utf-16be')],
      ['shift_jis', enc('aあ中ｱ', 'shift_jis')],
      ['euc-jp', enc('aあéｱ', 'euc-jp')],
    ];
    for (const [cs, bytes] of cases) {
      let got: (number[] | null)[] = [];
      // prettier-ignore
      const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':coding', sym(cs),
        ':filter', (_p: NetworkProcess, s: LispString) => got.unshift(chars(s)));
      await waitUntil(() => peerChild('srv', c));
      const all = [...(chars(bytes) ?? [])];
      out.p(`${cs} bytes`, all);
      for (let k = 0; k < all.length - 1; k++) {
        got = [];
        processSendString(thePeerChild('srv', c), uni(...all.slice(0, k + 1)));
        await settle(0.03);
        // Where the first piece holds a whole character, it must have been read before the rest
        // is sent, however loaded the machine (a wait bounded at half a second, as in Emacs).
        await waitUntil(() => got.length > 0, 0.5);
        processSendString(thePeerChild('srv', c), uni(...all.slice(k + 1)));
        processSendString(thePeerChild('srv', c), enc('|', cs));
        await waitUntil(() => got.length > 0 && (got[0] ?? []).includes(0x7c));
        got.reverse();
        const rest = got.slice(1).flatMap((x) => x ?? []);
        out.p(`${cs} split at ${k + 1}`, [got[0], rest.length === 0 ? null : rest]);
      }
      out.p(`${cs} coding`, processCodingSystem(c));
      deleteProcess(c);
    }
  },
};

export const codingSplitScenarios: readonly Scenario[] = [procSplit];

/** set-process-coding-system: arguments, errors, the names it leaves and how output then decodes. */
const setProcessCoding: Scenario = {
  name: 'set-process-coding',
  async twin(out) {
    let got: unknown[] = [];
    const srv = await binaryServer();
    const port = processContact(srv, ':service');
    // prettier-ignore
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port,
      ':filter', (_p: NetworkProcess, s: LispString) => got.unshift([multibyteStringP(s), chars(s)]));
    await waitUntil(() => peerChild('srv', c));
    out.p('initially', processCodingSystem(c));
    // prettier-ignore
    const argLists: (string | null)[][] = [
      ['latin-1'], [], ['utf-8', 'utf-8-dos'], ['utf-8', 'latin-1'], ['undecided', 'undecided'], ['binary', 'binary'],
      ['georgian-academy', 'utf-8'], ['utf-8-emacs-unix', 'utf-8-emacs'], ['shift_jis', 'euc-jp'], [null, null],
      ['raw-text-dos', 'no-conversion'],
    ];
    for (const args of argLists) {
      const shown = args.length === 0 ? 'nil' : `(${args.map((a) => a ?? 'nil').join(' ')})`;
      const values = args.map((a) => (a === null ? null : sym(a)));
      out.p(`set ${shown}`, [setProcessCodingSystem(c, ...values), processCodingSystem(c)]);
    }
    await out.try('unknown decoding', () => setProcessCodingSystem(c, sym('nope'), sym('utf-8')));
    await out.try('unknown encoding', () => setProcessCodingSystem(c, sym('utf-8'), sym('nope')));
    await out.try('string encoding', () => setProcessCodingSystem(c, sym('utf-8'), 'x'));
    await out.try('both bad: decoding first', () => setProcessCodingSystem(c, 'x', sym('nope')));
    await out.try('process name', () => setProcessCodingSystem('c', sym('utf-8')));
    await out.try('nil process', () => setProcessCodingSystem(null, sym('utf-8')));
    out.p('after the errors', processCodingSystem(c));
    out.p('server', [setProcessCodingSystem(srv, sym('utf-16')), processCodingSystem(srv)]);
    for (const cs of ['latin-1', 'utf-8', 'binary', 'shift_jis', 'utf-16be']) {
      got = [];
      setProcessCodingSystem(c, sym(cs), sym(cs));
      const text = cs === 'shift_jis' ? 'あ\n' : 'é\n';
      processSendString(thePeerChild('srv', c), encodeCodingString(text, sym(cs)) as LispString);
      await waitUntil(() => got.length > 0);
      out.p(`reads with ${cs}`, [[...got].reverse(), processCodingSystem(c)]);
    }
    deleteProcess(c);
    await out.try('deleted process', () => setProcessCodingSystem(c, sym('utf-8')));
    out.p('deleted process coding', processCodingSystem(c));
    await out.try('process-coding-system of a name', () => processCodingSystem('srv'));
  },
};

export const codingSetScenarios: readonly Scenario[] = [setProcessCoding];
