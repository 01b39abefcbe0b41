import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { Socket } from 'node:net';
import { libc } from '../../ffi';
import { fileError } from '../../options/file-error';
import { checkedDirectory, childEnvironment } from './environment';

/** Where one of a synchronous child's output streams goes. */
export type SyncOutput =
  /** Collected and returned (stdout), or the same pipe as stdout (stderr). */
  | { readonly kind: 'collect' }
  /** /dev/null. */
  | { readonly kind: 'discard' }
  /** A file, created or truncated. */
  | { readonly kind: 'file'; readonly path: string };

export interface SyncRun {
  readonly file: string;
  readonly command: readonly string[];
  /** stdin: a file, bytes to feed, or /dev/null (null). */
  readonly input: { readonly path: string } | { readonly bytes: Buffer } | null;
  readonly stdout: SyncOutput;
  /** stdout's own object when both go to the same file. */
  readonly stderr: SyncOutput;
  /** Do not wait (call-process with DESTINATION 0): the child is reaped by Node in the background. */
  readonly detach: boolean;
}

/** How a synchronous child ended: its exit code, or the signal that killed it. */
export type SyncStatus = { readonly code: number } | { readonly signal: NodeJS.Signals };

export interface SyncResult {
  readonly status: SyncStatus;
  readonly output: Buffer;
}

type Stdio = number | 'ignore' | 'pipe';

function openOutput(output: SyncOutput, opened: number[], collectFd: number): Stdio {
  if (output.kind === 'discard') return 'ignore';
  if (output.kind === 'collect') return collectFd;
  try {
    const fd = openSync(output.path, 'w');
    opened.push(fd);
    return fd;
  } catch (err) {
    throw fileError('Opening process output file', err, [output.path]);
  }
}

/**
 * Emacs's call_process without the Lisp: runs FILE with the working directory and environment a
 * subprocess gets, stdin from a file (`(file-missing "Opening process input file" …)` when it
 * cannot be opened), bytes or /dev/null, and resolves with its status and collected output once
 * it has exited and its output pipe has closed. A collected stderr shares stdout's pipe.
 */
export function runSync(run: SyncRun): Promise<SyncResult> | null {
  const cwd = checkedDirectory();
  const opened: number[] = [];
  let collected: Socket | null = null;
  try {
    let stdin: Stdio = 'ignore';
    const input = run.input;
    if (input !== null && 'bytes' in input) stdin = 'pipe';
    else if (input !== null) {
      try {
        stdin = openSync(input.path, 'r');
        opened.push(stdin);
      } catch (err) {
        throw fileError('Opening process input file', err, [input.path]);
      }
    }
    // One pipe for everything collected, so that stdout and stderr keep the order they were written in.
    let collectFd = -1;
    if (!run.detach && (run.stdout.kind === 'collect' || run.stderr.kind === 'collect')) {
      const [readEnd, writeEnd] = libc().pipe();
      opened.push(writeEnd);
      collectFd = writeEnd;
      collected = new Socket({ fd: readEnd, readable: true, writable: false });
    }
    const stdout = run.detach ? 'ignore' : openOutput(run.stdout, opened, collectFd);
    // The same file for both (`(:file FILE)`) is opened once, so that they share its offset.
    const sameFile = run.stderr === run.stdout && run.stdout.kind === 'file';
    const stderr = run.detach ? 'ignore' : sameFile ? stdout : openOutput(run.stderr, opened, collectFd);
    const child = spawn(run.file, run.command.slice(1), {
      cwd,
      env: childEnvironment(),
      detached: run.detach,
      stdio: [stdin, stdout, stderr],
    });
    const result = wait(run, child, collected);
    collected = null;
    return result;
  } finally {
    for (const fd of opened) closeSync(fd);
    collected?.destroy();
  }
}

function wait(run: SyncRun, child: ChildProcess, collected: Socket | null): Promise<SyncResult> | null {
  if (run.input !== null && 'bytes' in run.input) {
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(run.input.bytes);
  }
  if (run.detach) {
    child.on('error', () => undefined);
    child.unref();
    return null;
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let status: SyncStatus | null = null;
    let outputDone = collected === null;
    const settleIfDone = (): void => {
      if (status !== null && outputDone) resolve({ status, output: Buffer.concat(chunks) });
    };
    collected?.on('data', (chunk: Buffer) => chunks.push(chunk));
    collected?.on('error', () => undefined);
    collected?.on('close', () => {
      outputDone = true;
      settleIfDone();
    });
    child.on('error', (err) => {
      collected?.destroy();
      reject(fileError('Spawning child process', err, [run.file]));
    });
    child.on('exit', (code, signal) => {
      status = code !== null ? { code } : { signal: signal ?? 'SIGKILL' };
      settleIfDone();
    });
  });
}
