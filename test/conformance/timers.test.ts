import { conformanceSuite } from './harness';
import { timerObjects } from './scenarios/timer-objects';
import { timerRuns } from './scenarios/timer-runs';
import { catchThrowWaits } from './scenarios/catch-throw-waits';
import { jsonrpcThrow } from './scenarios/jsonrpc-throw';
import { signals } from './scenarios/signals';
import { sleepForOutput } from './scenarios/sleep-for-output';

conformanceSuite('conformance: timers, waits, catch and throw', [
  timerObjects,
  timerRuns,
  catchThrowWaits,
  jsonrpcThrow,
  signals,
  sleepForOutput,
]);
