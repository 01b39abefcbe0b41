/**
 * The baseline: a plain Node `net` server on 127.0.0.1. `accept` mode reads and drops whatever
 * arrives and counts connections; `echo` mode writes back every chunk it reads.
 */
import net from 'node:net';
import { Counters, modeArgument, newCounters, startServerControl } from './server-control';

function ignore(): void {}

function serve(mode: 'accept' | 'echo', counters: Counters): net.Server {
  return net.createServer((socket) => {
    counters.accepted++;
    socket.on('error', ignore);
    socket.on('close', () => counters.closed++);
    if (mode === 'echo') {
      socket.on('data', (chunk: Buffer) => {
        counters.bytesIn += chunk.length;
        socket.write(chunk);
      });
    } else {
      socket.on('data', ignore);
    }
  });
}

const counters = newCounters();
const server = serve(modeArgument(), counters);
server.listen({ host: '127.0.0.1', port: 0, backlog: 511 }, () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  startServerControl(counters, address.port);
});
