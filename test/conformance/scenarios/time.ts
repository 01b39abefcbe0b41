import {
  Cons,
  LispFloat,
  currentTime,
  currentTimeString,
  decodeTime,
  encodeTime,
  floatTime,
  formatTimeString,
  intern,
  lispBool,
  t,
  timeAdd,
  timeConvert,
  timeEqualP,
  timeLessP,
  timeSince,
  timeSubtract,
} from '../../../src';
import type { Scenario } from '../twin';
import { callTableScenario } from './call-table';

/** The time functions, table by table (emacs/time-*.eld). */
export const timeScenarios: readonly Scenario[] = [
  callTableScenario('time-values', 'time-values.eld'),
  callTableScenario('time-format', 'time-format.eld'),
  callTableScenario('time-format-random', 'time-format-random.eld'),
  callTableScenario('time-random', 'time-random.eld'),
  callTableScenario('time-local-random', 'time-local-random.eld'),
  callTableScenario('time-zones', 'time-zones.eld'),
  callTableScenario('time-decode-encode', 'time-decode-encode.eld'),
];

const num = (value: unknown): number => (value instanceof LispFloat ? value.value : Number(value));
const list = (value: unknown): unknown[] => value as unknown[];

/** The current time: shapes and relations, not values. */
const timeNow: Scenario = {
  name: 'time-now',
  async twin(out) {
    const a = currentTime();
    const b = currentTime();
    out.p('current-time shape', [
      a.length,
      lispBool(a.every((x) => typeof x === 'number' || typeof x === 'bigint')),
      lispBool(num(a[2]) >= 0 && num(a[2]) <= 999999),
      lispBool(num(a[3]) >= 0 && num(a[3]) <= 999999),
      lispBool(num(a[3]) % 1000 === 0),
    ]);
    out.p('current-time is recent', lispBool(num(timeConvert(a, intern('integer'))) > 1700000000));
    out.p('not going back', timeLessP(b, a));
    out.p(
      'float-time is a float',
      lispBool(typeof floatTime() === 'number' || floatTime() instanceof LispFloat),
    );
    out.p('float-time near', lispBool(Math.abs(num(floatTime()) - num(floatTime(a))) < 5));
    const d = list(timeSince(a));
    out.p('time-since', [d.length, lispBool(num(floatTime(d)) >= 0 && num(floatTime(d)) <= 5)]);
    const df = timeSince(floatTime(a));
    out.p('time-since a float', [
      lispBool(Array.isArray(df) || df instanceof Cons),
      lispBool(num(floatTime(df)) >= 0 && num(floatTime(df)) <= 5),
    ]);
    const s = list(timeAdd(null, 0));
    out.p('time-add nil 0', [s.length, timeLessP(s, a)]);
    out.p('time-subtract nil nil', timeSubtract(null, null));
    out.p('time-equal-p nil nil', timeEqualP(null, null));
    out.p('time-less-p nil nil', timeLessP(null, null));
    out.p('decode-time now', [
      decodeTime().length,
      decodeTime(null, t).length,
      lispBool(typeof decodeTime(null, t, t)[0] === 'number'),
    ]);
    out.p('format-time-string now', [
      formatTimeString('%Y-%m-%d').length,
      formatTimeString('%N', null, t).length,
    ]);
    out.p('current-time-string now', currentTimeString(null, t).length);
    out.p('time-convert nil t', (timeConvert(null, t) as Cons).cdr);
    out.p('time-convert nil integer', lispBool(typeof timeConvert(null, intern('integer')) === 'number'));
    out.p(
      'encode-time of decode-time',
      timeEqualP(encodeTime(decodeTime(a, t)), timeConvert(a, intern('integer'))),
    );
  },
};

export const timeNowScenarios: readonly Scenario[] = [timeNow];
