/**
 * TLS test material made at test time: certificates from `openssl` (a CA, a server certificate
 * for 127.0.0.1 and localhost, an expired one, one for another host, a self-signed one, a client
 * certificate) and line servers on 127.0.0.1 that speak TLS from the start or after an
 * IMAP-style STARTTLS.
 */
import { spawn, spawnSync, ChildProcess } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import net from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import tls from 'tls';
import { waitFor } from './wait';

export type CertName = 'ca' | 'good' | 'expired' | 'wrong' | 'self' | 'client';

/** A directory of NAME.pem / NAME.key pairs; `remove()` deletes it. */
export interface Certificates {
  readonly dir: string;
  pem(name: CertName): string;
  key(name: CertName): string;
  remove(): void;
}

function openssl(args: string[], cwd: string): void {
  const run = spawnSync('openssl', args, { cwd, encoding: 'utf8', timeout: 30000 });
  if (run.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${run.stderr}`);
}

const EXTENSIONS = `[server]
subjectAltName=IP:127.0.0.1,DNS:localhost
basicConstraints=CA:FALSE
[wrong]
subjectAltName=DNS:wrong.example
basicConstraints=CA:FALSE
[client]
basicConstraints=CA:FALSE
extendedKeyUsage=clientAuth
`;

// `openssl ca` is the one way OpenSSL 3.0 signs a certificate with dates in the past.
const CA_CONFIG = `[ca]
default_ca=test
[test]
database=index.txt
serial=serial
new_certs_dir=.
default_md=sha256
policy=any
unique_subject=no
[any]
commonName=supplied
[server]
subjectAltName=IP:127.0.0.1,DNS:localhost
`;

/** Makes the certificates in a new temporary directory (RSA 2048, as most servers have). */
export function makeCertificates(): Certificates {
  const dir = mkdtempSync(join(tmpdir(), 'elproc-tls-'));
  writeFileSync(join(dir, 'ext.cnf'), EXTENSIONS);
  writeFileSync(join(dir, 'ca.cnf'), CA_CONFIG);
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '01\n');
  const ca = [
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ];
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '30',
      '-subj',
      '/CN=elproc test CA',
      ...ca,
    ],
    dir,
  );
  for (const name of ['good', 'wrong', 'expired', 'client']) {
    openssl(
      [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        `/CN=${name}`,
      ],
      dir,
    );
  }
  const sign = (name: string, section: string): void =>
    openssl(
      [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${name}.pem`,
        '-days',
        '30',
        '-extfile',
        'ext.cnf',
        '-extensions',
        section,
      ],
      dir,
    );
  sign('good', 'server');
  sign('wrong', 'wrong');
  sign('client', 'client');
  openssl(
    [
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      'expired.csr',
      '-out',
      'expired.pem',
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200201000000Z',
      '-extensions',
      'server',
      '-notext',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'self.key',
      '-out',
      'self.pem',
      '-days',
      '30',
      '-subj',
      '/CN=self',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    dir,
  );
  return {
    dir,
    pem: (name) => join(dir, `${name}.pem`),
    key: (name) => join(dir, `${name}.key`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** How a line server behaves; its certificate is the one it presents over TLS. */
export interface LineServerOptions {
  /** `tls`: TLS from the first byte; `starttls`: plain, offering STARTTLS; `plain`: plain only. */
  readonly mode: 'tls' | 'starttls' | 'plain';
  readonly cert?: CertName;
  /** Ask for a client certificate signed by the CA (and report it to `PEER`). */
  readonly requestCert?: boolean;
}

export interface LineServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * An IMAP-like line server: `* OK elproc ready` on connect; `1 CAPABILITY` lists `IMAP4rev1`
 * (and `STARTTLS` while plain in starttls mode); `2 STARTTLS` answers `2 OK begin TLS` and
 * switches to TLS; `PEER` names the client certificate's subject (or `none`); any other line
 * comes back as `echo LINE`.
 */
export async function startLineServer(certs: Certificates, options: LineServerOptions): Promise<LineServer> {
  const serverTls: tls.TlsOptions = {
    key: readFileSync(certs.key(options.cert ?? 'good')),
    cert: readFileSync(certs.pem(options.cert ?? 'good')),
    rejectUnauthorized: false,
  };
  // With the CA in its store OpenSSL also sends it after the server's certificate: only the
  // server that checks client certificates has it.
  if (options.requestCert === true)
    Object.assign(serverTls, { requestCert: true, ca: readFileSync(certs.pem('ca')) });
  const sockets = new Set<net.Socket>();
  const serve = (socket: net.Socket, secure: boolean): void => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    let pending = '';
    const onData = (chunk: Buffer): void => {
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n'); end >= 0; end = pending.indexOf('\r\n')) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (answer(line) === 'upgrade') return;
      }
    };
    const answer = (line: string): 'upgrade' | undefined => {
      if (line === '1 CAPABILITY') {
        const starttls = options.mode === 'starttls' && !secure ? ' STARTTLS' : '';
        socket.write(`* CAPABILITY IMAP4rev1${starttls}\r\n1 OK done\r\n`);
      } else if (line === '2 STARTTLS' && options.mode === 'starttls' && !secure) {
        socket.write('2 OK begin TLS\r\n');
        socket.removeListener('data', onData);
        const upgraded = new tls.TLSSocket(socket, { isServer: true, ...serverTls });
        serve(upgraded, true);
        return 'upgrade';
      } else if (line === 'PEER') {
        const peer = socket instanceof tls.TLSSocket ? socket.getPeerX509Certificate() : undefined;
        socket.write(`peer ${peer?.subject ?? 'none'}\r\n`);
      } else {
        socket.write(`echo ${line}\r\n`);
      }
      return undefined;
    };
    socket.on('data', onData);
    if (!secure || options.mode === 'tls') socket.write('* OK elproc ready\r\n');
  };
  const server =
    options.mode === 'tls'
      ? tls.createServer(serverTls, (socket) => serve(socket, true))
      : net.createServer((socket) => serve(socket, false));
  // A failed handshake is the client's business; the server goes on.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A server that sends some bytes and leaves (`hangup`), or that is plain text (`garbage`). */
export async function startNonTlsServer(kind: 'hangup' | 'garbage'): Promise<LineServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    if (kind === 'hangup') socket.end();
    else socket.write('* OK this is not TLS\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port free on 127.0.0.1 just now (for servers that cannot report the one they got). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** `openssl s_server -rev` on 127.0.0.1 (it sends each line back reversed); `stop()` ends it. */
export async function startOpensslServer(
  certs: Certificates,
  cert: CertName,
): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'openssl',
    [
      's_server',
      '-accept',
      `127.0.0.1:${port}`,
      '-cert',
      certs.pem(cert),
      '-key',
      certs.key(cert),
      '-rev',
      '-quiet',
    ],
    { stdio: ['pipe', 'ignore', 'ignore'] },
  );
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const probe = net.connect(port, '127.0.0.1');
        probe.once('connect', () => {
          probe.destroy();
          resolve(true);
        });
        probe.once('error', () => resolve(false));
      }),
    `openssl s_server on ${port}`,
  );
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
