import { conformanceSuite } from './harness';
import { codingProcessScenarios } from './scenarios/coding-processes';

conformanceSuite('conformance: coding systems of processes', codingProcessScenarios);
