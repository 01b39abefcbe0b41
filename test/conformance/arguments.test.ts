import { conformanceSuite } from './harness';
import { argumentScenarios } from './scenarios/arguments';

conformanceSuite('conformance: arguments and set-network-process-option', argumentScenarios);
