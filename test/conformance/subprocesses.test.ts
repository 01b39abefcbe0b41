import { conformanceSuite } from './harness';
import { subprocessCodingScenarios } from './scenarios/subprocess-coding';
import { subprocessIoScenarios } from './scenarios/subprocess-io';
import { subprocessMoreScenarios } from './scenarios/subprocess-more';
import { subprocessPipeScenarios } from './scenarios/subprocess-pipes';
import { subprocessPtyScenarios } from './scenarios/subprocess-pty';
import { subprocessSignalScenarios } from './scenarios/subprocess-signals';
import { subprocessSyncScenarios } from './scenarios/subprocess-sync';

conformanceSuite('conformance: subprocesses, statuses and signals', [
  ...subprocessSignalScenarios,
  ...subprocessIoScenarios,
  ...subprocessPipeScenarios,
  ...subprocessSyncScenarios,
  ...subprocessPtyScenarios,
  ...subprocessCodingScenarios,
  ...subprocessMoreScenarios,
]);
