import { conformanceSuite } from './harness';
import { regexpTableScenarios } from './scenarios/regexp-table';

conformanceSuite('conformance: Emacs regexps, match data and the string functions', [
  ...regexpTableScenarios,
]);
