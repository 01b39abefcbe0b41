import type { Socket } from 'node:net';
import { deliverInput, readChunkBytes } from '../core/input';
import { wantsInput } from '../core/reading';
import { markClosed } from '../core/lifecycle';
import type { NetworkProcess } from '../core/record';
import { drainLimitMs, LingerMode, Transport } from '../core/transport';
import { closeAfterWrites, drainThenClose, setKernelLinger } from './drain';
import { socketFd } from './socket-fd';

/** Back-reference from a socket to its transport, so that event handlers need no closures. */
const owner = new WeakMap<Socket, StreamTransport>();

function onData(this: Socket, chunk: Buffer): void {
  owner.get(this)?.received(chunk);
}

function onEnd(this: Socket): void {
  owner.get(this)?.peerClosed();
}

// Emacs reports a reset or a read error exactly like an orderly close by the peer.
function onError(this: Socket): void {
  owner.get(this)?.failed();
}

function onDrain(this: Socket): void {
  owner.get(this)?.drained();
}

const EMPTY = Buffer.alloc(0);

function ignore(): void {}

/**
 * A connected stream socket (a client, or a child a server accepted), read and written by Node.
 * Reads are handed to the filter in pieces of at most read-process-output-max bytes; what a
 * stopped process (or filter `t`) does not take stays here, and Node stops reading meanwhile, so
 * the peer's close is not seen either until reading resumes, as in Emacs.
 */
export class StreamTransport implements Transport {
  private socket: Socket | null;
  private readonly pending: Buffer[] = [];
  private paused: boolean;
  /** After process-send-eof: output is discarded, as Emacs points it at /dev/null. */
  private outputEnded = false;
  /** The peer's close arrived while input was still waiting to be read: seen after it. */
  private peerGone = false;
  /** whenDrained's callbacks, called once Node holds no output. */
  private drainWaits: Array<() => void> = [];
  /** An empty write (or the end of output) is out to tell when what precedes it has gone. */
  private probing = false;

