import { conformanceSuite } from './harness';
import { bufferSearchScenarios } from './scenarios/buffer-search';

conformanceSuite('conformance: searching buffers', bufferSearchScenarios);
