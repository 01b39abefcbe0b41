import { conformanceSuite } from './harness';
import { formatScenarios } from './scenarios/format';

conformanceSuite('conformance: format and format-message', formatScenarios);
