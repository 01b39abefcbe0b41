import { conformanceSuite } from './harness';
import { familyScenarios } from './scenarios/families';

conformanceSuite('conformance: IPv6 and features', familyScenarios);
