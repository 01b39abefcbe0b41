import { conformanceSuite } from './harness';
import { readingScenarios } from './scenarios/reading';

conformanceSuite('conformance: what a process does not read', readingScenarios);
