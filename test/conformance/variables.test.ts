import { conformanceSuite } from './harness';
import { variableScenarios } from './scenarios/variables';
import { localScenarios } from './scenarios/variables-locals';
import { letScenarios } from './scenarios/variables-let';
import { definitionScenarios } from './scenarios/variables-defs';
import { errorScenarios } from './scenarios/variables-errors';

// Each scenario uses variables of its own (vg-, vb-, va-…), since the twins share one store.
conformanceSuite('conformance: variables', [
  ...variableScenarios,
  ...localScenarios,
  ...letScenarios,
  ...definitionScenarios,
  ...errorScenarios,
]);
