import { conformanceSuite } from './harness';
import { datagramScenarios } from './scenarios/datagram';
import { datagramFamilyScenarios } from './scenarios/datagram-families';

// The families last: their final scenario waits for the Emacs half to free ports 80 and 69.
conformanceSuite('conformance: datagram processes', [...datagramScenarios, ...datagramFamilyScenarios]);
