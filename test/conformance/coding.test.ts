import { conformanceSuite } from './harness';
import { codingConversionScenarios } from './scenarios/coding-conversions';
import { codingPropsScenarios } from './scenarios/coding-props';

conformanceSuite('conformance: coding systems on strings', [
  ...codingConversionScenarios,
  ...codingPropsScenarios,
]);
