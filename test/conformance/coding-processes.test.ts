import { conformanceSuite } from './harness';
import { codingRoundtripScenarios, codingVariableScenarios } from './scenarios/coding-process-more';
import {
  codingProcessScenarios,
  codingSetScenarios,
  codingSplitScenarios,
} from './scenarios/coding-processes';

conformanceSuite('conformance: coding systems of processes', [
  ...codingProcessScenarios,
  ...codingSplitScenarios,
  ...codingSetScenarios,
  ...codingRoundtripScenarios,
  ...codingVariableScenarios,
]);
