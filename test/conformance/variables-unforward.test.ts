import { conformanceSuite } from './harness';
import { unforwardScenarios } from './scenarios/variables-unforward';

// In a file of its own: making built-in variables void cannot be undone in this module registry.
conformanceSuite('conformance: variables made void', unforwardScenarios);
