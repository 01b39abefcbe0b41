import { conformanceSuite } from './harness';
import { waitScenarios } from './scenarios/waits';

conformanceSuite('conformance: accept-process-output waits, servers deleted with a backlog', waitScenarios);
