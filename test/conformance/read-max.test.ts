import { conformanceSuite } from './harness';
import { readMaxScenarios } from './scenarios/read-max';

// In a file of its own: the scenario changes a setting every process reads.
conformanceSuite('conformance: read-process-output-max', readMaxScenarios);
