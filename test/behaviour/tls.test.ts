/**
 * TLS on real loopback sockets: verification against Node's CA store by default, the settings
 * Emacs users pass, `openssl s_server`, filters, stopping and lingering on the cleartext side,
 * `:nowait`, and what elproc does differently from Emacs 28 (README: "TLS").
 */
import { X509Certificate } from 'crypto';
import { readFileSync, writeFileSync } from 'fs';
import type { AddressInfo } from 'net';
import tls from 'tls';
import {
  LispError,
  NetworkProcess,
  bufferString,
  continueProcess,
  defaultValue,
  deleteProcess,
  el,
  getBufferCreate,
  gnutlsNegotiate,
  gnutlsPeerStatus,
  intern,
  letBindings,
  makeNetworkProcess,
  openGnutlsStream,
  openNetworkStream,
  plistGet,
  prin1ToString,
  processExitStatus,
  processList,
  processSendString,
  processStatus,
  setProcessFilter,
  setProcessSentinel,
  stopProcess,
  t,
  withCurrentBuffer,
} from '../../src';
import type { LispSymbol, LispValue } from '../../src';
import { deleteAllProcesses, lispErrorOf, printedError } from '../support/behaviour-helpers';
import { openDescriptorCount } from '../support/sockets';
import {
  Certificates,
  LineServer,
  makeCertificates,
  startLineServer,
  startNonTlsServer,
  startOpensslServer,
} from '../support/tls-fixtures';
import { settle, waitFor } from '../support/wait';

let certs: Certificates;
const servers: Record<string, LineServer> = {};

beforeAll(async () => {
  certs = makeCertificates();
  servers.good = await startLineServer(certs, { mode: 'tls', cert: 'good' });
  servers.wrong = await startLineServer(certs, { mode: 'tls', cert: 'wrong' });
  servers.client = await startLineServer(certs, { mode: 'tls', cert: 'good', requestCert: true });
  servers.starttls = await startLineServer(certs, { mode: 'starttls', cert: 'good' });
  servers.garbage = await startNonTlsServer('garbage');
}, 60000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.close()));
  certs.remove();
});

afterEach(() => deleteAllProcesses());

const port = (name: string): number => (servers[name] as LineServer).port;

/** A plain client of the STARTTLS server, with its buffer NAME-buf. */
const starttlsClient = (name: string): Promise<NetworkProcess> =>
  makeNetworkProcess(
    ':name',
    name,
    ':buffer',
    `${name}-buf`,
    ':host',
    '127.0.0.1',
    ':service',
    port('starttls'),
  );
const trustCa = (): [LispSymbol, LispValue] => [intern('gnutls-trustfiles'), [certs.pem('ca')]];

function text(proc: NetworkProcess): string {
  return String(withCurrentBuffer(el['process-buffer']?.(proc) as never, () => bufferString()));
}

async function openGood(name = 'tls'): Promise<NetworkProcess> {
  return letBindings([trustCa()], () =>
    openGnutlsStream(name, getBufferCreate(`${name}-buf`), '127.0.0.1', port('good')),
  );
}

describe('verification by default', () => {
  it('keeps gnutls.el defaults but for gnutls-verify-error, which is t (Emacs: nil)', () => {
    expect(prin1ToString(defaultValue('gnutls-verify-error'))).toBe('t');
    expect(prin1ToString(defaultValue('network-security-level'))).toBe('medium');
    expect(defaultValue('gnutls-trustfiles')).toContain('/etc/ssl/certs/ca-certificates.crt');
  });

  it("checks against Node's CA store, which does not know the test CA", async () => {
    const err = await lispErrorOf(() =>
      openGnutlsStream('x', getBufferCreate('x'), '127.0.0.1', port('good')),
    );
    expect(printedError(err)).toBe('(error "Certificate validation failed 127.0.0.1, verification code 42")');
  });

  it('checks the host name even with a trusted certificate', async () => {
    const err = await lispErrorOf(() =>
      letBindings([trustCa()], () => openGnutlsStream('x', getBufferCreate('x'), '127.0.0.1', port('wrong'))),
    );
    expect(printedError(err)).toBe('(error "The x509 certificate does not match \\"127.0.0.1\\"")');
  });

  it('takes :trustfiles given to gnutls-negotiate, and a CA file in DER form', async () => {
    const der = `${certs.dir}/ca.der`;
    writeFileSync(der, new X509Certificate(readFileSync(certs.pem('ca'))).raw);
    const plain = (await makeNetworkProcess(
      ':name',
      'p',
      ':host',
      '127.0.0.1',
      ':service',
      port('good'),
    )) as NetworkProcess;
    await gnutlsNegotiate(':process', plain, ':hostname', 'localhost', ':trustfiles', [der]);
    expect(plistGet(gnutlsPeerStatus(plain) as LispValue[], ':protocol')).toBe('TLS1.3');
  });
});

