import { conformanceSuite } from './harness';
import { timeNowScenarios, timeScenarios } from './scenarios/time';

conformanceSuite('conformance: time', timeScenarios);
conformanceSuite('conformance: the current time', timeNowScenarios);
