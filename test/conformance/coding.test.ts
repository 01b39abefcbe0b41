import { conformanceSuite } from './harness';
import { codingConversionScenarios, codingRegionScenarios } from './scenarios/coding-conversions';
import { codingPropsScenarios } from './scenarios/coding-props';

conformanceSuite('conformance: coding systems on strings and regions', [
  ...codingConversionScenarios,
  ...codingPropsScenarios,
  ...codingRegionScenarios,
]);
