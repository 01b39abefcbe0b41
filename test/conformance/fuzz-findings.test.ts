import { conformanceSuite } from './harness';
import { fuzzFindingScenarios } from './scenarios/fuzz-findings';

conformanceSuite('conformance: calls the generated corpus found failing', fuzzFindingScenarios);
