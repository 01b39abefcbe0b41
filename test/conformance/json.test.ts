import { conformanceSuite } from './harness';
import { jsonScenarios } from './scenarios/json';
import { jsonTableScenarios } from './scenarios/json-tables';

conformanceSuite('conformance: native JSON', [...jsonTableScenarios, ...jsonScenarios]);