describe('a TLS connection is a network process', () => {
  it('echoes through filters and survives stop/continue on the cleartext side', async () => {
    const proc = await openGood();
    await waitFor(() => text(proc).includes('ready'), 'greeting');
    const got: string[] = [];
    setProcessFilter(proc, (_p: unknown, s: string) => got.push(s));
    stopProcess(proc);
    processSendString(proc, 'one\r\n');
    await settle(100);
    expect(got).toEqual([]);
    continueProcess(proc);
    await waitFor(() => got.join('').includes('echo one'), 'echo after continue');
    expect(el['process-type']?.(proc)).toBe(intern('network'));
  });

  it('delivers what was sent before delete-process, then closes (close_notify, FIN)', async () => {
    let received = 0;
    const ended = new Promise<void>((resolve) => {
      const server = tls.createServer(
        { key: readFileSync(certs.key('good')), cert: readFileSync(certs.pem('good')) },
        (socket) => {
          socket.on('data', (chunk: Buffer) => (received += chunk.length));
          socket.on('end', () => {
            socket.end();
            server.close();
            resolve();
          });
        },
      );
      server.listen(0, '127.0.0.1', () => {
        const address = server.address() as AddressInfo;
        void letBindings([trustCa()], () => openGnutlsStream('linger', null, '127.0.0.1', address.port)).then(
          (proc) => {
            processSendString(proc, 'x'.repeat(200000));
            deleteProcess(proc);
            expect(processStatus(proc)).toBe(intern('closed'));
            expect(gnutlsPeerStatus(proc)).toBeNull();
          },
        );
      });
    });
    await ended;
    expect(received).toBe(200000);
  });

  it('talks to openssl s_server', async () => {
    const server = await startOpensslServer(certs, 'good');
    try {
      const proc = await letBindings([trustCa()], () =>
        openNetworkStream('ossl', getBufferCreate('ossl'), '127.0.0.1', server.port, ':type', intern('tls')),
      );
      processSendString(proc as NetworkProcess, 'hello\n');
      await waitFor(() => text(proc as NetworkProcess).includes('olleh'), 'reversed line');
      const status = gnutlsPeerStatus(proc) as LispValue[];
      expect(plistGet(plistGet(status, ':certificate') as LispValue[], ':subject')).toBe('CN=good');
      deleteProcess(proc);
    } finally {
      await server.stop();
    }
  });

  it('sends the client certificate of :keylist', async () => {
    const plain = (await makeNetworkProcess(
      ':name',
      'c',
      ':buffer',
      'c-buf',
      ':host',
      '127.0.0.1',
      ':service',
      port('client'),
    )) as NetworkProcess;
    await letBindings([trustCa()], () =>
      gnutlsNegotiate(':process', plain, ':hostname', '127.0.0.1', ':keylist', [
        [certs.key('client'), certs.pem('client')],
      ]),
    );
    processSendString(plain, 'PEER\r\n');
    await waitFor(() => text(plain).includes('peer CN=client'), 'client certificate seen');
  });

  it('leaks no descriptors', async () => {
    const before = openDescriptorCount();
    for (let i = 0; i < 5; i++) deleteProcess(await openGood(`fd${i}`));
    await waitFor(() => openDescriptorCount() <= before, 'descriptors back', 3000);
  });
});