  constructor(
    private readonly proc: NetworkProcess,
    socket: Socket,
  ) {
    this.socket = socket;
    owner.set(socket, this);
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onError);
    socket.on('drain', onDrain);
    this.paused = !wantsInput(proc);
    if (this.paused) socket.pause();
  }

  get fd(): number | null {
    return socketFd(this.socket);
  }

  pause(): void {
    this.paused = true;
    this.socket?.pause();
  }

  resume(): void {
    this.paused = false;
    this.takeBuffered();
    this.deliver();
    if (!this.paused) this.socket?.resume();
  }

  send(bytes: Buffer): void {
    if (!this.outputEnded) this.socket?.write(bytes);
  }

  get queuedBytes(): number {
    return this.socket?.writableLength ?? 0;
  }

  whenDrained(done: () => void): void {
    const socket = this.socket;
    if (socket === null) return;
    if (socket.writableLength === 0) {
      done();
      return;
    }
    this.drainWaits.push(done);
    if (socket.writableNeedDrain || this.probing) return;
    // Node emits 'drain' only after a write it refused. Below its own mark, the callback of an
    // empty write tells when everything before it is out; after the end of output, 'finish' does.
    this.probing = true;
    if (socket.writableEnded) socket.once('finish', this.probed);
    else socket.write(EMPTY, this.probed);
  }

  /** @internal Node's 'drain', or a probe's answer: call the waits once nothing is held. */
  drained(): void {
    const socket = this.socket;
    if (socket === null || this.drainWaits.length === 0) return;
    if (socket.writableLength > 0) {
      const waits = this.drainWaits;
      this.drainWaits = [];
      for (const done of waits) this.whenDrained(done);
      return;
    }
    const waits = this.drainWaits;
    this.drainWaits = [];
    for (const done of waits) done();
  }

  private readonly probed = (): void => {
    this.probing = false;
    this.drained();
  };

  /** Emacs: process-send-eof: shutdown(SHUT_WR) once queued output is out. */
  endOutput(): void {
    this.outputEnded = true;
    // Node's end() is idempotent, so a second call is harmless.
    this.socket?.end();
  }

  /**
   * Emacs: delete-process on a connection. What was sent is written out in the background (also
   * what a filter sent while its read was corked), then: nil closes normally once Node has handed
   * it to the kernel; t waits until the kernel has sent it, with no limit; N > 0 the same, but
   * after N seconds the rest is discarded and the connection reset; 0 resets at once.
   */
  close(linger: LingerMode): void {
    const socket = this.detach();
    if (socket === null) return;
    const limitMs = drainLimitMs(linger);
    if (limitMs === null) socket.destroy();
    else if (linger === null) closeAfterWrites(socket);
    else drainThenClose(socket, limitMs);
  }

  /** @internal Node's 'data': queue the chunk and hand it over unless paused. */
  received(chunk: Buffer): void {
    this.pending.push(chunk);
    this.deliver();
  }

  /**
   * @internal A reset or read error. Emacs reads a stopped process's socket only when continued,
   * and then gets what arrived before the reset first: so while paused, what Node had read is
   * kept (a destroyed socket still gives up its buffer) and the close waits for resume.
   */
  failed(): void {
    if (this.paused) this.takeBuffered();
    this.peerClosed();
  }

  /**
   * Moves what Node read while paused (still in its buffer, in the chunks it read it in) to
   * `pending`, where it is handed over in Emacs's reads. The 'data' listener is off meanwhile, so
   * each chunk is taken once, whether or not read() would emit it.
   */
  private takeBuffered(): void {
    const socket = this.socket;
    if (socket === null || socket.readableLength === 0) return;
    socket.removeListener('data', onData);
    for (let chunk = socket.read() as Buffer | null; chunk !== null; chunk = socket.read() as Buffer | null) {
      this.pending.push(chunk);
    }
    socket.on('data', onData);
  }

  /**
   * @internal The peer closed, reset, or reading failed: Emacs closes the whole socket, but sees
   * it only where it reads: after what is still waiting here, and not while paused.
   */
  peerClosed(): void {
    if (this.paused || this.pending.length > 0) {
      this.peerGone = true;
      return;
    }
    const socket = this.detach();
    if (socket === null) return;
    // A lingering close() blocks the calling thread in Linux; nothing is left to deliver anyway.
    if (this.proc.linger !== null && this.proc.linger !== 0) setKernelLinger(socket, null);
    socket.destroy();
    markClosed(this.proc, 256, 'connection broken by remote peer\n');
  }

  /**
   * Hands queued input to the filter piece by piece until paused or closed: a filter may stop or
   * delete its process (core/handlers.ts). What the filter sends back while one read is handed
   * over leaves in one write (writev) at the end instead of one system call per piece.
   */
  private deliver(): void {
    const socket = this.socket;
    if (socket === null || this.paused) return;
    if (this.pending.length > 0) {
      socket.cork();
      try {
        while (this.pending.length > 0 && !this.paused && this.socket !== null) {
          deliverInput(this.proc, this.nextPiece());
        }
      } finally {
        socket.uncork();
      }
    }
    if (this.peerGone && !this.paused && this.pending.length === 0) this.peerClosed();
  }

  /**
   * The next read as Emacs makes it: at most read-process-output-max bytes of what is waiting,
   * across the chunks Node read (several of them only after a pause). One chunk that fits is
   * handed over without a copy.
   */
  private nextPiece(): Buffer {
    const pending = this.pending;
    const max = readChunkBytes();
    const first = pending[0] as Buffer;
    if (first.length >= max || pending.length === 1) {
      if (first.length <= max) return pending.shift() as Buffer;
      pending[0] = first.subarray(max);
      return first.subarray(0, max);
    }
    const parts: Buffer[] = [];
    let size = 0;
    while (pending.length > 0 && size < max) {
      const chunk = pending[0] as Buffer;
      const take = Math.min(chunk.length, max - size);
      if (take === chunk.length) pending.shift();
      else pending[0] = chunk.subarray(take);
      parts.push(chunk.subarray(0, take));
      size += take;
    }
    return Buffer.concat(parts, size);
  }

  private detach(): Socket | null {
    const socket = this.socket;
    if (socket === null) return null;
    this.socket = null;
    this.pending.length = 0;
    this.drainWaits = [];
    owner.delete(socket);
    socket.removeListener('data', onData);
    // Late errors on a socket we are done with must not become uncaught exceptions.
    socket.on('error', ignore);
    return socket;
  }
}
