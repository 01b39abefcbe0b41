import { conformanceSuite } from './harness';
import { clientScenarios } from './scenarios/client';

conformanceSuite('conformance: clients', clientScenarios);
