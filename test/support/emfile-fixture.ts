import { ChildProcessByStdio, spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** A fixture process with piped stdin and stdout. */
export type FixtureProcess = ChildProcessByStdio<Writable, Readable, null>;

/** The next line the fixture prints (without the newline); rejects if it exits first. */
export function nextLine(child: FixtureProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString();
      const end = buffered.indexOf('\n');
      if (end < 0) return;
      child.stdout.off('data', onData);
      resolve(buffered.slice(0, end));
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`fixture exited with ${String(code)}`)));
  });
}

/**
 * Starts test/behaviour/fixtures/accept-emfile.ts (a server with a :log function that then takes
 * every free descriptor) under `ulimit -n descriptorLimit`, with `args` (none: a TCP server;
 * `seqpacket PATH`: a Unix seqpacket server). See the fixture for its stdin commands.
 */
export function startEmfileServer(descriptorLimit: number, args: readonly string[] = []): FixtureProcess {
  const fixture = path.join(__dirname, '..', 'behaviour', 'fixtures', 'accept-emfile.ts');
  return spawn(
    'sh',
    [
      '-c',
      `ulimit -n ${descriptorLimit}; exec "$0" -r ts-node/register/transpile-only "$@"`,
      process.execPath,
      fixture,
      ...args,
    ],
    { cwd: path.join(__dirname, '..', '..'), stdio: ['pipe', 'pipe', 'inherit'] },
  );
}
