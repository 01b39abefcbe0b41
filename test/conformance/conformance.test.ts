// The conformance suite is split by topic: conformance.test.ts (servers), client.test.ts,
// functions.test.ts, arguments.test.ts, families.test.ts, unix.test.ts, accept-counter.test.ts, waits.test.ts,
// plus differences.test.ts (the deliberate differences) and harness.test.ts (the machinery).
import { conformanceSuite } from './harness';
import { serverScenarios } from './scenarios/server';

conformanceSuite('conformance: servers', serverScenarios);
