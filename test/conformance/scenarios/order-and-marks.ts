import {
  LispBuffer,
  NetworkProcess,
  defun,
  deleteProcess,
  getBuffer,
  getBufferCreate,
  gotoChar,
  insert,
  intern,
  killBuffer,
  makeMarker,
  markerPosition,
  point,
  processBuffer,
  processMark,
  processSendString,
  setMarker,
  setProcessBuffer,
  processContact,
  processExitStatus,
  processList,
  processName,
  processSendEof,
  processStatus,
  t,
  withCurrentBuffer,
} from '../../../src';
import {
  Events,
  Scenario,
  bufferText,
  childOf,
  inProcessList,
  mk,
  names,
  peerChild,
  settle,
  thePeerChild,
  waitUntil,
} from '../twin';

/** When and in which order sentinels run after connections close (Emacs: status_notify). */
const sentinelOrder: Scenario = {
  name: 'sentinel-order',
  async twin(out) {
    const events = new Events();
    defun('rec', (proc: NetworkProcess, msg: string) =>
      events.push([
        processName(proc),
        msg,
        processStatus(proc),
        processExitStatus(proc),
        inProcessList(proc),
      ]),
    );
    const show = (label: string): void => {
      out.p(label, events.list);
      events.clear();
    };
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':sentinel', intern('rec'));
    const port = processContact(srv, ':service') as number;
    const connect = async (name: string): Promise<[NetworkProcess, NetworkProcess]> => {
      const c = await mk(':name', name, ':host', '127.0.0.1', ':service', port, ':sentinel', intern('rec'));
      await waitUntil(() => peerChild('srv', c));
      return [c, thePeerChild('srv', c)];
    };

    let [c, child] = await connect('c');
    out.p('process-list', names(processList()));
    events.clear();
    out.p('child send-eof', processSendEof(child));
    out.p('statuses right after', [processStatus(child), processStatus(c)]);
    await waitUntil(() => events.length === 2);
    show("after the child's send-eof");

    [c, child] = await connect('c');
    events.clear();
    processSendEof(c);
    await waitUntil(() => events.length === 2);
    show("after the client's send-eof");

    const [c1, ch1] = await connect('c1');
    const [c2, ch2] = await connect('c2');
    events.clear();
    deleteProcess(ch1);
    deleteProcess(ch2);
    out.p('statuses right after', [processStatus(c1), processStatus(c2)]);
    await waitUntil(() => events.length === 4);
    show('deleting ch1, then ch2');
    const [, ch3] = await connect('c3');
    const [, ch4] = await connect('c4');
    events.clear();
    deleteProcess(ch4);
    deleteProcess(ch3);
    await waitUntil(() => events.length === 4);
    show('deleting ch4, then ch3');

    const [c6, ch6] = await connect('c6');
    events.clear();
    deleteProcess(ch6);
    await waitUntil(() => events.length === 2);
    show('c6 closes');
    out.p('c6 exit status', processExitStatus(c6));
    out.p('delete c6', deleteProcess(c6));
    out.p('c6 exit status after delete', processExitStatus(c6));
    out.p('c6 status after delete', processStatus(c6));
    await settle(100);
    show('deleting closed c6');
    out.p('process-list', names(processList()));
  },
};

/** `(with-current-buffer (get-buffer-create NAME) (insert TEXT))` */
function fill(name: string, text: string): void {
  withCurrentBuffer(getBufferCreate(name), () => insert(text));
}

/** `(set-marker (make-marker) POSITION (get-buffer NAME))` */
function markerAt(position: number, name: string) {
  return setMarker(makeMarker(), position, getBuffer(name));
}

