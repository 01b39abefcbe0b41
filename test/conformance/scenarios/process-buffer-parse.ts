import {
  LispBuffer,
  NetworkProcess,
  bufferSize,
  bufferString,
  bufferSubstring,
  defvarLocal,
  deleteRegion,
  gotoChar,
  insert,
  lookingAt,
  markerPosition,
  matchBeginning,
  matchEnd,
  matchString,
  pointMax,
  pointMin,
  point,
  prin1ToString,
  processBuffer,
  processContact,
  processMark,
  processSendString,
  readFromString,
  reSearchForward,
  saveExcursion,
  set,
  setMarker,
  symbolValue,
  t,
  withCurrentBuffer,
  intern,
} from '../../../src';
import type { LispValue } from '../../../src';
import { Scenario, mk, peerChild, settle, thePeerChild, waitUntil } from '../twin';

const PENDING = intern('pending-length');
const BODY = intern('BODY');
const LINE = intern('LINE');

/**
 * The pattern of jsonrpc.el and dns.el, written as a port would write it: the filter inserts at
 * the process mark, then parses complete messages out of the buffer and deletes them, with the
 * message length kept in a buffer-local variable. Point and the mark are printed after each step.
 */
const processBufferParse: Scenario = {
  name: 'process-buffer-parse',
  async twin(out) {
    let got: LispValue[] = [];
    defvarLocal(PENDING, null);
    const state = (label: string, proc: NetworkProcess): void =>
      out.p(label, [point(), markerPosition(processMark(proc)), bufferSize(), bufferString()]);

    const parseFilter = (proc: NetworkProcess, text: string): void => {
      withCurrentBuffer(processBuffer(proc) as LispBuffer, () => {
        saveExcursion(() => {
          gotoChar(processMark(proc));
          insert(text);
          setMarker(processMark(proc), point());
        });
        state('inserted', proc);
        gotoChar(pointMin());
        for (let more = true; more;) {
          const pending = symbolValue(PENDING) as number | null;
          if (pending !== null) {
            if (pointMax() - point() < pending) {
              more = false;
            } else {
              got.unshift([BODY, bufferSubstring(point(), point() + pending)]);
              deleteRegion(pointMin(), point() + pending);
              set(PENDING, null);
              state('body handled', proc);
            }
          } else if (lookingAt('Content-Length: \\([0-9]+\\)\r\n\r\n')) {
            set(PENDING, readFromString(matchString(1) as string));
            out.p('header match', [matchBeginning(0), matchEnd(0), matchString(1)]);
            deleteRegion(matchBeginning(0) as number, matchEnd(0) as number);
            state('header handled', proc);
          } else if (reSearchForward('^\\([A-Z]+\\) \\([0-9]+\\)\r?\n', null, t)) {
            got.unshift([LINE, matchString(1), matchString(2)]);
            deleteRegion(pointMin(), point());
            state('line handled', proc);
          } else {
            more = false;
          }
        }
        gotoChar(pointMax());
      });
    };

    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1');
    // prettier-ignore
    const c = await mk(
      ':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'),
      ':buffer', 'c-buf', ':filter', parseFilter,
    );
    await waitUntil(() => peerChild('srv', c));
    const child = thePeerChild('srv', c);
    const cBuf = processBuffer(c) as LispBuffer;
    withCurrentBuffer(cBuf, () =>
      out.p('initial', [point(), markerPosition(processMark(c)), bufferString()]),
    );
    const pieces = [
      'PING 1\nPO',
      'NG 2\r\nCont',
      'ent-Length: 5\r\n\r\nhel',
      'lo',
      'QUIT 3\n',
      'Content-Length: 0\r\n\r\nEND 4\n',
    ];
    for (const piece of pieces) {
      got = [];
      const before = withCurrentBuffer(cBuf, bufferSize);
      processSendString(child, piece);
      // One filter call per piece: wait until this piece has been handled.
      await waitUntil(() => got.length > 0 || withCurrentBuffer(cBuf, bufferSize) !== before);
      await settle(50);
      out.p(`piece ${prin1ToString(piece, { escapeNewlines: true })} handled`, [...got].reverse());
    }
    withCurrentBuffer(cBuf, () =>
      out.p('final', [point(), markerPosition(processMark(c)), bufferString(), symbolValue(PENDING)]),
    );
  },
};

export const processBufferParseScenarios: Scenario[] = [processBufferParse];
