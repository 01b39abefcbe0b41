import { conformanceSuite } from './harness';
import { stringScenarios } from './scenarios/strings';

conformanceSuite('conformance: string functions', stringScenarios);
