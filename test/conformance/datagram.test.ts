import { conformanceSuite } from './harness';
import { datagramScenarios } from './scenarios/datagram';

conformanceSuite('conformance: datagram processes', datagramScenarios);
