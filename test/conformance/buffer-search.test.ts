import { conformanceSuite } from './harness';
import { bufferSearchScenarios } from './scenarios/buffer-search';
import { processBufferParseScenarios } from './scenarios/process-buffer-parse';

conformanceSuite('conformance: searching buffers', [
  ...bufferSearchScenarios,
  ...processBufferParseScenarios,
]);
