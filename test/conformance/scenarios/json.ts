import type { Scenario } from '../twin';
export const jsonScenarios: readonly Scenario[] = [];