/** Where process marks start, and where the default filter and sentinel insert. */
const processMarks: Scenario = {
  name: 'process-marks',
  async twin(out, ctx) {
    const opened: unknown[] = [];
    fill('sbuf', 'server text');
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':buffer', 'sbuf');
    out.p('server mark', processMark(srv));
    const port = processContact(srv, ':service') as number;
    const plain = await mk(':name', 'plain', ':server', t, ':service', t);
    const pport = processContact(plain, ':service') as number;
    fill('pre', 'existing text');
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', pport, ':buffer', 'pre');
    out.p('client mark at creation', processMark(c));
    const nb = await mk(':name', 'nb', ':host', '127.0.0.1', ':service', pport);
    out.p('client without buffer', processMark(nb));
    fill('nwbuf', 'nowait');
    // prettier-ignore
    const nw = await mk(
      ':name', 'nw', ':host', '127.0.0.1', ':service', pport, ':buffer', 'nwbuf', ':nowait', t,
      ':sentinel', (proc: NetworkProcess, msg: string) => opened.unshift([msg, processMark(proc)]),
    );
    out.p('nowait mark at creation', processMark(nw));
    await waitUntil(() => opened.length > 0);
    out.p('nowait sentinel saw', opened);
    out.p('nowait mark once open', processMark(nw));
    const dead = await mk(':name', 'dead', ':server', t, ':service', t);
    const deadPort = processContact(dead, ':service') as number;
    deleteProcess(dead);
    fill('fbuf', 'failed');
    // prettier-ignore
    const fl = await mk(
      ':name', 'fl', ':host', '127.0.0.1', ':service', deadPort, ':buffer', 'fbuf', ':nowait', t,
      ':sentinel', intern('ignore'),
    );
    out.p('failing nowait mark at creation', processMark(fl));
    await waitUntil(() => processStatus(fl) === intern('failed'));
    out.p('failed nowait mark', processMark(fl));

    await waitUntil(() => peerChild('plain', c));
    const child = thePeerChild('plain', c);
    out.p('child mark after accept', processMark(child));
    withCurrentBuffer(processBuffer(child) as LispBuffer, () => {
      insert('abc');
      gotoChar(2);
    });
    out.p('child mark after the user inserted', processMark(child));
    processSendString(c, 'hello');
    await waitUntil(() => String(bufferText(processBuffer(child))).includes('hello'));
    out.p('child buffer after output', bufferText(processBuffer(child)));
    out.p('child mark position after output', markerPosition(processMark(child)));
    out.p('child point after output', withCurrentBuffer(processBuffer(child) as LispBuffer, point));
    const c2 = await mk(':name', 'c2', ':host', '127.0.0.1', ':service', port);
    await waitUntil(() => peerChild('srv', c2));
    const child2 = thePeerChild('srv', c2);
    out.p('child of a server with a buffer', [processBuffer(child2), processMark(child2)]);
    out.p('set-process-buffer child2', setProcessBuffer(child2, getBufferCreate('x')));
    out.p('child2 mark after set-process-buffer', processMark(child2));

    fill('dbuf', 'dgram');
    const datagram = intern('datagram');
    // prettier-ignore
    const d = await mk(':name', 'd', ':type', datagram, ':host', '127.0.0.1', ':service', 9, ':buffer', 'dbuf');
    out.p('datagram client mark', processMark(d));
    const ds = await mk(':name', 'ds', ':type', datagram, ':server', t, ':service', t, ':buffer', 'dbuf');
    out.p('datagram server mark', processMark(ds));
    const ds2 = await mk(':name', 'ds2', ':type', datagram, ':server', t, ':service', t);
    out.p('datagram server without buffer', processMark(ds2));

    const seqpacket = intern('seqpacket');
    const local = intern('local');
    // prettier-ignore
    await mk(':name', 'sq', ':family', local, ':type', seqpacket, ':service', ctx.tmpPath('q'), ':server', t);
    // prettier-ignore
    const sqc = await mk(
      ':name', 'sqc', ':family', local, ':type', seqpacket, ':service', ctx.tmpPath('q'), ':buffer', 'qbuf',
    );
    out.p('seqpacket client mark', processMark(sqc));
    await waitUntil(() => childOf('sq'));
    const sqChild = childOf('sq') as NetworkProcess;
    out.p('seqpacket child mark', processMark(sqChild));
    processSendString(sqc, 'hi');
    await waitUntil(() => String(bufferText(processBuffer(sqChild))).length > 0);
    out.p('seqpacket child mark position after output', markerPosition(processMark(sqChild)));

    fill('pbuf', '0123456789');
    fill('obuf', 'abcdefghijklmnopqrstuvwxyz');
    const m = await mk(':name', 'm', ':host', '127.0.0.1', ':service', pport, ':buffer', 'pbuf');
    await waitUntil(() => peerChild('plain', m));
    const mchild = thePeerChild('plain', m);
    const st = () => [
      bufferText('pbuf'),
      withCurrentBuffer('pbuf', point),
      bufferText('obuf'),
      withCurrentBuffer('obuf', point),
      processMark(m),
    ];
    const um5 = markerAt(5, 'pbuf');
    const umEnd = markerAt(11, 'pbuf');
    const om5 = markerAt(5, 'obuf');
    out.p('mark moved', setMarker(processMark(m), 5, getBuffer('obuf')));
    processSendString(mchild, 'XY');
    await waitUntil(() => String(bufferText('pbuf')).includes('XY'));
    out.p('after output', st());
    out.p('user markers', [um5, umEnd, om5]);
    setMarker(processMark(m), 20, getBuffer('obuf'));
    processSendString(mchild, 'ZW');
    await waitUntil(() => String(bufferText('pbuf')).includes('ZW'));
    out.p("after output, the mark past the process buffer's end", st());
    withCurrentBuffer('pbuf', () => gotoChar(3));
    setMarker(processMark(m), 3, getBuffer('obuf'));
    const um3 = markerAt(3, 'pbuf');
    const um3t = markerAt(3, 'pbuf');
    um3t.insertionType = true;
    deleteProcess(mchild);
    await waitUntil(() => String(bufferText('pbuf')).includes('Process'));
    out.p('after the sentinel', st());
    out.p('user markers at 3', [um3, um3t, umEnd]);

    const m2 = await mk(':name', 'm2', ':host', '127.0.0.1', ':service', pport, ':buffer', 'pbuf2');
    await waitUntil(() => peerChild('plain', m2));
    fill('pbuf2', '0123');
    fill('gone', '0123456789');
    setMarker(processMark(m2), 2, getBuffer('gone'));
    killBuffer('gone');
    out.p('mark of a killed buffer', processMark(m2));
    processSendString(thePeerChild('plain', m2), 'END');
    await waitUntil(() => String(bufferText('pbuf2')).includes('END'));
    out.p('pbuf2', [bufferText('pbuf2'), processMark(m2)]);
  },
};

export const orderAndMarksScenarios: readonly Scenario[] = [sentinelOrder, processMarks];
