import { conformanceSuite } from './harness';
import { defaultFilterCallScenarios } from './scenarios/default-filter-call';

conformanceSuite(
  'conformance: internal-default-process-filter from a filter of ones own',
  defaultFilterCallScenarios,
);
