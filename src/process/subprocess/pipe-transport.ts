import type { Socket } from 'node:net';
import { deliverInput, takePiece } from '../core/input';
import { wantsInput } from '../core/reading';
import type { NetworkProcess } from '../core/record';
import type { Transport } from '../core/transport';

function ignore(): void {}

const EMPTY = Buffer.alloc(0);

/**
 * Calls `done` once `output` holds nothing more to write: after Node's 'drain' (which follows
 * only a refused write), an empty write's callback, or the end of output's 'finish'.
 */
function afterWritten(output: Socket, done: () => void): void {
  if (output.destroyed || output.writableLength === 0) done();
  else if (output.writableNeedDrain) output.once('drain', () => afterWritten(output, done));
  else if (output.writableEnded) output.once('finish', done);
  else output.write(EMPTY, () => afterWritten(output, done));
}

/**
 * The pipes of a subprocess (or the read end of a pipe process): `input` is what the process
 * reads (the child's stdout, and its stderr unless `:stderr` took it), `output` what it writes to
 * (the child's stdin). Reads reach the filter in pieces of at most read-process-output-max bytes;
 * what a paused process does not take waits here, and its end of file is seen after it.
 * `onInputEnd` runs once that end of file has been seen; `kill` is how close ends the child.
 */
export class PipeTransport implements Transport {
  private readonly pending: Buffer[] = [];
  private paused: boolean;
  private inputEnded = false;
  private endSeen = false;
  private outputEnded = false;

  constructor(
    private readonly proc: NetworkProcess,
    private input: Socket | null,
    private output: Socket | null,
    private readonly onInputEnd: () => void,
    private readonly kill: () => void,
    /** What process-send-eof writes instead of closing the output (a pty's EOF character). */
    private readonly eofBytes: Buffer | null = null,
  ) {
    this.paused = !wantsInput(proc);
    if (input !== null) {
      input.on('data', (chunk: Buffer) => this.received(chunk));
      // A read error ends the input as end of file does (Emacs: read returns an error, EIO on a pty).
      input.on('end', () => this.ended());
      input.on('error', () => this.ended());
      if (this.paused) input.pause();
    } else {
      this.inputEnded = true;
    }
    // EPIPE once the child has closed its stdin: Emacs's "Process X not running" comes from status.
    output?.on('error', ignore);
  }

  /** Pipes take no socket options. */
  get fd(): null {
    return null;
  }

  pause(): void {
    this.paused = true;
    this.input?.pause();
  }

  resume(): void {
    this.paused = false;
    this.deliver();
    if (!this.paused) this.input?.resume();
  }

  send(bytes: Buffer): void {
    if (!this.outputEnded) this.output?.write(bytes);
  }

  get queuedBytes(): number {
    return this.output?.writableLength ?? 0;
  }

  whenDrained(done: () => void): void {
    if (this.output === null) done();
    else afterWritten(this.output, done);
  }

  /**
   * Emacs: process-send-eof. On a pipe the child's stdin is closed once queued output is out; on
   * a pty the EOF character (C-d) is sent, and the terminal stays open.
   */
  endOutput(): void {
    if (this.eofBytes !== null) {
      this.output?.write(this.eofBytes);
      return;
    }
    this.outputEnded = true;
    const output = this.output;
    this.output = null;
    // A pipe cannot be shut down for writing: it is closed once Node has written what is queued.
    if (output !== null) output.end(() => output.destroy());
  }

  /** delete-process: the child is killed (SIGKILL) and both pipes closed at once. */
  close(): void {
    this.release();
    this.kill();
  }

  /** Closes both pipes, the child left alone (it has exited). */
  release(): void {
    this.pending.length = 0;
    // A pty's master is both input and output: it is closed once.
    for (const socket of new Set([this.input, this.output])) {
      if (socket === null) continue;
      socket.removeAllListeners('data');
      socket.on('error', ignore);
      socket.destroy();
    }
    this.input = null;
    this.output = null;
  }

  /** Whether everything the child wrote has been handed over, up to its end of file. */
  get drained(): boolean {
    return this.endSeen;
  }

  private received(chunk: Buffer): void {
    this.pending.push(chunk);
    this.deliver();
  }

  private ended(): void {
    this.inputEnded = true;
    this.deliver();
  }

  private deliver(): void {
    while (this.pending.length > 0 && !this.paused && this.input !== null) {
      deliverInput(this.proc, takePiece(this.pending));
    }
    if (this.inputEnded && !this.endSeen && this.pending.length === 0 && !this.paused) {
      this.endSeen = true;
      this.onInputEnd();
    }
  }
}
