/**
 * No descriptor leaks: 500 create/delete cycles over every way a network process can start and
 * end (success, refusal, bind failure, option failure, a bad :coding once the socket exists,
 * asynchronous failure, children, datagrams, seqpacket) leave /proc/self/fd as it was, once the
 * event loop has settled.
 */
import { processList } from '../../src';
import { deleteAllProcesses } from '../support/behaviour-helpers';
import { cycle, CycleWorld, Kind, KINDS, makeCycleWorld } from '../support/lifecycle-cycles';
import { openDescriptorCount, openDescriptors, settledDescriptorCount } from '../support/sockets';
import { waitFor } from '../support/wait';

const CYCLES = 500;
const TIME_LIMIT_MS = 60_000;

let world: CycleWorld;

beforeAll(async () => {
  world = await makeCycleWorld();
});

afterAll(async () => {
  deleteAllProcesses();
  await world.close();
});

test(
  `${CYCLES} create/delete cycles of every kind leave no descriptor open`,
  async () => {
    // Warm-up: anything created once and kept (the FFI library, resolver state) is not a leak.
    for (const [i, kind] of KINDS.entries()) await cycle(world, kind, i);
    await waitFor(() => processList().length === 0 && world.peer.open() === 0, 'warm-up');
    const baseline = openDescriptorCount();
    const before = openDescriptors();

    const started = Date.now();
    const counts = new Map<Kind, number>();
    for (let i = 0; i < CYCLES; i++) {
      const kind = KINDS[i % KINDS.length] as Kind;
      await cycle(world, kind, i);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const cyclesMs = Date.now() - started;

    expect(processList()).toEqual([]);
    // Let the last closes finish: the raw peer closes its ends once it reads the clients' FINs.
    const settled = await settledDescriptorCount(baseline, 10_000);
    const after = openDescriptors();
    const leaked = [...after].filter(([fd, target]) => before.get(fd) !== target);
    console.log(
      `fd leak: ${CYCLES} cycles (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${cyclesMs} ms; ` +
        `descriptors ${baseline} before, ${settled} after`,
    );
    expect(leaked).toEqual([]);
    expect(openDescriptorCount()).toBe(baseline);
    expect(Date.now() - started).toBeLessThan(TIME_LIMIT_MS);
  },
  TIME_LIMIT_MS + 10_000,
);
