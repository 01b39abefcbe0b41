import { conformanceSuite } from './harness';
import { listScenarios } from './scenarios/lists';

conformanceSuite('conformance: list functions', listScenarios);
