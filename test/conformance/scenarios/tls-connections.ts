import { getBufferCreate, intern, plistGet, stringMatch, t } from '../../../src';
import type { LispValue } from '../../../src';
import { Scenario, Transcript, bufferText, waitUntil } from '../twin';
import { carProc, lisp, statuses, tlsFile, tlsPort, trustTestCa } from './tls-common';

/** common.el's `(wait-until (string-match REGEXP (buffer-text BUFFER)))`: the match position or nil. */
async function waitForText(regexp: string, buffer: string): Promise<number | null> {
  let at: number | null = null;
  await waitUntil(() => (at = stringMatch(regexp, bufferText(buffer) as string)) !== null);
  return at;
}

const peer = (proc: unknown): LispValue[] => lisp('gnutls-peer-status', proc) as LispValue[];

async function openTls(out: Transcript): Promise<void> {
  trustTestCa();
  const r = await lisp(
    'open-network-stream',
    'tls',
    getBufferCreate('tls-buf'),
    '127.0.0.1',
    tlsPort('good'),
    ':type',
    intern('tls'),
    ':return-list',
    t,
    ':end-of-command',
    '\r\n',
    ':capability-command',
    '1 CAPABILITY\r\n',
    ':end-of-capability',
    '^1 OK.*\r\n',
  );
  const proc = carProc(r);
  out.p('tls', r);
  out.p('tls status', [
    lisp('process-status', proc),
    lisp('process-type', proc),
    lisp('process-live-p', proc),
  ]);
  out.p('tls contact', lisp('process-contact', proc, t));
  out.p('tls peer', peer(proc));
  lisp('process-send-string', proc, 'hello\r\n');
  out.p('echo', await waitForText('echo hello', 'tls-buf'));
  out.p('buffer', bufferText('tls-buf'));
  const got: string[] = [];
  lisp('set-process-filter', proc, (_p: unknown, s: string) => got.unshift(s));
  lisp('process-send-string', proc, 'filtered\r\n');
  await waitUntil(() => got.length > 0);
  out.p('filter', got);
  lisp('delete-process', proc);
  out.p('peer after delete', lisp('gnutls-peer-status', proc));
  const ssl = await lisp(
    'open-network-stream',
    'ssl',
    null,
    '127.0.0.1',
    tlsPort('good'),
    ':type',
    intern('ssl'),
  );
  out.p('ssl', [ssl, lisp('process-status', ssl), plistGet(peer(ssl), ':protocol')]);
  lisp('delete-process', ssl);
  const gnutls = await lisp(
    'open-gnutls-stream',
    'gnutls',
    getBufferCreate('gnutls-buf'),
    '127.0.0.1',
    tlsPort('good'),
  );
  out.p('gnutls', [gnutls, lisp('process-status', gnutls), lisp('process-contact', gnutls, t)]);
  out.p('gnutls greeting', await waitForText('ready', 'gnutls-buf'));
  lisp('delete-process', gnutls);
  const coding = await lisp(
    'open-gnutls-stream',
    'coding',
    getBufferCreate('coding-buf'),
    '127.0.0.1',
    tlsPort('good'),
    [intern(':coding'), intern('latin-1')],
  );
  out.p('coding', lisp('process-coding-system', coding));
  lisp('process-send-string', coding, 'caf\u00e9\r\n');
  out.p('coding echo', await waitForText('echo caf', 'coding-buf'));
  out.p('coding buffer', bufferText('coding-buf'));
  lisp('delete-process', coding);
  const cert = await lisp(
    'open-network-stream',
    'cert',
    getBufferCreate('cert-buf'),
    '127.0.0.1',
    tlsPort('client'),
    ':type',
    intern('tls'),
    ':client-certificate',
    [tlsFile('client.key'), tlsFile('client.pem')],
  );
  lisp('process-send-string', cert, 'PEER\r\n');
  out.p('client cert', await waitForText('peer .*\r\n', 'cert-buf'));
  out.p('client cert buffer', bufferText('cert-buf'));
  lisp('delete-process', cert);
  const nocert = await lisp(
    'open-network-stream',
    'nocert',
    getBufferCreate('nocert-buf'),
    '127.0.0.1',
    tlsPort('client'),
    ':type',
    intern('tls'),
    ':client-certificate',
    null,
  );
  lisp('process-send-string', nocert, 'PEER\r\n');
  out.p('no client cert', await waitForText('peer .*\r\n', 'nocert-buf'));
  out.p('no client cert buffer', bufferText('nocert-buf'));
  lisp('delete-process', nocert);
  out.p('statuses', statuses());
}

