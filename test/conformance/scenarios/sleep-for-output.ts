import {
  NetworkProcess,
  cancelFunctionTimers,
  deleteProcess,
  intern,
  processContact,
  processSendString,
  processStatus,
  runWithTimer,
  sitFor,
  sleepFor,
  t,
} from '../../../src';
import { Events, Scenario, mk, peerChild, thePeerChild, waitUntil } from '../twin';

/** Process output and timers during sleep-for and sit-for (emacs/sleep-for-output.el). */
export const sleepForOutput: Scenario = {
  name: 'sleep-for-output',
  async twin(out) {
    cancelFunctionTimers(intern('show-paren-function'));
    const log = new Events();
    const logit = (...args: unknown[]): void => log.push(args);
    // prettier-ignore
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1', ':filter', intern('ignore'));
    // prettier-ignore
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', processContact(srv, ':service'),
      ':filter', (_proc: NetworkProcess, text: string) => logit(intern('output'), text),
      ':sentinel', (_proc: NetworkProcess, event: string) => logit(intern('sentinel'), event));
    await waitUntil(() => peerChild('srv', c));
    const ch = thePeerChild('srv', c);
    log.clear();
    runWithTimer(0.1, null, () => {
      logit(intern('timer'), 1);
      processSendString(ch, 'one');
    });
    runWithTimer(0.3, null, () => {
      logit(intern('timer'), 2);
      processSendString(ch, 'two');
    });
    runWithTimer(0.5, null, () => {
      logit(intern('timer'), 3);
      deleteProcess(ch);
    });
    out.p('sleep-for 0.8', await sleepFor(0.8));
    out.p('events during sleep-for', log.list);
    out.p('status after', processStatus(c));
    log.clear();
    // prettier-ignore
    const c2 = await mk(':name', 'c2', ':host', '127.0.0.1', ':service', processContact(srv, ':service'),
      ':filter', (_proc: NetworkProcess, text: string) => logit(intern('output2'), text));
    await waitUntil(() => peerChild('srv', c2));
    const ch2 = thePeerChild('srv', c2);
    log.clear();
    runWithTimer(0.1, null, () => processSendString(ch2, 'during sit-for'));
    out.p('sit-for 0.4', await sitFor(0.4));
    out.p('events during sit-for', log.list);
  },
};
