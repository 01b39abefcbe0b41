import { conformanceSuite } from './harness';
import { bufferByteScenarios } from './scenarios/buffer-bytes';
import { bufferFormScenarios } from './scenarios/buffer-forms';
import { bufferMarkerScenarios } from './scenarios/buffer-markers';
import { bufferNameScenarios } from './scenarios/buffer-names';
import { bufferProcessScenarios } from './scenarios/buffer-processes';
import { bufferMotionScenarios } from './scenarios/buffer-motion';
import { bufferScenarios } from './scenarios/buffers';

conformanceSuite('conformance: buffers, markers, narrowing, bytes, body forms', [
  ...bufferNameScenarios,
  ...bufferScenarios,
  ...bufferMotionScenarios,
  ...bufferMarkerScenarios,
  ...bufferByteScenarios,
  ...bufferFormScenarios,
  ...bufferProcessScenarios,
]);
