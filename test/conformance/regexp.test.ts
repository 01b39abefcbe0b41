import { conformanceSuite } from './harness';
import { regexpFunctionScenarios } from './scenarios/regexp-functions';
import { regexpTableScenarios } from './scenarios/regexp-table';

conformanceSuite('conformance: Emacs regexps, match data and the string functions', [
  ...regexpTableScenarios,
  ...regexpFunctionScenarios,
]);
