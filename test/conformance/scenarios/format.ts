import type { Scenario } from '../twin';
import { callTableScenario } from './call-table';

/** format and format-message, table by table (emacs/format-*.eld). */
export const formatScenarios: readonly Scenario[] = [
  callTableScenario('format-strings', 'format-strings.eld'),
  callTableScenario('format-integers', 'format-integers.eld'),
  callTableScenario('format-floats', 'format-floats.eld'),
  callTableScenario('format-chars-fields', 'format-chars-fields.eld'),
  callTableScenario('format-errors', 'format-errors.eld'),
  callTableScenario('format-message', 'format-message.eld'),
  callTableScenario('format-random', 'format-random.eld'),
  callTableScenario('format-random-numbers', 'format-random-numbers.eld'),
];

/** number-to-string, string-to-number, rounding, and what message, error and format-prompt return. */
export const numberScenarios: readonly Scenario[] = [
  callTableScenario('numbers-convert', 'numbers-convert.eld'),
  callTableScenario('rounding', 'rounding.eld'),
  callTableScenario('messages', 'messages.eld'),
  callTableScenario('numbers-random', 'numbers-random.eld'),
];
