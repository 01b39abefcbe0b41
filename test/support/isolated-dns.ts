/**
 * Name lookups of unknown hosts would query the system's DNS server. `npm test` (scripts/run-tests.js)
 * runs jest in a mount namespace where lookups use /etc/hosts only and sets ELPROC_TEST_NS=1;
 * tests that look up names go through `withIsolatedDns` and are skipped, visibly, elsewhere.
 */
export const dnsIsolated = process.env.ELPROC_TEST_NS === '1';

if (!dnsIsolated) {
  console.warn('SKIPPED: name-lookup tests need `npm test` as root (isolated /etc/nsswitch.conf)');
}

/** `test` when lookups are isolated, else `test.skip` (named so the skip is visible). */
export const testWithIsolatedDns: jest.It = dnsIsolated ? test : test.skip;
