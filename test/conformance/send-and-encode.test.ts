import { conformanceSuite } from './harness';
import { sendAndEncodeScenarios } from './scenarios/send-and-encode';

conformanceSuite(
  'conformance: process-send-region arguments, unencodable characters',
  sendAndEncodeScenarios,
);
