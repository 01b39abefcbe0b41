import { conformanceSuite } from './harness';
import { orderAndMarksScenarios } from './scenarios/order-and-marks';

conformanceSuite('conformance: sentinel order, process marks', orderAndMarksScenarios);
