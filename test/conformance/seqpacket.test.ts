import { conformanceSuite } from './harness';
import { seqpacket } from './scenarios/seqpacket';

// Alone in its file for a fresh accept counter (see unix.test.ts): the children are "sp <1>"…
conformanceSuite('conformance: seqpacket processes', [seqpacket]);