describe(':nowait and :tls-parameters', () => {
  const boot = (host: string): LispValue[] => [
    intern('gnutls-x509pki'),
    ...(el['gnutls-boot-parameters']?.(':hostname', host, ':trustfiles', [certs.pem('ca')]) as LispValue[]),
  ];

  it('a blocking make-network-process resolves once secure', async () => {
    const proc = (await makeNetworkProcess(
      ':name',
      'b',
      ':host',
      '127.0.0.1',
      ':service',
      port('good'),
      ':tls-parameters',
      boot('127.0.0.1'),
    )) as NetworkProcess;
    expect(processStatus(proc)).toBe(intern('open'));
    expect(plistGet(gnutlsPeerStatus(proc) as LispValue[], ':protocol')).toBe('TLS1.3');
  });

  it('a :nowait one stays in connect until the handshake, then runs the sentinel once with "open\\n"', async () => {
    const events: string[] = [];
    const proc = (await makeNetworkProcess(
      ':name',
      'n',
      ':nowait',
      t,
      ':host',
      '127.0.0.1',
      ':service',
      port('good'),
      ':tls-parameters',
      boot('127.0.0.1'),
      ':sentinel',
      (_p: unknown, e: string) => events.push(e),
    )) as NetworkProcess;
    expect(processStatus(proc)).toBe(intern('connect'));
    await waitFor(() => events.length > 0, 'open event');
    await settle(50);
    expect(events).toEqual(['open\n']);
    expect(processStatus(proc)).toBe(intern('open'));
  });

  it('without gnutls-verify-error, :tls-parameters keeps a connection with warnings (no NSM; Emacs 28 fails it)', async () => {
    const proc = (await letBindings([[intern('gnutls-verify-error'), null]], () =>
      makeNetworkProcess(
        ':name',
        'w',
        ':host',
        '127.0.0.1',
        ':service',
        port('wrong'),
        ':tls-parameters',
        boot('127.0.0.1'),
      ),
    )) as NetworkProcess;
    expect(processStatus(proc)).toBe(intern('open'));
    expect(prin1ToString(plistGet(gnutlsPeerStatus(proc) as LispValue[], ':warnings'))).toBe(
      '(:no-host-match)',
    );
  });

  it('a :nowait one whose check fails ends failed, with the text Emacs 28 gives it', async () => {
    const events: string[] = [];
    const proc = (await makeNetworkProcess(
      ':name',
      'f',
      ':nowait',
      t,
      ':host',
      '127.0.0.1',
      ':service',
      port('wrong'),
      ':tls-parameters',
      [...boot('127.0.0.1'), intern(':verify-error'), t],
    )) as NetworkProcess;
    setProcessSentinel(proc, (_p: unknown, e: string) => events.push(e));
    await waitFor(() => processStatus(proc) === intern('failed'), 'failed');
    expect(processExitStatus(proc)).toBe('The Network Security Manager stopped the connections');
    expect(events).toEqual(['failed with code The Network Security Manager stopped the connections\n']);
  });
});

describe('failures', () => {
  it('a failed handshake is (gnutls-error PROC -15); the process stays until used', async () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const err = await lispErrorOf(() =>
      openGnutlsStream('g', getBufferCreate('g'), '127.0.0.1', port('garbage')),
    );
    spy.mockRestore();
    // gnutls.el's message, as batch Emacs prints it.
    expect(written.join('')).toMatch(
      /^gnutls\.el: \(err=\[-15\] An unexpected TLS packet was received\.\) boot: \(:priority NORMAL:%DUMBFW :hostname 127\.0\.0\.1 :loglevel 0 .* :verify-error t :callbacks nil\)\n$/,
    );
    expect(err.symbol).toBe('gnutls-error');
    expect(err.conditions).toEqual(['gnutls-error', 'error']);
    const proc = err.data[0] as NetworkProcess;
    expect(err.data[1]).toBe(-15);
    expect(processStatus(proc)).toBe(intern('open'));
    processSendString(proc, 'x');
    await waitFor(() => processStatus(proc) === intern('closed'), 'closed after use');
    expect(processList()).not.toContain(undefined);
  });

  it('a key file OpenSSL cannot read is (gnutls-error PROC -64), the plain connection untouched', async () => {
    const proc = await starttlsClient('k');
    await waitFor(() => text(proc).includes('ready'), 'greeting');
    const err = await lispErrorOf(() =>
      gnutlsNegotiate(':process', proc, ':hostname', '127.0.0.1', ':keylist', [
        [certs.pem('ca'), certs.pem('client')],
      ]),
    );
    expect(err.toLisp()).toEqual([intern('gnutls-error'), proc, -64]);
    processSendString(proc, 'still plain\r\n');
    await waitFor(() => text(proc).includes('echo still plain'), 'plain echo');
  });

  it(':type shell is refused with a clear error (Emacs runs the command)', async () => {
    const err = await lispErrorOf(() =>
      openNetworkStream('s', getBufferCreate('s'), '127.0.0.1', 1, ':type', intern('shell')),
    );
    expect(printedError(err)).toBe(
      '(error "open-network-stream: :type shell (a connection through a shell command) is not supported")',
    );
  });

  it('a STARTTLS upgrade by hand: greeting, command, gnutls-negotiate', async () => {
    const proc = await starttlsClient('st');
    await waitFor(() => text(proc).includes('ready'), 'greeting');
    processSendString(proc, '2 STARTTLS\r\n');
    await waitFor(() => text(proc).includes('begin TLS'), 'go ahead');
    await letBindings([trustCa()], () => gnutlsNegotiate(':process', proc, ':hostname', '127.0.0.1'));
    processSendString(proc, 'secret\r\n');
    await waitFor(() => text(proc).includes('echo secret'), 'echo over TLS');
    expect(err2(() => gnutlsPeerStatus(5))).toBe('(wrong-type-argument processp 5)');
  });
});

function err2(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return err instanceof LispError ? printedError(err) : String(err);
  }
}
