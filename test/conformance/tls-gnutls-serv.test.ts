/**
 * elproc and Emacs 28 side by side against GnuTLS's own server. gnutls-serv listens on every
 * interface, so it runs only inside a network namespace this test makes (loopback only), and
 * both halves run in there too.
 */
import { spawn, spawnSync, ChildProcess } from 'child_process';
import { join } from 'path';
import { emacsPath } from '../support/emacs-batch';
import { NetnsLab, describeWithNetns } from '../support/netns';
import { Certificates, makeCertificates } from '../support/tls-fixtures';
import { EMACS_DIR, NO_EMACS, expectSameTranscript, normalise } from './harness';

const PORT = 5556;
const REPO_ROOT = join(__dirname, '..', '..');

function run(
  ns: string,
  command: string[],
  env: Record<string, string>,
): Promise<{ lines: string[]; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('ip', ['netns', 'exec', ns, ...command], {
      cwd: REPO_ROOT,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('close', (code) => {
      clearTimeout(timer);
      const text = Buffer.concat(out).toString('utf8').replace(/\n$/, '');
      resolve({
        lines: text === '' ? [] : text.split('\n'),
        code,
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

const haveGnutlsServ = spawnSync('gnutls-serv', ['--version'], { timeout: 10000 }).status === 0;
const describeHere = emacsPath() !== null && haveGnutlsServ ? describeWithNetns : describe.skip;

describeHere(
  `conformance: against gnutls-serv in a network namespace${emacsPath() === null ? ` (${NO_EMACS})` : ''}`,
  () => {
    const lab = new NetnsLab('gnutls');
    let ns = '';
    let certs: Certificates;
    let server: ChildProcess | null = null;

    beforeAll(async () => {
      certs = makeCertificates();
      ns = await lab.namespace('serv');
      server = spawn(
        'ip',
        [
          'netns',
          'exec',
          ns,
          'gnutls-serv',
          '--echo',
          '--port',
          String(PORT),
          `--x509keyfile=${certs.key('good')}`,
          `--x509certfile=${certs.pem('good')}`,
        ],
        { stdio: 'ignore' },
      );
      // gnutls-serv takes a moment to listen: probe from inside the namespace.
      for (let i = 0; i < 50; i++) {
        const probe = spawnSync(
          'ip',
          ['netns', 'exec', ns, 'bash', '-c', `exec 3<>/dev/tcp/127.0.0.1/${PORT}`],
          { timeout: 5000 },
        );
        if (probe.status === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }, 60000);

    afterAll(async () => {
      server?.kill('SIGTERM');
      await lab.destroy();
      certs.remove();
    });

    it('tls-gnutls-serv', async () => {
      const env = {
        ELPROC_TLS_DIR: certs.dir,
        ELPROC_TLS_PORT_GNUTLS: String(PORT),
        ELPROC_CONF_TMP: certs.dir,
      };
      const [emacs, elproc] = await Promise.all([
        run(
          ns,
          [
            'emacs',
            '--batch',
            '-Q',
            '-l',
            join(EMACS_DIR, 'common.el'),
            '-l',
            join(EMACS_DIR, 'tls-gnutls-serv.el'),
          ],
          env,
        ),
        run(
          ns,
          [
            process.execPath,
            '-r',
            'ts-node/register/transpile-only',
            join(__dirname, 'fixtures', 'tls-gnutls-serv-twin.ts'),
          ],
          env,
        ),
      ]);
      expect({ code: emacs.code, stderr: emacs.code === 0 ? '' : emacs.stderr }).toEqual({
        code: 0,
        stderr: '',
      });
      expect({ code: elproc.code, stderr: elproc.code === 0 ? '' : elproc.stderr }).toEqual({
        code: 0,
        stderr: '',
      });
      expect(emacs.lines.map((line) => line.split(' => ')[0])).toEqual([
        'status',
        'peer',
        'echo',
        'wrong name',
      ]);
      expectSameTranscript('tls-gnutls-serv', normalise(emacs.lines, []), normalise(elproc.lines, []));
    }, 90000);
  },
);
