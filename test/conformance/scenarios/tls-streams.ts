import { concat, getBufferCreate, intern, lispBool, stringMatch, t } from '../../../src';
import { Scenario, Transcript, bufferText, waitUntil } from '../twin';
import { lisp, carProc, imapStarttls, statuses, tlsPort, trustTestCa } from './tls-common';

const p = (out: Transcript, label: string, value: unknown): void => out.p(label, value);

async function openPlain(out: Transcript): Promise<void> {
  trustTestCa();
  const simple = carProc([
    await lisp('open-network-stream', 'simple', null, '127.0.0.1', tlsPort('starttls')),
  ]);
  p(out, 'simple', [
    simple,
    lisp('process-status', simple),
    lisp('process-type', simple),
    lisp('process-contact', simple, t),
  ]);
  p(out, 'simple peer', lisp('gnutls-peer-status', simple));
  lisp('delete-process', simple);
  let r = await lisp(
    'open-network-stream',
    'plain',
    getBufferCreate('plain-buf'),
    '127.0.0.1',
    tlsPort('starttls'),
    ':type',
    intern('plain'),
    ':return-list',
    t,
    ':end-of-command',
    '\r\n',
  );
  p(out, 'plain', r);
  p(out, 'plain contact', lisp('process-contact', carProc(r), t));
  lisp('delete-process', carProc(r));
  r = await lisp(
    'open-network-stream',
    'caps',
    getBufferCreate('caps-buf'),
    '127.0.0.1',
    tlsPort('starttls'),
    ':type',
    intern('plain'),
    ':return-list',
    t,
    ':end-of-command',
    '\r\n',
    ':end-of-capability',
    '^1 OK.*\r\n',
    ':capability-command',
    '1 CAPABILITY\r\n',
    ':always-query-capabilities',
    t,
  );
  p(out, 'caps', r);
  p(out, 'caps buffer', bufferText('caps-buf'));
  lisp('delete-process', carProc(r));
  r = await lisp(
    'open-network-stream',
    'fun',
    getBufferCreate('fun-buf'),
    '127.0.0.1',
    tlsPort('plain'),
    ':return-list',
    t,
    ':end-of-command',
    '\r\n',
    ':capability-command',
    (greeting: unknown) => concat('1 CAPABILITY', greeting === null ? '' : '\r\n'),
    ':success',
    '^2 OK',
    ':starttls-function',
    imapStarttls,
  );
  p(out, 'no starttls offered', r);
  p(out, 'no starttls peer', lisp('gnutls-peer-status', carProc(r)));
  lisp('delete-process', carProc(r));
  r = await lisp(
    'open-network-stream',
    'nogreet',
    null,
    '127.0.0.1',
    tlsPort('plain'),
    ':return-list',
    t,
    ':end-of-command',
    '\r\n',
    ':nogreeting',
    t,
    ':capability-command',
    '1 CAPABILITY\r\n',
    ':end-of-capability',
    '^1 OK.*\r\n',
    ':success',
    '^2 OK',
    ':starttls-function',
    imapStarttls,
  );
  p(out, 'nogreeting', r);
  p(out, 'nogreeting buffer', lisp('process-buffer', carProc(r)));
  lisp('delete-process', carProc(r));
  await out.try('warn-unless-encrypted', () =>
    lisp(
      'open-network-stream',
      'warn',
      getBufferCreate('warn-buf'),
      '127.0.0.1',
      tlsPort('plain'),
      ':type',
      intern('plain'),
      ':return-list',
      t,
      ':warn-unless-encrypted',
      t,
    ),
  );
  await out.try('invalid type', () =>
    lisp(
      'open-network-stream',
      'bad',
      getBufferCreate('bad-buf'),
      '127.0.0.1',
      tlsPort('plain'),
      ':type',
      intern('foo'),
    ),
  );
  p(out, 'statuses', statuses());
  await out.try('missing buffer', () =>
    lisp(
      'open-network-stream',
      'missing',
      'no-such-buffer',
      '127.0.0.1',
      tlsPort('plain'),
      ':type',
      intern('plain'),
      ':return-list',
      t,
    ),
  );
  p(out, 'statuses after missing', statuses());
}

async function starttlsOpen(name: string, port: number, type: unknown): Promise<unknown> {
  return lisp(
    'open-network-stream',
    name,
    getBufferCreate(`${name}-buf`),
    '127.0.0.1',
    port,
    ':type',
    type,
    ':return-list',
    t,
    ':end-of-command',
    '\r\n',
    ':end-of-capability',
    '^1 OK.*\r\n',
    ':capability-command',
    '1 CAPABILITY\r\n',
    ':success',
    '^2 OK',
    ':starttls-function',
    imapStarttls,
  );
}

async function starttls(out: Transcript): Promise<void> {
  trustTestCa();
  let r = await starttlsOpen('st', tlsPort('starttls'), intern('starttls'));
  const st = carProc(r);
  p(out, 'starttls', r);
  p(out, 'starttls status', [lisp('process-status', st), lisp('process-type', st)]);
  p(out, 'starttls peer', lisp('gnutls-peer-status', st));
  lisp('process-send-string', st, 'hello\r\n');
  let at: unknown = null;
  await waitUntil(() => (at = stringMatch('echo hello', bufferText('st-buf') as string)) !== null);
  p(out, 'echo', at);
  p(out, 'buffer', bufferText('st-buf'));
  lisp('delete-process', st);
  p(out, 'peer after delete', lisp('gnutls-peer-status', st));
  r = await starttlsOpen('opportunistic', tlsPort('starttls'), null);
  p(out, 'opportunistic', r);
  const status = lisp('gnutls-peer-status', carProc(r)) as unknown[];
  p(out, 'opportunistic protocol', status[status.indexOf(intern(':protocol')) + 1]);
  lisp('delete-process', carProc(r));
  r = await starttlsOpen('network', tlsPort('plain'), intern('network'));
  p(out, 'network without starttls', r);
  lisp('delete-process', carProc(r));
  await out.try('demanded without starttls', () =>
    starttlsOpen('demanded', tlsPort('plain'), intern('starttls')),
  );
  await out.try('starttls to a wrong host', () =>
    starttlsOpen('wrong', tlsPort('starttlswrong'), intern('starttls')),
  );
  p(out, 'statuses', statuses());
  lispBool(true);
}

export const tlsStreamScenarios: readonly Scenario[] = [
  { name: 'tls-open-plain', twin: openPlain },
  { name: 'tls-starttls', twin: starttls },
];
