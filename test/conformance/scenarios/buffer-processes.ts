import {
  LispBuffer,
  NetworkProcess,
  bufferString,
  bufferSubstring,
  copyMarker,
  deleteProcess,
  deleteRegion,
  getBuffer,
  getBufferCreate,
  gotoChar,
  insert,
  lineEndPosition,
  markerBuffer,
  markerPosition,
  narrowToRegion,
  point,
  pointMax,
  pointMin,
  prin1ToString,
  processBuffer,
  processContact,
  processMark,
  processSendString,
  saveExcursion,
  saveRestriction,
  setMarker,
  t,
  widen,
  withCurrentBuffer,
} from '../../../src';
import { Scenario, mk, peerChild, thePeerChild, waitUntil } from '../twin';

/** A filter as a port writes one: insert at the mark, then take complete lines out of the buffer. */
function lineFilter(lines: string[], seen: unknown[]) {
  return (proc: NetworkProcess, text: string): void => {
    withCurrentBuffer(processBuffer(proc) as LispBuffer, () => {
      saveExcursion(() => {
        gotoChar(processMark(proc));
        insert(text);
        setMarker(processMark(proc), point());
      });
      gotoChar(pointMin());
      while (lineEndPosition() < pointMax()) {
        lines.push(bufferSubstring(pointMin(), lineEndPosition()) as string);
        deleteRegion(pointMin(), lineEndPosition() + 1);
      }
      seen.push([bufferString(), markerPosition(processMark(proc)), point()]);
    });
  };
}

const processBuffers: Scenario = {
  name: 'buf-process-buffers',
  async twin(out) {
    const lines: string[] = [];
    const seen: unknown[] = [];
    const srv = await mk(':name', 'srv', ':server', t, ':service', t);
    const port = processContact(srv, ':service') as number;
    // prettier-ignore
    const c = await mk(
      ':name', 'c', ':host', '127.0.0.1', ':service', port, ':buffer', 'cbuf', ':filter', lineFilter(lines, seen),
    );
    await waitUntil(() => peerChild('srv', c));
    const child = thePeerChild('srv', c);
    for (const chunk of ['one\ntw', 'o\n', 'three', '\nfour\nfi', 've\n', 'six']) {
      seen.length = 0;
      processSendString(child, chunk);
      await waitUntil(() => seen.length > 0);
      out.p(`after ${prin1ToString(chunk, { escapeNewlines: true })}`, [[...seen], [...lines]]);
    }
    withCurrentBuffer(getBufferCreate('other'), () => insert('abcdefghijklmnopqrstuvwxyz'));
    withCurrentBuffer(getBufferCreate('nbuf'), () => {
      insert('0123456789');
      narrowToRegion(3, 6);
      gotoChar(4);
    });
    const nbuf = getBuffer('nbuf') as LispBuffer;
    const other = getBuffer('other') as LispBuffer;
    const d = await mk(':name', 'd', ':host', '127.0.0.1', ':service', port, ':buffer', 'nbuf');
    out.p('mark at creation: the end of the narrowing', processMark(d));
    await waitUntil(() => peerChild('srv', d));
    const dchild = thePeerChild('srv', d);
    const atStart = withCurrentBuffer(nbuf, () => copyMarker(3));
    const atStartT = withCurrentBuffer(nbuf, () => copyMarker(3, t));
    const whole = (): string =>
      withCurrentBuffer(nbuf, () =>
        saveRestriction(() => {
          widen();
          return bufferString() as string;
        }),
      );
    const nstate = (): unknown[] =>
      withCurrentBuffer(nbuf, () => [
        point(),
        pointMin(),
        pointMax(),
        bufferString(),
        whole(),
        markerPosition(processMark(d)),
        markerBuffer(processMark(d)),
        markerPosition(atStart),
        markerPosition(atStartT),
      ]);
    const send = async (text: string): Promise<void> => {
      processSendString(dchild, text);
      await waitUntil(() => whole().includes(text));
    };
    await send('AB');
    out.p("output at the mark, the narrowing's end", nstate());
    withCurrentBuffer(nbuf, () => gotoChar(5));
    setMarker(processMark(d), 5, nbuf);
    await send('CD');
    out.p('output at a mark inside the narrowing, at point', nstate());
    setMarker(processMark(d), 1, other);
    await send('EF');
    out.p('a mark in another buffer before the narrowing: at its start', nstate());
    setMarker(processMark(d), 20, other);
    await send('GH');
    out.p('a mark in another buffer past the narrowing: at its end', nstate());
    setMarker(processMark(d), 2, other);
    const s3 = withCurrentBuffer(nbuf, () => copyMarker(3));
    const s3t = withCurrentBuffer(nbuf, () => copyMarker(3, t));
    deleteProcess(dchild);
    await waitUntil(() => whole().includes('Process'));
    out.p("the default sentinel at the narrowing's start", nstate());
    out.p('markers where it inserted', [s3, s3t]);
  },
};

export const bufferProcessScenarios: readonly Scenario[] = [processBuffers];
