/**
 * Turns recipes into live values, against a set of fixtures (buffers, markers, processes) that the
 * runner makes fresh for every block of calls and throws away after it, so that one call's damage
 * (a deleted server, a killed buffer) reaches only the rest of its block.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LispError } from '../../src/lisp/errors';
import { intern } from '../../src/lisp/symbol';
import { Cons, LispFloat, LispVector, vector } from '../../src/lisp/values';
import type { LispValue } from '../../src/lisp/values';
import {
  currentBuffer,
  getBufferCreate,
  insert,
  killBuffer,
  LispBuffer,
  makeMarker,
  Marker,
  setBuffer,
  setMarker,
} from '../../src/text/buffer';
import { NetworkProcess } from '../../src/process/core/record';
import { processList } from '../../src/process/core/registry';
import { deleteProcess, makeNetworkProcess, processContact } from '../../src';
import type {
  BufferFixture,
  FunctionFixture,
  JsOddity,
  MarkerFixture,
  ProcessFixture,
  Recipe,
} from './recipes';

/** Thrown by the generated functions: the caller's own error, which elproc must let through. */
export class FuzzUserError extends Error {
  constructor() {
    super('thrown by a generated function');
    this.name = 'FuzzUserError';
  }
}

export interface Fixtures {
  readonly buffers: Readonly<Record<'text' | 'empty' | 'multibyte' | 'killed', LispBuffer>>;
  readonly markers: Readonly<Record<MarkerFixture, Marker>>;
  readonly processes: Readonly<Record<ProcessFixture, NetworkProcess | null>>;
  /** The temporary directory that is the runner's working directory: local sockets go here. */
  readonly dir: string;
}

let serial = 0;

function makeBuffer(name: string, text: string): LispBuffer {
  const buffer = getBufferCreate(`${name}-${serial}`);
  const previous = currentBuffer();
  setBuffer(buffer);
  insert(text);
  setBuffer(previous);
  return buffer;
}

// A fixture that cannot be made (a generated call took its socket path) is simply absent.
async function processOrNull(made: () => Promise<unknown>): Promise<NetworkProcess | null> {
  try {
    const value = await made();
    return value instanceof NetworkProcess ? value : null;
  } catch {
    return null;
  }
}