function badOpen(name: string, how: 'gnutls' | 'tls'): Promise<unknown> {
  const buffer = getBufferCreate(`${name}-${how}`);
  if (how === 'gnutls')
    return lisp('open-gnutls-stream', name, buffer, '127.0.0.1', tlsPort(name)) as Promise<unknown>;
  return lisp(
    'open-network-stream',
    name,
    buffer,
    '127.0.0.1',
    tlsPort(name),
    ':type',
    intern('tls'),
    ':return-list',
    t,
    ':end-of-command',
    '\r\n',
  ) as Promise<unknown>;
}

const BAD = ['expired', 'wrong', 'self'];

function deleteAll(): void {
  for (const proc of lisp('process-list') as unknown[]) lisp('delete-process', proc);
}

async function badCerts(out: Transcript): Promise<void> {
  trustTestCa();
  for (const name of BAD) {
    await out.try(`${name} gnutls`, () => badOpen(name, 'gnutls'));
    await out.try(`${name} tls`, () => badOpen(name, 'tls'));
  }
  deleteAll();
  lisp('set', intern('gnutls-verify-error'), null);
  for (const name of BAD) {
    await out.try(`${name} nsm`, () => badOpen(name, 'tls'));
    await out.try(`${name} no check`, async () => {
      const proc = await badOpen(name, 'gnutls');
      return [lisp('process-status', proc), plistGet(peer(proc), ':warnings')];
    });
  }
  deleteAll();
  lisp('set', intern('network-security-level'), intern('low'));
  for (const name of BAD) {
    await out.try(`${name} low`, async () => {
      const r = await badOpen(name, 'tls');
      const status = peer(carProc(r));
      return [
        r,
        plistGet(status, ':warnings'),
        plistGet(plistGet(status, ':certificate') as LispValue[], ':subject'),
      ];
    });
  }
  deleteAll();
  lisp('set', intern('network-security-level'), intern('medium'));
  lisp('set', intern('gnutls-verify-error'), [['^127\\.0\\.0\\.1$', intern(':hostname')]]);
  await out.try('hostname only, expired', async () =>
    lisp('process-status', await badOpen('expired', 'gnutls')),
  );
  await out.try('hostname only, wrong', () => badOpen('wrong', 'gnutls'));
  lisp('set', intern('gnutls-verify-error'), [['^localhost$', t]]);
  await out.try('other host listed', async () => lisp('process-status', await badOpen('wrong', 'gnutls')));
  lisp('set', intern('gnutls-verify-error'), null);
  const plain = async (name: string, port: string): Promise<unknown> =>
    lisp('make-network-process', ':name', name, ':host', '127.0.0.1', ':service', tlsPort(port));
  await out.try('verify-error argument', async () =>
    lisp(
      'gnutls-negotiate',
      ':process',
      await plain('neg', 'self'),
      ':hostname',
      '127.0.0.1',
      ':verify-error',
      [intern(':trustfiles')],
    ),
  );
  await out.try('verify-flags time checks', async () =>
    lisp(
      'process-status',
      await lisp(
        'gnutls-negotiate',
        ':process',
        await plain('flags', 'expired'),
        ':hostname',
        '127.0.0.1',
        ':verify-error',
        t,
        ':verify-flags',
        64,
      ),
    ),
  );
}

export const tlsConnectionScenarios: readonly Scenario[] = [
  { name: 'tls-open', twin: openTls },
  { name: 'tls-bad-certs', twin: badCerts },
];
