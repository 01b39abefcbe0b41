import {
  NetworkProcess,
  acceptProcessOutput,
  defun,
  deleteProcess,
  intern,
  processBuffer,
  processContact,
  processExitStatus,
  processFilter,
  processLiveP,
  processName,
  processSendString,
  processStatus,
  setNetworkProcessOption,
  setProcessFilter,
  t,
} from '../../../src';
import {
  Events,
  Scenario,
  Transcript,
  bufferText,
  childrenOf,
  memq,
  mk,
  peerChild,
  thePeerChild,
  waitUntil,
} from '../twin';

/** The events of just-this-one.el, shown and cleared as its `show` and `show-sorted` do. */
function eventLog(out: Transcript): {
  events: Events;
  show(label: string): void;
  showSorted(label: string): void;
} {
  const events = new Events();
  return {
    events,
    show(label) {
      out.p(label, events.list);
      events.clear();
    },
    showSorted(label) {
      const list = (events.list ?? []) as [unknown, string, string][];
      out.p(
        label,
        [...list].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)),
      );
      events.clear();
    },
  };
}

const justThisOne: Scenario = {
  name: 'just-this-one',
  async twin(out) {
    const log = eventLog(out);
    const { events } = log;
    let c2: NetworkProcess | null = null;
    defun('f1', (proc: NetworkProcess, text: string) => events.push([intern('F1'), processName(proc), text]));
    defun('f2', (proc: NetworkProcess, text: string) => events.push([intern('F2'), processName(proc), text]));
    defun('f2-new', (proc: NetworkProcess, text: string) =>
      events.push([intern('F2-NEW'), processName(proc), text]),
    );
    defun('f1-switching', (proc: NetworkProcess, text: string) => {
      events.push([intern('F1'), processName(proc), text]);
      setProcessFilter(c2, intern('f2-new'));
    });
    defun('rec-sent', (proc: NetworkProcess, msg: string) =>
      events.push([intern('SENT'), processName(proc), msg]),
    );

    // prettier-ignore
    const srv = await mk(
      ':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1', ':filter', intern('ignore'),
    );
    const port = processContact(srv, ':service') as number;
    const c1 = await mk(':name', 'c1', ':host', '127.0.0.1', ':service', port, ':filter', intern('f1'));
    // prettier-ignore
    c2 = await mk(
      ':name', 'c2', ':host', '127.0.0.1', ':service', port, ':filter', intern('f2'),
      ':sentinel', intern('rec-sent'),
    );
    const second = c2;
    await waitUntil(() => peerChild('srv', c1) && peerChild('srv', second));
    const ch1 = thePeerChild('srv', c1);
    const ch2 = thePeerChild('srv', c2);

    processSendString(ch2, 'for c2 #1');
    processSendString(ch1, 'for c1 #1');
    out.p('apo c1 0.3 nil t', await acceptProcessOutput(c1, 0.3, null, t));
    log.show('filters run during the wait');
    out.p('apo c1 0.3 nil t, nothing more for c1', await acceptProcessOutput(c1, 0.3, null, t));
    log.show('filters run during the second wait');
    out.p('apo c2 1', await acceptProcessOutput(c2, 1));
    log.show('filters run after the waits');

    setProcessFilter(c1, intern('f1-switching'));
    processSendString(ch2, 'for c2 #2');
    processSendString(ch1, 'for c1 #2');
    out.p('apo c1 0.3 nil t (filter switching)', await acceptProcessOutput(c1, 0.3, null, t));
    log.show("filters run during the wait (c1's filter switched c2's)");
    out.p("c2's filter", processFilter(c2));
    out.p('apo c2 1 (new filter)', await acceptProcessOutput(c2, 1));
    log.show('filters run after the wait');

    setProcessFilter(c1, intern('f1'));
    setProcessFilter(c2, intern('f2'));
    processSendString(ch2, 'for c2 #3');
    processSendString(ch1, 'for c1 #3');
    out.p('apo c1 0.3 nil 1', await acceptProcessOutput(c1, 0.3, null, 1));
    log.show('filters run during the wait (integer)');
    out.p('apo c2 1 (integer)', await acceptProcessOutput(c2, 1));
    log.show('filters run after the wait (integer)');

    processSendString(ch2, 'for c2 #4');
    processSendString(ch1, 'for c1 #4');
    out.p('apo nil 0.3 nil t', await acceptProcessOutput(null, 0.3, null, t));
    await waitUntil(() => events.length === 2);
    log.showSorted('filters run during the wait without a process');

    // Emacs accepts only while it waits, and elproc whenever the event loop runs: so the twin
    // starts the wait first and connects c3 (a blocking connect, awaited) and c4 during it.
    const firstWait = acceptProcessOutput(c1, 0.3, null, t);
    const c3 = await mk(':name', 'c3', ':host', '127.0.0.1', ':service', port, ':filter', intern('f1'));
    // prettier-ignore
    const c4 = await mk(
      ':name', 'c4', ':nowait', t, ':host', '127.0.0.1', ':service', port, ':sentinel', intern('rec-sent'),
    );
    processSendString(ch1, 'for c1 #5');
    out.p('apo c1 0.3 nil t (c3 and c4 connecting)', await firstWait);
    out.p('children of srv during the wait', childrenOf('srv').length);
    out.p('c4 status during the wait', processStatus(c4));
    out.p(
      'apo c1 0.3 nil t, nothing more for c1 (c3 and c4 connecting)',
      await acceptProcessOutput(c1, 0.3, null, t),
    );
    out.p('children of srv during the second wait', childrenOf('srv').length);
    out.p('c4 status during the second wait', processStatus(c4));
    log.show('events during the waits');
    await waitUntil(
      () => peerChild('srv', c3) && peerChild('srv', c4) && processStatus(c4) === intern('open'),
    );
    out.p('children of srv after the waits', childrenOf('srv').length);
    out.p('c4 status after the waits', processStatus(c4));
    log.show('events after the waits');

    processSendString(ch2, 'last for c2');
    deleteProcess(ch2);
    processSendString(ch1, 'for c1 #6');
    out.p("apo c1 0.3 nil t (c2's peer gone)", await acceptProcessOutput(c1, 0.3, null, t));
    out.p('c2 status during the wait', processStatus(c2));
    log.show("events during the wait (c2's peer gone)");
    await waitUntil(() => !processLiveP(second));
    out.p('c2 status after the wait', processStatus(c2));
    log.show("events after the wait (c2's peer gone)");

    // prettier-ignore
    const c5 = await mk(
      ':name', 'c5', ':host', '127.0.0.1', ':service', port, ':filter', intern('f2'), ':sentinel', intern('rec-sent'),
    );
    await waitUntil(() => peerChild('srv', c5));
    const ch5 = thePeerChild('srv', c5);
    setNetworkProcessOption(ch5, ':linger', 0);
    processSendString(ch5, 'last for c5');
    deleteProcess(ch5);
    processSendString(ch1, 'for c1 #7');
    out.p("apo c1 0.3 nil t (c5's peer reset)", await acceptProcessOutput(c1, 0.3, null, t));
    out.p('c5 status during the wait', processStatus(c5));
    log.show("events during the wait (c5's peer reset)");
    await waitUntil(() => !processLiveP(c5));
    out.p('c5 status after the wait', processStatus(c5));
    log.show("events after the wait (c5's peer reset)");
  },
};

