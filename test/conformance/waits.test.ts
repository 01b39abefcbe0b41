import { conformanceSuite } from './harness';
import { waitScenarios } from './scenarios/waits';

conformanceSuite('conformance: accept-process-output waits', waitScenarios);
