/**
 * Decision 7: accept failures do not busy-loop. Emacs 28 calls :log with "accept failed with
 * code24\n" hundreds of thousands of times a second while a connection waits and descriptors are
 * exhausted (E17). elproc's own accept loop logs the same text, then waits 100 ms before trying
 * again; the connections wait in the kernel's queue and are accepted once descriptors are free.
 */
import net from 'node:net';
import { nextLine, startEmfileServer } from '../support/emfile-fixture';

const DESCRIPTOR_LIMIT = 64;
const CLIENTS = 20;

/** Connects and reports how the connection ended: 'closed' if the server closed it, else 'open'. */
function connectAndWatch(port: number, waitMs: number): Promise<'closed' | 'open'> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('open');
    }, waitMs);
    const closed = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve('closed');
    };
    socket.on('end', closed);
    socket.on('error', closed);
  });
}

test("a server out of descriptors logs Emacs's text a bounded number of times, then accepts", async () => {
  const child = startEmfileServer(DESCRIPTOR_LIMIT);
  try {
    const port = Number(await nextLine(child));
    expect(port).toBeGreaterThan(0);

    // The connections wait in the listen queue (:server 20) instead of being closed.
    const waiting = Promise.all(Array.from({ length: CLIENTS }, () => connectAndWatch(port, 2500)));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.stdin.write('free\n');
    expect(await nextLine(child)).toBe('freed');
    expect((await waiting).filter((outcome) => outcome === 'open')).toHaveLength(CLIENTS);

    child.stdin.write('report\n');
    const { messages } = JSON.parse(await nextLine(child)) as { messages: string[] };
    const failures = messages.filter((message) => message.startsWith('accept failed'));
    // Emacs's text, about ten times a second while it lasts: no busy loop.
    expect(new Set(failures)).toEqual(new Set(['accept failed with code24\n']));
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures.length).toBeLessThanOrEqual(30);
    expect(messages.filter((message) => message === 'accept from 127.0.0.1\n')).toHaveLength(CLIENTS);
  } finally {
    child.kill();
  }
}, 30_000);
