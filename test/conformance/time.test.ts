import { conformanceSuite } from './harness';
import { timeScenarios } from './scenarios/time';

conformanceSuite('conformance: time', timeScenarios);
