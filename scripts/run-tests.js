#!/usr/bin/env node
/*
 * `npm test`: runs jest where name lookups cannot leave the machine. Looking up an unknown name
 * (the unknown-host tests do) would otherwise query the system's DNS server. As root, jest runs
 * in a private mount namespace whose /etc/nsswitch.conf says `hosts: files` and whose /etc/hosts
 * adds the test names below; elsewhere the tests that need it are skipped, and say so.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const jest = require.resolve('jest/bin/jest');
const args = ['--runInBand', ...process.argv.slice(2)];

const TEST_HOSTS = `
# elproc test names (only inside the test namespace)
::1 elproc-dual.test
127.0.0.1 elproc-dual.test
127.0.0.1 elproc-v4only.test
::1 elproc-v6only.test
`;

function canIsolate() {
  if (process.getuid?.() !== 0) return false;
  return spawnSync('unshare', ['--mount', '--propagation', 'private', 'true']).status === 0;
}

function runJest(env) {
  const result = spawnSync(process.execPath, [jest, ...args], { stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}

if (process.env.ELPROC_TEST_NS === '1' || !canIsolate()) {
  if (process.env.ELPROC_TEST_NS !== '1') {
    console.warn(
      'elproc: cannot isolate name lookups (needs root and unshare); DNS-dependent tests are skipped',
    );
  }
  runJest(process.env);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'elproc-ns-'));
const nsswitch = fs.readFileSync('/etc/nsswitch.conf', 'utf8').replace(/^hosts:.*$/m, 'hosts: files');
fs.writeFileSync(
  path.join(dir, 'nsswitch.conf'),
  /^hosts:/m.test(nsswitch) ? nsswitch : `${nsswitch}\nhosts: files\n`,
);
fs.writeFileSync(path.join(dir, 'hosts'), fs.readFileSync('/etc/hosts', 'utf8') + TEST_HOSTS);
const script =
  'mount --bind "$1/nsswitch.conf" /etc/nsswitch.conf && mount --bind "$1/hosts" /etc/hosts && shift && exec "$@"';
const result = spawnSync(
  'unshare',
  [
    '--mount',
    '--propagation',
    'private',
    '--',
    'sh',
    '-c',
    script,
    'sh',
    dir,
    process.execPath,
    jest,
    ...args,
  ],
  { stdio: 'inherit', env: { ...process.env, ELPROC_TEST_NS: '1' } },
);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
