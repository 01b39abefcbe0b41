import { conformanceSuite } from './harness';
import { hashReadScenarios } from './scenarios/hash-read';
import { hashTableScenarios } from './scenarios/hash-tables';

conformanceSuite('conformance: hash tables', [...hashTableScenarios, ...hashReadScenarios]);
