import {
  LispValue,
  LispVector,
  bufferName,
  cancelFunctionTimers,
  cancelTimer,
  error,
  getBufferCreate,
  intern,
  runWithTimer,
  setBuffer,
  sitFor,
  sleepFor,
  symbolValue,
} from '../../../src';
import { Events, Scenario } from '../twin';

/** Timers running during sleep-for and sit-for (emacs/timer-runs.el). */
export const timerRuns: Scenario = {
  name: 'timer-runs',
  async twin(out) {
    cancelFunctionTimers(intern('show-paren-function'));
    const log = new Events();
    const logit = (...args: unknown[]): void => log.push(args);
    let runs = 0;
    const rep: LispVector<LispValue> = runWithTimer(0.05, 0.2, () => {
      runs++;
      logit(intern('rep'), runs, rep[0]);
      if (runs === 3) cancelTimer(rep);
    });
    runWithTimer(0.15, null, logit, intern('a'), 1, 'x');
    runWithTimer(0.35, null, logit, intern('b'));
    runWithTimer(0.55, null, logit, intern('c'));
    const doomed = runWithTimer(0.45, null, logit, intern('doomed'));
    runWithTimer(0.25, null, () => {
      cancelTimer(doomed);
      logit(intern('cancelled-doomed'));
    });
    runWithTimer(0.3, null, () => {
      logit(intern('failing'));
      error('boom %d', 1);
    });
    runWithTimer(0.3, null, intern('car'), 5);
    runWithTimer(0.6, null, () => {
      logit(intern('outer'));
      runWithTimer(0, null, logit, intern('inner'));
    });
    out.p('timers pending', (symbolValue('timer-list') as unknown[]).length);
    logit(intern('before-sleep'));
    out.p('sleep-for 0.75', await sleepFor(0.75));
    await sleepFor(0.1);
    out.p('log', log.list);
    out.p('runs of the repeating timer', runs);
    out.p('timer-list afterwards', symbolValue('timer-list'));
    log.clear();
    runWithTimer(0.1, null, logit, intern('during-sit-for'));
    out.p('sit-for 0.3', await sitFor(0.3));
    out.p('sit-for 0 10', await sitFor(0, 10));
    out.p('sit-for 0.1 nil', await sitFor(0.1, null));
    out.p('log after sit-for', log.list);
    out.p('sleep-for 0', await sleepFor(0));
    out.p('sleep-for -1', await sleepFor(-1));
    out.p('sleep-for 0 20', await sleepFor(0, 20));
    await out.try('sleep-for "1"', () => sleepFor('1'));
    await out.try('sleep-for 0 1.5', () => sleepFor(0, 1.5));
    await out.try('sleep-for nil', () => sleepFor(null));
    await out.try('sit-for "1"', () => sitFor('1'));
    await out.try('sit-for "1" 5', () => sitFor('1', 5));
    log.clear();
    const buf = getBufferCreate('other');
    runWithTimer(0.05, null, () => {
      setBuffer(buf);
      logit(intern('set-buffer'), bufferName());
    });
    await sleepFor(0.2);
    out.p('buffer after a timer set another', bufferName());
    out.p('log', log.list);
  },
};
