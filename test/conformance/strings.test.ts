import { conformanceSuite } from './harness';
import { portScenarios, stringScenarios } from './scenarios/strings';

conformanceSuite('conformance: string functions', stringScenarios);
conformanceSuite('conformance: lists and strings in a port', portScenarios);
