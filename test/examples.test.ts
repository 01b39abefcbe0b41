/**
 * The examples run as written: each is started as a user would start it (ts-node, importing
 * 'elproc', which resolves to the package's own build), must end by itself with status 0 and
 * print what it shows. So an example cannot rot unnoticed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

test.each<[string, RegExp[]]>([
  [
    'echo-demo.ts',
    [/^client received => "hello, elproc\\n"$/m, /^child {2}getsockopt => \(:keepalive nil /m],
  ],
  [
    'chat-server.ts',
    [/^alice heard: "chat <127\.0\.0\.1:\d+>: hi, alice — ça va\?\\n"$/m, /^bob heard: .*hello, bob/m],
  ],
  ['udp-echo.ts', [/^client got \["ONE","TWO","THREE"\]$/m]],
  ['multi-core-server.ts', [/^200 echoes checked; connections per worker: \[[1-9]\d*(,[1-9]\d*)*\]$/m]],
  [
    'unix-socket-server.ts',
    [/^answer: "you said hello", client event: "connection broken by remote peer\\n"/m],
  ],
])(
  'examples/%s runs as written',
  (file, expected) => {
    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join('examples', file)],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const pattern of expected) expect(run.stdout).toMatch(pattern);
  },
  90_000,
);
