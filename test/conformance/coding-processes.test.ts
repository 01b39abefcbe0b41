import { conformanceSuite } from './harness';
import {
  codingProcessScenarios,
  codingRoundtripScenarios,
  codingSetScenarios,
  codingSplitScenarios,
  codingVariableScenarios,
} from './scenarios/coding-processes';

conformanceSuite('conformance: coding systems of processes', [
  ...codingProcessScenarios,
  ...codingSplitScenarios,
  ...codingSetScenarios,
  ...codingRoundtripScenarios,
  ...codingVariableScenarios,
]);
