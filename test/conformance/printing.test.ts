import { conformanceSuite } from './harness';
import { printingScenarios } from './scenarios/printing';

conformanceSuite('conformance: printing to output streams', printingScenarios);
