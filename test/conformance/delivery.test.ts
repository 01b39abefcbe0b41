import { conformanceSuite } from './harness';
import { deliveryScenarios } from './scenarios/delivery';

conformanceSuite('conformance: nothing sent before delete-process is lost', deliveryScenarios);
