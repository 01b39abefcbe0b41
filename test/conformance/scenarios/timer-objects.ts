import {
  LispValue,
  LispVector,
  cancelFunctionTimers,
  cancelTimer,
  el,
  floatTime,
  formatTimeString,
  intern,
  lispFloat,
  numberValue,
  runAtTime,
  runWithIdleTimer,
  runWithTimer,
  set,
  symbolValue,
  t,
  timeAdd,
  timerp,
  vector,
} from '../../../src';
import { Scenario } from '../twin';

type Timer = LispVector<LispValue>;

const triggerTime = (tm: Timer): number => numberValue(floatTime([tm[1], tm[2], tm[3], tm[8]]) as number);

/** timer-objects.el's `delay`: seconds from before `make` until the timer it returns triggers, to a tenth. */
function delay(make: () => Timer): LispValue {
  const before = numberValue(floatTime() as number);
  const tm = make();
  // Floored (a slow call must not round up), to an integer first, which has no -0.
  return lispFloat(Math.floor(0.01 + 10 * (triggerTime(tm) - before)) / 10 + 0);
}

/** timer-objects.el's `clock` */
function clock(tm: Timer): string {
  return formatTimeString('%H:%M:%S', [tm[1], tm[2], tm[3], tm[8]]);
}

/** timer-objects.el's `slots`: every slot but the time ones, and the length. */
function slots(tm: Timer): LispValue[] {
  return [tm[0], tm[4], tm[5], tm[6], tm[7], tm[9], tm.length] as LispValue[];
}

const functionsOf = (): LispValue => {
  const list = symbolValue('timer-list') as Timer[] | null;
  return list === null ? null : list.map((x) => x[5] as LispValue);
};

/** Timer objects and lists, run-at-time's TIME forms, cancelling (emacs/timer-objects.el). */
export const timerObjects: Scenario = {
  name: 'timer-objects',
  async twin(out) {
    const ignore = intern('ignore');
    out.p('initial timer-list', symbolValue('timer-list'));
    out.p('initial timer-idle-list', symbolValue('timer-idle-list'));
    let tm = vector<LispValue>();
    out.p(
      'run-at-time 10: delay',
      delay(() => (tm = runAtTime(10, null, ignore, 1, 'two'))),
    );
    out.p('run-at-time 10: slots', slots(tm));
    const list = symbolValue('timer-list') as Timer[];
    out.p('timer-list holds it', list.length === 1 && list[0] === tm ? t : null);
    out.p('timerp timer', timerp(tm));
    out.p('timerp 9-vector', timerp(vector(1, 2, 3, 4, 5, 6, 7, 8, 9)));
    out.p('timerp 8-vector', timerp(vector(1, 2, 3, 4, 5, 6, 7, 8)));
    out.p('timerp 5', timerp(5));
    out.p('cancel-timer', cancelTimer(tm));
    out.p('timer-list after cancel', symbolValue('timer-list'));
    out.p('cancel-timer again', cancelTimer(tm));
    await out.try('cancel-timer 5', () => cancelTimer(5));
    out.p('idle timer', runWithIdleTimer(5, t, ignore));
    out.p('idle timer 0.5', runWithIdleTimer(0.5, null, ignore, intern('x')));
    out.p('timer-idle-list', symbolValue('timer-idle-list'));
    out.p('cancel-function-timers ignore', cancelFunctionTimers(ignore));
    out.p('timer-idle-list after', symbolValue('timer-idle-list'));
    // prettier-ignore
    for (const time of ['2 sec', '2 secs', '1.5 hours', '1 min 30 sec', '90', '1130', '3 minutes', '1 day', '500 millisec', ' 2 sec ', '2sec'])
      out.p(`run-at-time ${JSON.stringify(time)}: delay`, delay(() => runAtTime(time, null, ignore)));
    for (const time of ['11:30', '11:30pm', '11.30am', '9am', '12pm', '12am', '7:05PM'])
      out.p(`run-at-time ${JSON.stringify(time)}: clock`, clock(runAtTime(time, null, ignore)));
    for (const time of ['2 SEC', 'bogus', '2 lightyears', '', intern('x'), t]) {
      const label = typeof time === 'string' ? JSON.stringify(time) : time.name;
      await out.try(`run-at-time ${label}`, () => delay(() => runAtTime(time, null, ignore)));
    }
    await out.try('run-at-time negative repeat', () => runAtTime(1, -1, ignore));
    await out.try('run-at-time nil function', () => runAtTime(1, null, null));
    await out.try('run-at-time 1 repeat "x"', () => slots(runAtTime(1, 'x', ignore)));
    tm = runAtTime(t, 60, ignore);
    out.p('run-at-time t 60: slots', slots(tm));
    const at = numberValue(floatTime([tm[1], tm[2], tm[3], tm[8]]) as number);
    out.p('run-at-time t 60: on a whole minute', Math.round(at) % 60);
    const d = triggerTime(tm) - numberValue(floatTime() as number);
    out.p('run-at-time t 60: within a minute', d >= 0 && d <= 60 ? t : null);
    await out.try('run-at-time t 0', () => slots(runAtTime(t, 0, ignore)));
    await out.try('run-at-time t 1.0e+INF', () => slots(runAtTime(t, lispFloat(Infinity), ignore)));
    tm = runAtTime(t, 0.25, ignore);
    out.p('run-at-time t 0.25: on a quarter second', [tm[4], tm[9], Math.round(4 * triggerTime(tm)) % 1]);
    out.p(
      'run-at-time nil 5: delay',
      delay(() => runAtTime(null, 5, ignore)),
    );
    out.p(
      'run-with-timer 0.3 0.5: delay',
      delay(() => (tm = runWithTimer(0.3, 0.5, ignore))),
    );
    out.p('run-with-timer 0.3 0.5: slots', slots(tm));
    out.p(
      'run-at-time (time-add nil 7): delay',
      delay(() => runAtTime(timeAdd(null, 7), null, ignore)),
    );
    set(intern('timer-list'), null);
    runWithTimer(30, null, intern('third'));
    runWithTimer(10, null, intern('first'));
    runWithTimer(20, null, intern('second'));
    runWithTimer(10, null, intern('first-again'));
    out.p('timer-list order', functionsOf());
    el['cancel-function-timers'](intern('first'));
    out.p('after cancel-function-timers first', functionsOf());
    set(intern('timer-list'), null);
    out.p('timer-list set to nil', symbolValue('timer-list'));
  },
};
