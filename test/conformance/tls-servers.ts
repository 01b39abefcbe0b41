import {
  Certificates,
  LineServer,
  LineServerOptions,
  makeCertificates,
  startLineServer,
  startNonTlsServer,
} from '../support/tls-fixtures';

/** The servers the TLS scenarios connect to, by the name both halves look their port up by. */
const SERVERS: Readonly<Record<string, LineServerOptions>> = {
  good: { mode: 'tls', cert: 'good' },
  expired: { mode: 'tls', cert: 'expired' },
  wrong: { mode: 'tls', cert: 'wrong' },
  self: { mode: 'tls', cert: 'self' },
  client: { mode: 'tls', cert: 'good', requestCert: true },
  starttls: { mode: 'starttls', cert: 'good' },
  starttlswrong: { mode: 'starttls', cert: 'wrong' },
  plain: { mode: 'plain' },
};

/** The certificates and servers of one test file, named in the environment for both halves. */
export interface TlsWorld {
  readonly certs: Certificates;
  close(): Promise<void>;
}

/** Makes the certificates, starts the servers and sets ELPROC_TLS_DIR and ELPROC_TLS_PORT_<NAME>. */
export async function startTlsWorld(): Promise<TlsWorld> {
  const certs = makeCertificates();
  const servers: LineServer[] = [];
  const name = (key: string, server: LineServer): void => {
    servers.push(server);
    process.env[`ELPROC_TLS_PORT_${key.toUpperCase()}`] = String(server.port);
  };
  for (const [key, options] of Object.entries(SERVERS)) name(key, await startLineServer(certs, options));
  name('garbage', await startNonTlsServer('garbage'));
  name('hangup', await startNonTlsServer('hangup'));
  process.env.ELPROC_TLS_DIR = certs.dir;
  return {
    certs,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
      certs.remove();
    },
  };
}
