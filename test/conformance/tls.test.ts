import { conformanceSuite } from './harness';
import { startTlsWorld, TlsWorld } from './tls-servers';
import { tlsStreamScenarios } from './scenarios/tls-streams';
import { tlsConnectionScenarios } from './scenarios/tls-connections';
import { tlsFunctionScenarios } from './scenarios/tls-functions';
import { tlsEmacsTestScenarios } from './scenarios/tls-emacs-tests';

// The servers run in this process and serve both halves; they are up before the Emacs halves start.
let world: TlsWorld | null = null;
beforeAll(async () => {
  world = await startTlsWorld();
}, 60000);
afterAll(async () => {
  await world?.close();
});

conformanceSuite('conformance: open-network-stream and TLS', [
  ...tlsStreamScenarios,
  ...tlsConnectionScenarios,
  ...tlsFunctionScenarios,
  ...tlsEmacsTestScenarios,
]);
