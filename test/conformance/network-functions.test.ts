import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emacsPath } from '../support/emacs-batch';
import { dnsIsolated } from '../support/isolated-dns';
import { NO_EMACS, Scenario, Transcript, checkEmacsRun, conformanceSuite, runEmacsScenario } from './harness';
import {
  lastMessages,
  lookupNames,
  lookupNumeric,
  networkFunctionScenarios,
} from './scenarios/network-functions';

conformanceSuite('conformance: format-network-address, lookups, interfaces', networkFunctionScenarios);

// Names that /etc/hosts does not answer would go to the system's DNS server: only where `npm test`
// has made lookups use /etc/hosts alone.
const NO_DNS_ISOLATION = 'SKIPPED: needs isolated name lookups (`npm test` as root)';
if (dnsIsolated) {
  conformanceSuite('conformance: network-lookup-address-info of names', [lookupNames]);
} else {
  describe.skip(`conformance: network-lookup-address-info of names (${NO_DNS_ISOLATION})`, () => {
    test(`${NO_DNS_ISOLATION}: ${lookupNames.name}`, () => undefined);
  });
}

/** Emacs's `message` in batch mode: each message on a line of its own on stderr. */
function stderrMessages(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '');
}

// The harness compares stdout only; the lookup failures' messages are compared here.
const messageScenarios: Scenario[] = dnsIsolated ? [lookupNumeric, lookupNames] : [lookupNumeric];
const haveEmacs = emacsPath() !== null;
(haveEmacs ? describe : describe.skip)(
  `conformance: network-lookup-address-info messages (Emacs: stderr, elproc: ElprocWarning)${haveEmacs ? '' : ` (${NO_EMACS})`}`,
  () => {
    test.each(messageScenarios.map((scenario) => [scenario.name, scenario] as const))(
      '%s',
      async (name, scenario) => {
        const tmp = mkdtempSync(join(tmpdir(), 'elproc-conf-messages-'));
        try {
          const emacs = await runEmacsScenario(name, tmp, 20000);
          checkEmacsRun(name, emacs);
          await scenario.twin(new Transcript(), { tmp, tmpPath: (file) => join(tmp, file) });
          const expected = stderrMessages(emacs.stderr);
          expect(expected.length).toBeGreaterThan(0);
          expect(lastMessages.get(name)).toEqual(expected);
        } finally {
          rmSync(tmp, { recursive: true, force: true });
        }
      },
      30000,
    );
  },
);
