import { conformanceSuite } from './harness';
import { timerObjects } from './scenarios/timer-objects';

conformanceSuite('conformance: timers, waits, catch and throw', [timerObjects]);
