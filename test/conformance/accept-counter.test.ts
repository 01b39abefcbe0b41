import { conformanceSuite } from './harness';
import { acceptCounter } from './scenarios/families';

// Alone in its file for a fresh accept counter (see unix.test.ts).
conformanceSuite('conformance: the global accept counter', [acceptCounter]);
