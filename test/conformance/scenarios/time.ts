import type { Scenario } from '../twin';
import { callTableScenario } from './call-table';

/** The time functions, table by table (emacs/time-*.eld). */
export const timeScenarios: readonly Scenario[] = [
  callTableScenario('time-values', 'time-values.eld'),
  callTableScenario('time-format', 'time-format.eld'),
  callTableScenario('time-zones', 'time-zones.eld'),
  callTableScenario('time-decode-encode', 'time-decode-encode.eld'),
];
