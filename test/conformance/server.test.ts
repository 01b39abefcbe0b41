import { conformanceSuite } from './harness';
import { serverScenarios } from './scenarios/server';

conformanceSuite('conformance: servers', serverScenarios);
