/*
 * The timer lists and what runs them: timer.el's timer--activate, cancel-timer-internal and
 * timer-event-handler, with Node's event loop in the place of keyboard.c's timer_check.
 *
 * Emacs runs timers only while it waits (accept-process-output, sleep-for, sit-for, the command
 * loop); elproc runs them from the event loop whenever they are due, as it runs filters. One Node
 * timeout is armed for the earliest ordinary timer, and one for the earliest idle timer.
 *
 * Keeping the program alive: the ordinary timeout is ref'd, so the program runs while
 * `timer-list` is not empty (a pending timer, or a repeating one until it is cancelled); a
 * one-shot timer leaves the list when it runs. The idle timeout is armed (and ref'd) only while
 * some idle timer can still fire in the current idle period: a repeating idle timer that fired
 * waits for activity, which only something else that keeps the program alive can bring.
 *
 * Idle: the time since elproc last handled process output, a status change or a :log event
 * (process/core/activity.ts). Timers running do not end it.
 */
import { LispError } from '../lisp/errors';
import { outsideCatches } from '../lisp/catch-throw';
import { funcall } from '../lisp/function-table';
import { properItems } from '../lisp/lists';
import { intern, t } from '../lisp/symbol';
import { type LispValue, isNil, isNumber, isSymbol, numberValue } from '../lisp/values';
import { formatMessage, message } from '../text/format';
import { saveCurrentBuffer } from '../text/buffer';
import { floatTime, currentTime, timeAdd, timeSubtract } from '../text/time';
import { defineBuiltinVariable } from '../text/variables';
import { callReporting, describeThrown } from '../process/core/handler-errors';
import { idleSince, onActivity } from '../process/core/activity';
import {
  ARGS,
  IDLE,
  INTEGRAL,
  REPEAT,
  TRIGGERED,
  type Timer,
  isIdleTimer,
  nextIntegralMultiple,
  picosOf,
  setTimerTime,
  timerFunction,
  timerPicos,
  timerTime,
  isTimer,
} from './timer-object';

let active: Timer[] = [];
let idle: Timer[] = [];

const listOfTimers = (value: LispValue): Timer[] =>
  isNil(value) ? [] : (properItems(value).filter(isTimer) as Timer[]);

/** Emacs: timer-list, the ordinary timers in the order they trigger. */
defineBuiltinVariable('timer-list', {
  kind: 'lisp',
  default: null,
  get: () => (active.length === 0 ? null : [...active]),
  set: (value) => {
    active = listOfTimers(value);
    arm();
  },
});
/** Emacs: timer-idle-list */
defineBuiltinVariable('timer-idle-list', {
  kind: 'lisp',
  default: null,
  get: () => (idle.length === 0 ? null : [...idle]),
  set: (value) => {
    idle = listOfTimers(value);
    armIdle();
  },
});
/** Emacs: timer-max-repeats, how many overdue repetitions a late repeating timer catches up. */
const maxRepeats = defineBuiltinVariable('timer-max-repeats', { kind: 'lisp', default: 10 });

const NO_LIMIT_MS = 2 ** 31 - 1;
const nowPicos = (): bigint => picosOf(currentTime());

/**
 * Emacs: timer--activate. Puts TIMER in its list after the timers that trigger before it (so
 * before those that trigger at the same time), as timer.el inserts it.
 */
export function activate(timer: Timer, triggered: boolean, idleTimer: boolean): void {
  const at = timerPicos(timer);
  if (at === undefined || isNil(timerFunction(timer)))
    throw new LispError('error', ['Invalid or uninitialized timer']);
  const list = idleTimer ? idle : active;
  let index = 0;
  while (index < list.length && (timerPicos(list[index] as Timer) ?? 0n) < at) index++;
  list.splice(index, 0, timer);
  timer[TRIGGERED] = triggered ? t : null;
  timer[IDLE] = idleTimer ? intern('idle') : null;
  if (idleTimer) armIdle();
  else arm();
}

/** Emacs: cancel-timer-internal, for every occurrence. True when TIMER was in a list. */
export function deactivate(timer: Timer): boolean {
  const before = active.length + idle.length;
  active = active.filter((x) => x !== timer);
  idle = idle.filter((x) => x !== timer);
  const found = active.length + idle.length < before;
  if (found) {
    arm();
    armIdle();
  }
  return found;
}

/** Emacs: cancel-function-timers */
export function deactivateFunction(fn: LispValue): void {
  active = active.filter((x) => timerFunction(x) !== fn);
  idle = idle.filter((x) => timerFunction(x) !== fn);
  arm();
  armIdle();
}

let timeout: NodeJS.Timeout | null = null;

