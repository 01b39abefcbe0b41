import { getBufferCreate, intern, letBindings, t, vector } from '../../../src';
import type { LispSymbol } from '../../../src';
import { Scenario, Transcript } from '../twin';
import { lisp, statuses, tlsFile, tlsPort, trustTestCa } from './tls-common';

const k = (name: string): LispSymbol => intern(`:${name}`);

async function functions(out: Transcript): Promise<void> {
  trustTestCa();
  out.p('available', lisp('gnutls-available-p'));
  out.p('boot default', lisp('gnutls-boot-parameters', ':hostname', 'h'));
  out.p(
    'boot x509',
    lisp(
      'gnutls-boot-parameters',
      ':type',
      intern('gnutls-x509pki'),
      ':hostname',
      'h',
      ':verify-hostname-error',
      t,
      ':keylist',
      [['k', 'c']],
      ':min-prime-bits',
      1024,
      ':verify-flags',
      64,
    ),
  );
  out.p(
    'boot anon',
    lisp(
      'gnutls-boot-parameters',
      ':type',
      intern('gnutls-anon'),
      ':priority-string',
      'NORMAL',
      ':trustfiles',
      ['x'],
    ),
  );
  letBindings(
    [
      [
        intern('gnutls-verify-error'),
        [
          ['^a\\.', k('trustfiles')],
          ['.*', k('hostname')],
        ],
      ],
      [intern('gnutls-algorithm-priority'), 'normal:-vers-tls1.3'],
    ],
    () => {
      out.p(
        'boot list a',
        lisp('gnutls-boot-parameters', ':type', intern('gnutls-x509pki'), ':hostname', 'a.example'),
      );
      out.p(
        'boot list b',
        lisp(
          'gnutls-boot-parameters',
          ':type',
          intern('gnutls-x509pki'),
          ':hostname',
          'b.example',
          ':verify-hostname-error',
          t,
        ),
      );
    },
  );
  letBindings(
    [
      [
        intern('gnutls-trustfiles'),
        [tlsFile('ca.pem'), '/nonexistent/ca.pem', tlsFile('*ood.pem'), () => tlsFile('client.pem')],
      ],
    ],
    () => out.p('trustfiles', lisp('gnutls-trustfiles')),
  );
  out.p('crlfiles', lisp('gnutls-crlfiles'));
  await out.try('malformed', () =>
    lisp('open-gnutls-stream', 'm', null, '127.0.0.1', tlsPort('good'), [k('nowait')]),
  );
  await out.try('garbage', () =>
    lisp('open-gnutls-stream', 'garbage', getBufferCreate('g-buf'), '127.0.0.1', tlsPort('garbage')),
  );
  await out.try('hangup', () =>
    lisp('open-gnutls-stream', 'hangup', getBufferCreate('h-buf'), '127.0.0.1', tlsPort('hangup')),
  );
  out.p('statuses', statuses());
  for (const proc of lisp('process-list') as unknown[]) lisp('delete-process', proc);
  const twice = await lisp(
    'open-gnutls-stream',
    'twice',
    getBufferCreate('t-buf'),
    '127.0.0.1',
    tlsPort('good'),
  );
  await out.try('negotiate twice', () =>
    lisp('gnutls-negotiate', ':process', twice, ':hostname', '127.0.0.1'),
  );
  lisp('delete-process', twice);
  await out.try('negotiate deleted', () =>
    lisp('gnutls-negotiate', ':process', twice, ':hostname', '127.0.0.1'),
  );
  const plain = await lisp(
    'make-network-process',
    ':name',
    'plain',
    ':host',
    '127.0.0.1',
    ':service',
    tlsPort('plain'),
  );
  out.p('plain peer', lisp('gnutls-peer-status', plain));
  lisp('delete-process', plain);
  await out.try('peer of non-process', () => lisp('gnutls-peer-status', 5));
  await out.try('negotiate non-process', () => lisp('gnutls-negotiate', ':process', 5));
  await letBindings([[intern('gnutls-trustfiles'), [() => ['x']]]], () =>
    out.try('trustfile function returning a list', () => lisp('gnutls-trustfiles')),
  );
  await out.try('odd vector parameters', () =>
    lisp('open-gnutls-stream', 'v', null, '127.0.0.1', 1, vector(1)),
  );
  await out.try('string parameters', () => lisp('open-gnutls-stream', 'v', null, '127.0.0.1', 1, 'ab'));
  out.p(
    'errorp',
    [t, -15, null, 0].map((e) => lisp('gnutls-errorp', e)),
  );
  out.p(
    'error strings',
    [t, -12, -15, -53, -64, -110, -9999, intern('foo'), 'x'].map((e) => lisp('gnutls-error-string', e)),
  );
}

export const tlsFunctionScenarios: readonly Scenario[] = [{ name: 'tls-functions', twin: functions }];
