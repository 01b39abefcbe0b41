import { conformanceSuite } from './harness';
import { codingStringScenarios } from './scenarios/coding-strings';

conformanceSuite('conformance: unibyte and multibyte strings', codingStringScenarios);
