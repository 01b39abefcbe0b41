import { generateNewBuffer, intern, plistGet, splitString, stringPrefixP, t, vector } from '../../../src';
import type { LispValue } from '../../../src';
import { Scenario, Transcript, waitUntil } from '../twin';
import { lisp, tlsPort, trustTestCa } from './tls-common';

function issuerOf(status: unknown): unknown {
  const issuer = plistGet(plistGet(status as LispValue[], ':certificate') as LispValue[], ':issuer');
  return typeof issuer === 'string' ? (splitString(issuer, ',')[0] ?? null) : null;
}

/** The Emacs half's `check`. */
async function check(out: Transcript, label: string, proc: unknown): Promise<void> {
  out.p(`${label} status`, lisp('process-status', proc));
  await waitUntil(() => lisp('gnutls-peer-status', proc) !== null);
  const status = lisp('gnutls-peer-status', proc);
  out.p(label, [lisp('consp', status), issuerOf(status)]);
  lisp('delete-process', proc);
}

const foo = (): unknown => generateNewBuffer('*foo*');

async function emacsTests(out: Transcript): Promise<void> {
  trustTestCa();
  const port = tlsPort('good');
  const plain = await lisp(
    'make-network-process',
    ':name',
    'bar',
    ':buffer',
    foo(),
    ':host',
    'localhost',
    ':service',
    port,
  );
  await lisp(
    'gnutls-negotiate',
    ':process',
    plain,
    ':type',
    intern('gnutls-x509pki'),
    ':hostname',
    'localhost',
  );
  await check(out, 'connect-to-tls-ipv4-wait', plain);
  lisp('set', intern('network-security-level'), intern('low'));
  const tlsParameters = [
    intern('gnutls-x509pki'),
    ...(lisp('gnutls-boot-parameters', ':hostname', 'localhost') as unknown[]),
  ];
  await check(
    out,
    'connect-to-tls-ipv4-nowait',
    await lisp(
      'make-network-process',
      ':name',
      'bar',
      ':buffer',
      foo(),
      ':nowait',
      t,
      ':family',
      intern('ipv4'),
      ':tls-parameters',
      tlsParameters,
      ':host',
      'localhost',
      ':service',
      port,
    ),
  );
  const ons = (...params: unknown[]): Promise<unknown> =>
    lisp(
      'open-network-stream',
      'bar',
      foo(),
      'localhost',
      port,
      ':type',
      intern('tls'),
      ...params,
    ) as Promise<unknown>;
  await check(out, 'open-network-stream-tls-wait', await ons(':nowait', null));
  await check(out, 'open-network-stream-tls-nowait', await ons(':nowait', t));
  await check(out, 'open-network-stream-tls', await ons());
  await check(out, 'open-network-stream-tls-nocert', await ons(':client-certificate', null));
  const ogs = (parameters?: unknown): Promise<unknown> =>
    (parameters === undefined
      ? lisp('open-gnutls-stream', 'bar', foo(), 'localhost', port)
      : lisp('open-gnutls-stream', 'bar', foo(), 'localhost', port, parameters)) as Promise<unknown>;
  await check(out, 'open-gnutls-stream-new-api-nowait', await ogs([intern(':nowait'), t]));
  await check(out, 'open-gnutls-stream-old-api-nowait', await ogs(t));
  lisp('set', intern('network-security-level'), intern('medium'));
  await check(out, 'open-gnutls-stream-new-api-default', await ogs());
  await check(out, 'open-gnutls-stream-new-api-wait', await ogs([intern(':nowait'), null]));
  await check(out, 'open-gnutls-stream-old-api-wait', await ogs(null));
  await out.try('open-gnutls-stream-new-api-errors list', () =>
    lisp('open-gnutls-stream', 'bar', foo(), 'localhost', 44777, [t]),
  );
  await out.try('open-gnutls-stream-new-api-errors vector', () =>
    lisp('open-gnutls-stream', 'bar', foo(), 'localhost', 44777, vector(intern(':nowait'), t)),
  );
  const proc = await lisp(
    'open-network-stream',
    'events',
    null,
    '127.0.0.1',
    port,
    ':type',
    intern('tls'),
    ':nowait',
    t,
  );
  lisp('set-process-sentinel', proc, () => null);
  out.p('nowait peer before', lisp('gnutls-peer-status', proc));
  await waitUntil(() => lisp('gnutls-peer-status', proc) !== null);
  out.p('nowait handshake', lisp('consp', lisp('gnutls-peer-status', proc)));
  out.p('nowait mark', lisp('process-mark', proc));
  lisp('delete-process', proc);
  out.p(
    'buffers',
    (lisp('buffer-list') as { name: string }[]).filter((b) => stringPrefixP('*foo*', b.name) !== null),
  );
}

export const tlsEmacsTestScenarios: readonly Scenario[] = [
  { name: 'tls-emacs-tests', twin: emacsTests, timeoutMs: 30000 },
];
