import { conformanceSuite } from './harness';
import { functionScenarios } from './scenarios/functions';

conformanceSuite('conformance: children, filters, sentinels, designators', functionScenarios);