const backlogAtDeletion: Scenario = {
  name: 'backlog-at-deletion',
  async twin(out) {
    const events = new Events();
    defun('rec-sent', (proc: NetworkProcess, msg: string) => events.push([processName(proc), msg]));
    const show = (label: string): void => {
      out.p(label, events.list);
      events.clear();
    };

    // The client's connect is reported in a poll phase and the code after the await runs there;
    // the server accepts only in that turn's check phase, so it has accepted nothing yet.
    for (let i = 0; i < 10; i++) {
      const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1', ':sentinel', intern('rec-sent')); // prettier-ignore
      const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'), ':sentinel', intern('rec-sent')); // prettier-ignore
      events.clear();
      out.p(`round ${i}: c status and children of srv before the deletion`, [
        processStatus(c),
        childrenOf('srv').length,
      ]);
      deleteProcess(srv);
      await waitUntil(() => !processLiveP(c));
      out.p(`round ${i}`, [events.list, processStatus(c), processExitStatus(c), childrenOf('srv').length]);
      deleteProcess(c);
    }

    for (let i = 0; i < 5; i++) {
      const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1', ':sentinel', intern('rec-sent')); // prettier-ignore
      const c = await mk(':name', 'c', ':nowait', t, ':host', '127.0.0.1', ':service', processContact(srv, ':service'), ':sentinel', intern('rec-sent')); // prettier-ignore
      events.clear();
      deleteProcess(srv);
      await waitUntil(() => !memq(processStatus(c), [intern('connect'), intern('open')]));
      out.p(`nowait round ${i}`, [
        events.list,
        processStatus(c),
        processExitStatus(c),
        childrenOf('srv').length,
      ]);
      deleteProcess(c);
    }

    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1', ':sentinel', intern('rec-sent')); // prettier-ignore
    const port = processContact(srv, ':service') as number;
    const c1 = await mk(
      ':name',
      'c1',
      ':host',
      '127.0.0.1',
      ':service',
      port,
      ':sentinel',
      intern('rec-sent'),
    );
    await waitUntil(() => peerChild('srv', c1));
    const ch1 = thePeerChild('srv', c1);
    const c2 = await mk(
      ':name',
      'c2',
      ':host',
      '127.0.0.1',
      ':service',
      port,
      ':sentinel',
      intern('rec-sent'),
    );
    events.clear();
    deleteProcess(srv);
    await waitUntil(() => !processLiveP(c2));
    show('events after deleting srv (c1 accepted, c2 in the queue)');
    out.p('c1, its child, c2', [processStatus(c1), processStatus(ch1), processStatus(c2)]);
    processSendString(c1, 'still here');
    out.p("apo on c1's child", await acceptProcessOutput(ch1, 1));
    out.p("c1's child's buffer", bufferText(processBuffer(ch1)));
    await out.try('connecting after the deletion', async () =>
      processStatus(await mk(':name', 'c3', ':host', '127.0.0.1', ':service', port)),
    );
    show('events at the end');
  },
};

export const waitScenarios: Scenario[] = [justThisOne, backlogAtDeletion];
