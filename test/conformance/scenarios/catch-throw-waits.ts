import {
  NetworkProcess,
  acceptProcessOutput,
  cancelFunctionTimers,
  deleteProcess,
  intern,
  lispCatch,
  lispThrow,
  processContact,
  processSendString,
  runWithTimer,
  setProcessFilter,
  sitFor,
  sleepFor,
  symbolValue,
  t,
  unwindProtect,
  withTimeout,
} from '../../../src';
import { Events, Scenario, mk, peerChild, thePeerChild, waitUntil } from '../twin';

/** A throw from a filter, a sentinel or a timer ends the catch whose body waits (emacs/catch-throw-waits.el). */
export const catchThrowWaits: Scenario = {
  name: 'catch-throw-waits',
  async twin(out) {
    cancelFunctionTimers(intern('show-paren-function'));
    const log = new Events();
    const logit = (...args: unknown[]): void => log.push(args);
    const show = (label: string): void => {
      out.p(label, log.list);
      log.clear();
    };
    const done = intern('done');
    // prettier-ignore
    const srv = await mk(':name', 'srv', ':server', t, ':service', t, ':host', '127.0.0.1', ':filter', intern('ignore'));
    const port = processContact(srv, ':service');
    // prettier-ignore
    const c = await mk(':name', 'c', ':host', '127.0.0.1', ':service', port, ':filter', (_proc: NetworkProcess, text: string) => {
      logit(intern('filter-before'), text);
      if (text.includes('throw')) lispThrow(done, [intern('got'), text]);
      logit(intern('filter-after'), text);
    });
    await waitUntil(() => peerChild('srv', c));
    const ch = thePeerChild('srv', c);

    out.p(
      "catch ended by the filter's throw",
      await lispCatch(done, async () => {
        processSendString(ch, 'throw 1');
        for (;;) {
          await acceptProcessOutput(null, 30);
          logit(intern('wait-returned'));
        }
      }),
    );
    show('events (throw 1)');

    out.p(
      'catch with unwind-protect in the body',
      await lispCatch(done, () =>
        unwindProtect(
          async () => {
            processSendString(ch, 'throw 2');
            for (;;) {
              await acceptProcessOutput(c, 30);
              logit(intern('wait-returned'));
            }
          },
          () => logit(intern('unwound')),
        ),
      ),
    );
    show('events (throw 2)');

    out.p(
      'output without a throw returns from the wait',
      await lispCatch(done, async () => {
        processSendString(ch, 'plain');
        await acceptProcessOutput(c, 3);
        logit(intern('wait-returned'));
        return intern('body-value');
      }),
    );
    show('events (plain)');

    out.p(
      'nested catches, the outer one thrown to',
      await lispCatch(done, async () => {
        await lispCatch(intern('inner'), () =>
          unwindProtect(
            async () => {
              processSendString(ch, 'throw 3');
              for (;;) await acceptProcessOutput(null, 30);
            },
            () => logit(intern('inner-unwound')),
          ),
        );
        logit(intern('after-inner'));
        return intern('outer-body-value');
      }),
    );
    show('events (throw 3)');

    const timeout = intern('timeout');
    out.p(
      'a timer throws while the body sleeps',
      await lispCatch(timeout, async () => {
        runWithTimer(0.1, null, () => {
          logit(intern('timer'));
          lispThrow(timeout, intern('timer-value'));
          logit(intern('timer-after'));
        });
        await sleepFor(5);
        logit(intern('slept'));
        return intern('body-value');
      }),
    );
    show('events (timer during sleep-for)');

    out.p(
      'a timer throws while the body sits',
      await lispCatch(timeout, async () => {
        runWithTimer(0.1, null, () => lispThrow(timeout, intern('sit-value')));
        await sitFor(5);
        return intern('body-value');
      }),
    );

    out.p(
      'with-timeout',
      await withTimeout(
        0.1,
        () => intern('timed-out'),
        async () => {
          await sleepFor(5);
          return intern('done');
        },
      ),
    );
    out.p(
      'with-timeout not reached',
      await withTimeout(
        5,
        () => intern('timed-out'),
        async () => {
          await sleepFor(0.05);
          return intern('done');
        },
      ),
    );
    out.p('timer-list afterwards', symbolValue('timer-list'));

    setProcessFilter(c, (_proc: NetworkProcess, text: string) => {
      logit(
        intern('inner-catch'),
        lispCatch(intern('local'), () => lispThrow(intern('local'), text)),
      );
      logit(intern('filter-went-on'));
    });
    processSendString(ch, 'local');
    out.p('a catch inside the filter', await acceptProcessOutput(c, 3));
    show('events (catch inside the filter)');

    const closed = intern('closed');
    // prettier-ignore
    const c2 = await mk(':name', 'c2', ':host', '127.0.0.1', ':service', port, ':sentinel', (_proc: NetworkProcess, event: string) =>
      lispThrow(closed, [intern('sentinel'), event]));
    await waitUntil(() => peerChild('srv', c2));
    out.p(
      'a sentinel throws',
      await lispCatch(closed, async () => {
        deleteProcess(thePeerChild('srv', c2));
        for (;;) await acceptProcessOutput(null, 30);
      }),
    );

    const self = intern('self');
    out.p(
      'throw from the body itself after a wait',
      await lispCatch(self, async () => {
        await sleepFor(0.01);
        lispThrow(self, intern('self-value'));
      }),
    );
    await out.try('throw without a catch', () => lispThrow(intern('nowhere'), 1));
    await out.try('throw to nil', () => lispCatch(null, () => lispThrow(null, 1)));
    out.p(
      "catch returns the body's value",
      lispCatch(intern('unused'), () => intern('value')),
    );
  },
};