/** Waits (a bounded number of turns) for the server's connection from `client` to show up. */
async function acceptedChild(server: NetworkProcess | null): Promise<NetworkProcess | null> {
  if (server === null) return null;
  for (let turn = 0; turn < 200; turn++) {
    // Emacs names a server's connections `SERVER <HOST:PORT>`.
    const child = processList().find((proc) => proc.name.startsWith(`${server.name} <`));
    if (child !== undefined) return child;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return null;
}

/** A block's fixtures: three buffers and a killed one, four markers, six processes. */
export async function makeFixtures(dir: string): Promise<Fixtures> {
  serial++;
  const text = makeBuffer('fz-text', 'hello\nworld\n\tline three\n');
  const empty = makeBuffer('fz-empty', '');
  const multibyte = makeBuffer('fz-mb', 'é\u{1F600}x\0\n\u00ff');
  const killed = makeBuffer('fz-killed', 'gone');
  const live = makeMarker();
  setMarker(live, 3, text);
  const end = makeMarker();
  setMarker(end, 7, multibyte);
  const dead = makeMarker();
  setMarker(dead, 2, killed);
  killBuffer(killed);
  const server = await processOrNull(() =>
    makeNetworkProcess(':name', 'fz-server', ':server', true, ':host', '127.0.0.1', ':service', 0),
  );
  const port = server === null ? 0 : ((processContact(server, intern(':service')) as number | null) ?? 0);
  const client = await processOrNull(() =>
    makeNetworkProcess(':name', 'fz-client', ':host', '127.0.0.1', ':service', port, ':buffer', empty),
  );
  const accepted = await acceptedChild(server);
  const datagram = await processOrNull(() =>
    makeNetworkProcess(
      ':name',
      'fz-dgram',
      ':type',
      intern('datagram'),
      ':server',
      true,
      ':host',
      '127.0.0.1',
      ':service',
      0,
    ),
  );
  mkdirSync(join(dir, 'sub', 'dir'), { recursive: true });
  const localServer = await processOrNull(() =>
    makeNetworkProcess(
      ':name',
      'fz-local',
      ':server',
      true,
      ':family',
      intern('local'),
      ':service',
      join(dir, `fz-${serial}.sock`),
    ),
  );
  const deleted = await processOrNull(() =>
    makeNetworkProcess(':name', 'fz-deleted', ':server', true, ':host', '127.0.0.1', ':service', 0),
  );
  deleteProcess(deleted);
  return {
    buffers: { text, empty, multibyte, killed },
    markers: { live, unset: makeMarker(), end, 'killed-buffer': dead },
    processes: { server, client, accepted, datagram, 'local-server': localServer, deleted },
    dir,
  };
}

function bufferValue(which: BufferFixture, fixtures: Fixtures): LispValue {
  switch (which) {
    case 'text-name':
      return fixtures.buffers.text.name ?? 'fz-text';
    case 'killed-name':
      return `fz-killed-${serial}`;
    default:
      return fixtures.buffers[which];
  }
}

function functionValue(which: FunctionFixture): LispValue {
  switch (which) {
    case 'ignore':
      return () => null;
    case 'identity':
      return (value: unknown) => value;
    case 'throws-user':
      return () => {
        throw new FuzzUserError();
      };
    case 'returns-promise':
      return () => Promise.resolve(null);
    case 'signals':
      return () => {
        throw new LispError('error', ['signalled by a generated function']);
      };
  }
}

// Values outside LispValue on purpose: the cast is the point of the corpus.
function jsValue(which: JsOddity): LispValue {
  const odd = (value: unknown): LispValue => value as LispValue;
  switch (which) {
    case 'object':
      return odd({ a: 1, host: null });
    case 'null-proto':
      return odd(Object.create(null));
    case 'bad-tostring':
      return odd({
        toString(): string {
          throw new FuzzUserError();
        },
        valueOf(): number {
          throw new FuzzUserError();
        },
      });
    case 'js-symbol':
      return odd(Symbol('fuzz'));
    case 'promise':
      return odd(Promise.resolve(1));
    case 'date':
      return odd(new Date(0));
    case 'map':
      return odd(new Map([[1, 2]]));
    case 'regexp':
      return odd(/a/);
    case 'typed-array':
      return odd(new Uint8Array([1, 2, 3]));
    case 'proxy-throws':
      return odd(
        new Proxy(
          {},
          {
            get(): never {
              throw new FuzzUserError();
            },
            getPrototypeOf(): never {
              throw new FuzzUserError();
            },
          },
        ),
      );
  }
}

function deep(shape: 'list' | 'vec' | 'cons' | 'chain' | 'flat', depth: number): LispValue {
  if (shape === 'flat') {
    // Pushed one by one: `vector(...items)` itself overflows the stack at this size.
    const flat = new LispVector<LispValue>();
    for (let i = 0; i < depth; i++) flat.push(i);
    return flat;
  }
  if (shape === 'chain') {
    let chain: LispValue = null;
    for (let i = 0; i < depth; i++) chain = new Cons(i, chain);
    return chain;
  }
  let value: LispValue = 1;
  for (let i = 0; i < depth; i++) {
    value = shape === 'list' ? [value] : shape === 'vec' ? vector(value) : new Cons(value, null);
  }
  return value;
}

function circular(shape: 'list' | 'vec' | 'cons' | 'car'): LispValue {
  if (shape === 'list') {
    const list: LispValue[] = [1, 2];
    list.push(list);
    return list;
  }
  if (shape === 'vec') {
    const vec = vector<LispValue>(1);
    vec.push(vec);
    return vec;
  }
  const cell = new Cons(1, null);
  if (shape === 'cons') cell.cdr = new Cons(2, cell);
  else cell.car = cell;
  return cell;
}

function oddNumber(v: number | string): number {
  if (typeof v === 'number') return v;
  return v === '-0' ? -0 : Number(v);
}

/** The live value of a recipe. */
export function materialize(recipe: Recipe, fixtures: Fixtures): LispValue {
  const m = (r: Recipe): LispValue => materialize(r, fixtures);
  switch (recipe.k) {
    case 'nil':
      return null;
    case 'undefined':
      return undefined;
    case 'false':
      return false;
    case 'true':
      return true;
    case 't':
      return intern('t');
    case 'sym':
    case 'kw':
      return intern(recipe.name);
    case 'kwstr':
      return recipe.name;
    case 'num':
      return oddNumber(recipe.v);
    case 'big':
      return BigInt(recipe.v);
    case 'float':
      return new LispFloat(recipe.v);
    case 'str':
      return recipe.v;
    case 'long':
      return recipe.unit.repeat(recipe.n);
    case 'list':
      return recipe.items.map(m);
    case 'vec': {
      const vec = new LispVector<LispValue>();
      for (const item of recipe.items) vec.push(m(item));
      return vec;
    }
    case 'cons':
      return new Cons(m(recipe.car), m(recipe.cdr));
    case 'dotted':
      return recipe.items.reduceRight<LispValue>((tail, item) => new Cons(m(item), tail), m(recipe.tail));
    case 'deep':
      return deep(recipe.shape, recipe.depth);
    case 'circular':
      return circular(recipe.shape);
    case 'buffer':
      return bufferValue(recipe.which, fixtures);
    case 'marker':
      return fixtures.markers[recipe.which];
    case 'process':
      return fixtures.processes[recipe.which];
    case 'fn':
      return functionValue(recipe.which);
    case 'js':
      return jsValue(recipe.which);
    case 'path':
      return join(fixtures.dir, recipe.name);
    case 'addr': {
      const vec = new LispVector<LispValue>();
      for (const item of recipe.v) vec.push(item);
      return vec;
    }
  }
}
