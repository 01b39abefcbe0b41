/**
 * Out of descriptors while a client is made: Emacs's `file-error` with the contact, as for a
 * refused connect (report_file_errno in connect_network_socket), never a bare SystemCallError;
 * and no descriptor left behind. Run in a program of its own under `ulimit -n`.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';

test('blocking and :nowait clients signal (file-error "make client process failed" "Too many open files" . CONTACT)', () => {
  const fixture = join(__dirname, 'fixtures', 'client-emfile.ts');
  const run = spawnSync(
    'sh',
    ['-c', 'ulimit -n 256; exec "$0" -r ts-node/register/transpile-only "$1"', process.execPath, fixture],
    { cwd: join(__dirname, '..', '..'), encoding: 'utf8', timeout: 30_000 },
  );
  expect(run.stderr).toBe('');
  const [blocking, nowait, leaked] = run.stdout.trim().split('\n');
  const contact =
    /^\(file-error "make client process failed" "Too many open files" :name "c" :host "127\.0\.0\.1" :service \d+/;
  expect(blocking).toMatch(contact);
  expect(nowait).toMatch(contact);
  expect(nowait).toMatch(/:nowait t\)$/);
  expect(leaked).toBe('0');
}, 40_000);
