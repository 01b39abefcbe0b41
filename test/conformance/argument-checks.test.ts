import { conformanceSuite } from './harness';
import { argumentCheckScenarios } from './scenarios/argument-checks';

conformanceSuite(
  'conformance: argument checks (plists, coding, buffers, handlers, designators)',
  argumentCheckScenarios,
);
