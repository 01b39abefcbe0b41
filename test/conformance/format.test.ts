import { conformanceSuite } from './harness';
import { formatScenarios, numberScenarios } from './scenarios/format';

conformanceSuite('conformance: format and format-message', formatScenarios);
conformanceSuite('conformance: numbers and messages', numberScenarios);
