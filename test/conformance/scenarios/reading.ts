import {
  continueProcess,
  defun,
  deleteProcess,
  intern,
  NetworkProcess,
  processContact,
  processLiveP,
  processName,
  processSendString,
  processStatus,
  setProcessFilter,
  stopProcess,
  t,
} from '../../../src';
import { Events, mk, peerChild, Scenario, settle, thePeerChild, waitUntil } from '../twin';

/** Filter t and stop-process read nothing, not even the peer's close, until reading resumes. */
const filterTReading: Scenario = {
  name: 'filter-t-reading',
  async twin(out) {
    const events = new Events();
    defun('rec-filter', (proc: NetworkProcess, text: string) =>
      events.push([intern('FILTER'), processName(proc), text]),
    );
    defun('rec-sent', (proc: NetworkProcess, msg: string) =>
      events.push([intern('SENT'), processName(proc), msg]),
    );
    const show = (label: string): void => {
      out.p(label, events.list);
      events.clear();
    };
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':filter', intern('ignore'));
    const port = processContact(srv, ':service') as number;

    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':sentinel', intern('rec-sent'));
    await waitUntil(() => peerChild('srv', c));
    const ch = thePeerChild('srv', c);
    setProcessFilter(c, t);
    for (const piece of ['one ', 'two ', 'three']) {
      processSendString(ch, piece);
      await settle(0.05);
    }
    show('nothing while the filter is t');
    setProcessFilter(c, intern('rec-filter'));
    await waitUntil(() => events.length > 0);
    await settle(0.1);
    show('after the filter is back');

    setProcessFilter(c, t);
    processSendString(ch, 'last words');
    await settle(0.05);
    deleteProcess(ch);
    await settle(0.2);
    out.p('status while the filter is t', processStatus(c));
    show('events while the filter is t');
    setProcessFilter(c, intern('rec-filter'));
    await waitUntil(() => !processLiveP(c));
    show('after the filter is back');
    out.p('status after', processStatus(c));

    // prettier-ignore
    const c2 = await mk(
      ':name', 'c2', ':host', '127.0.0.1', ':service', port, ':sentinel', intern('rec-sent'),
      ':filter', intern('rec-filter'),
    );
    await waitUntil(() => peerChild('srv', c2));
    const ch2 = thePeerChild('srv', c2);
    stopProcess(c2);
    processSendString(ch2, 'a');
    await settle(0.05);
    processSendString(ch2, 'b');
    await settle(0.05);
    deleteProcess(ch2);
    await settle(0.2);
    out.p('status while stopped', processStatus(c2));
    show('events while stopped');
    continueProcess(c2);
    await waitUntil(() => !processLiveP(c2));
    show('after continue-process');
    out.p('status after continue', processStatus(c2));

    let total = 0;
    const stoppingFilter = (proc: NetworkProcess, text: string): void => {
      total += text.length;
      events.push([intern('FILTER'), processName(proc), text.length]);
      if (total === text.length) stopProcess(proc);
    };
    // prettier-ignore
    const c3 = await mk(
      ':name', 'c3', ':host', '127.0.0.1', ':service', port, ':sentinel', intern('rec-sent'),
      ':filter', stoppingFilter,
    );
    await waitUntil(() => peerChild('srv', c3));
    const ch3 = thePeerChild('srv', c3);
    processSendString(ch3, 'z'.repeat(10000));
    deleteProcess(ch3);
    await waitUntil(() => events.length > 0);
    await settle(0.2);
    out.p('status after the first read', processStatus(c3));
    show('events until then');
    continueProcess(c3);
    await waitUntil(() => !processLiveP(c3));
    show('after continue-process');
    out.p('total', total);
  },
};

export const readingScenarios: readonly Scenario[] = [filterTReading];