function arm(): void {
  if (timeout !== null) clearTimeout(timeout);
  timeout = null;
  let due: bigint | undefined;
  for (const timer of active) {
    const at = timerPicos(timer);
    if (isNil(timer[TRIGGERED]) && at !== undefined && (due === undefined || at < due)) due = at;
  }
  if (due === undefined) return;
  const ms = Math.min(NO_LIMIT_MS, Math.max(0, Number(due - nowPicos()) / 1e9));
  // Armed outside any catch, whoever armed it: timers run on the event loop's own account.
  timeout = outsideCatches(() => setTimeout(fire, ms));
}

function fire(): void {
  timeout = null;
  const now = nowPicos();
  const due = active.filter((timer) => isNil(timer[TRIGGERED]) && (timerPicos(timer) ?? now + 1n) <= now);
  try {
    for (const timer of due) if (active.includes(timer)) runTimer(timer);
  } finally {
    arm();
  }
}

let idleTimeout: NodeJS.Timeout | null = null;

function armIdle(): void {
  onActivity(idle.length === 0 ? null : startIdle);
  if (idleTimeout !== null) clearTimeout(idleTimeout);
  idleTimeout = null;
  let due: bigint | undefined;
  for (const timer of idle) {
    const at = timerPicos(timer);
    if (isNil(timer[TRIGGERED]) && at !== undefined && (due === undefined || at < due)) due = at;
  }
  if (due === undefined) return;
  const ms = idleSince() + Number(due) / 1e9 - performance.now();
  idleTimeout = outsideCatches(() => setTimeout(fireIdle, Math.min(NO_LIMIT_MS, Math.max(0, ms))));
}

function fireIdle(): void {
  idleTimeout = null;
  const elapsed = BigInt(Math.floor((performance.now() - idleSince()) * 1e9));
  const due = idle.filter(
    (timer) => isNil(timer[TRIGGERED]) && (timerPicos(timer) ?? elapsed + 1n) <= elapsed,
  );
  try {
    for (const timer of due) if (idle.includes(timer)) runTimer(timer);
  } finally {
    armIdle();
  }
}

/** Emacs: internal-timer-start-idle: a new idle period, in which every idle timer may fire again. */
function startIdle(): void {
  let changed = false;
  for (const timer of idle) {
    if (!isNil(timer[TRIGGERED])) {
      timer[TRIGGERED] = null;
      changed = true;
    }
  }
  // An armed timeout re-reads the idle start when it fires, so it need not move.
  if (changed || idleTimeout === null) armIdle();
}

/** Emacs: timer-event-handler. Reschedules a repeating TIMER, then calls its function. */
function runTimer(timer: Timer): void {
  if (!deactivate(timer)) return;
  let retrigger = false;
  const repeat = timer[REPEAT] as LispValue;
  if (!isNil(repeat)) {
    if (isIdleTimer(timer)) activate(timer, true, true);
    else {
      setTimerTime(timer, timeAdd(timerTime(timer), repeat));
      catchUp(timer, repeat);
      if (timer.length > 9 && !isNil(timer[INTEGRAL]))
        setTimerTime(timer, nextIntegralMultiple(currentTime(), repeat));
      activate(timer, true, false);
      retrigger = true;
    }
  }
  const fn = timerFunction(timer);
  const args = isNil(timer[ARGS]) ? [] : properItems(timer[ARGS] as LispValue);
  callReporting(
    () => outsideCatches(() => saveCurrentBuffer(() => funcall(fn as never, ...args))),
    (err) => reportTimerError(fn, err),
  );
  if (retrigger && active.includes(timer)) timer[TRIGGERED] = null;
}

/** timer-event-handler's limit on repetitions owed by a timer that ran late (timer-max-repeats). */
function catchUp(timer: Timer, repeat: LispValue): void {
  const limit = maxRepeats.value();
  if (!isNumber(limit) || !isNumber(repeat)) return;
  const late = numberValue(floatTime(timeSubtract(null, timerTime(timer))));
  if (late <= 0) return;
  const repeats = late / numberValue(repeat);
  if (repeats > numberValue(limit))
    setTimerTime(timer, timeAdd(timerTime(timer), numberValue(repeat) * repeats));
}

/** `Error running timer ‘fn’: (error "x")`, printed by `message` as timer.el does. */
function reportTimerError(fn: LispValue, err: unknown): void {
  const name = isSymbol(fn) ? formatMessage(" `%s'", fn) : '';
  if (err instanceof LispError) message('Error running timer%s: %S', name, err.toLisp());
  else message('Error running timer%s: %s', name, describeThrown(err).detail);
}
