import { LispSymbol, intern } from '../symbol';
import type { LispValue } from '../values';
import { HashTestName, normaliseKey } from './key-normalise';

/** Emacs's DEFAULT_HASH_SIZE. */
export const DEFAULT_HASH_SIZE = 65;
/** Emacs's DEFAULT_REHASH_SIZE: the growth factor minus 1, a C float. */
export const DEFAULT_REHASH_SIZE = Math.fround(1.5 - 1);
/** Emacs's DEFAULT_REHASH_THRESHOLD, a C float. */
export const DEFAULT_REHASH_THRESHOLD = Math.fround(0.8125);

/** An empty slot: Emacs's Qunbound in key_and_value. */
const UNBOUND: unique symbol = Symbol('elproc.unbound');
type Slot = LispValue | typeof UNBOUND;

/** What `make-hash-table` decided, in the form Emacs 28 keeps it. */
export interface HashTableSettings {
  test: HashTestName;
  size: number;
  /** A C float: positive is the growth factor minus 1, negative minus the number of slots added. */
  rehashSize: number;
  /** A C float in (0, 1]; Emacs uses it only to size the bucket index, which elproc has not. */
  rehashThreshold: number;
  weakness: LispSymbol | null;
  purecopy: boolean;
}

/**
 * Emacs: a hash table (struct Lisp_Hash_Table of Emacs 28's fns.c), slot for slot.
 *
 * The entries live in `keys`/`values` (Emacs's key_and_value) at slot numbers chosen as Emacs
 * chooses them: a new key takes the head of the free list (`next` chains the free slots; a
 * removed key's slot goes to its head), and a full table grows by `rehashSize` keeping every slot
 * where it was. So printing, `maphash` and `copy-hash-table` see Emacs's order, which is not
 * insertion order once keys have been removed. Emacs's `index` and collision chains only serve
 * lookup; here a Map from the normalised key (see key-normalise.ts) to the slot does that in O(1).
 *
 * Weak tables keep their `weakness` but hold their entries strongly (JavaScript cannot iterate
 * weak references in a defined order); the README lists this.
 */
export class LispHashTable {
  readonly test: HashTestName;
  readonly weakness: LispSymbol | null;
  readonly rehashSize: number;
  readonly rehashThreshold: number;
  readonly purecopy: boolean;
  private keys: Slot[];
  private values: Slot[];
  private next: number[];
  private nextFree: number;
  private index = new Map<unknown, number>();
  private entries = 0;

  constructor(settings: HashTableSettings) {
    this.test = settings.test;
    this.weakness = settings.weakness;
    this.rehashSize = settings.rehashSize;
    this.rehashThreshold = settings.rehashThreshold;
    this.purecopy = settings.purecopy;
    // make_hash_table: a size of 0 becomes 1.
    const size = Math.max(settings.size, 1);
    this.keys = new Array<Slot>(size).fill(UNBOUND);
    this.values = new Array<Slot>(size).fill(UNBOUND);
    this.next = Array.from({ length: size }, (_, i) => (i < size - 1 ? i + 1 : -1));
    this.nextFree = 0;
  }

  /** Emacs: HASH_TABLE_SIZE, what `hash-table-size` returns and the printer shows. */
  get size(): number {
    return this.next.length;
  }

  /** Emacs: hash-table-count */
  get count(): number {
    return this.entries;
  }

  /** The symbol of the test, as `hash-table-test` returns it. */
  get testSymbol(): LispSymbol {
    return intern(this.test);
  }

  /** Emacs: hash_lookup; the slot of KEY or -1. */
  lookup(key: unknown): number {
    return this.index.get(normaliseKey(key, this.test)) ?? -1;
  }

  /** Emacs: gethash */
  get(key: unknown, dflt: LispValue = null): LispValue {
    const slot = this.lookup(key);
    return slot < 0 ? dflt : (this.values[slot] as LispValue);
  }

  /** Emacs: puthash (Fputhash: replace the value in place, or hash_put into a fresh slot). */
  put(key: LispValue, value: LispValue): void {
    const normalised = normaliseKey(key, this.test);
    const found = this.index.get(normalised);
    if (found !== undefined) {
      this.values[found] = value;
      return;
    }
    this.maybeResize();
    const slot = this.nextFree;
    this.nextFree = this.next[slot] as number;
    this.keys[slot] = key;
    this.values[slot] = value;
    this.next[slot] = -1;
    this.index.set(normalised, slot);
    this.entries++;
  }

  /** Emacs: hash_remove_from_table; the freed slot becomes the head of the free list. */
  remove(key: unknown): void {
    const normalised = normaliseKey(key, this.test);
    const slot = this.index.get(normalised);
    if (slot === undefined) return;
    this.index.delete(normalised);
    this.keys[slot] = UNBOUND;
    this.values[slot] = UNBOUND;
    this.next[slot] = this.nextFree;
    this.nextFree = slot;
    this.entries--;
  }

  /** Emacs: hash_clear; only a non-empty table gets its free list rebuilt in slot order. */
  clear(): void {
    if (this.entries === 0) return;
    const size = this.size;
    this.keys.fill(UNBOUND);
    this.values.fill(UNBOUND);
    for (let i = 0; i < size; i++) this.next[i] = i < size - 1 ? i + 1 : -1;
    this.nextFree = 0;
    this.index.clear();
    this.entries = 0;
  }

  /**
   * The entry in SLOT, or undefined when it is empty. Iterating `0 <= slot < size` while reading
   * `size` afresh each time is how Emacs's maphash walks, so a function that adds keys sees the
   * table grow as in Emacs.
   */
  entryAt(slot: number): [LispValue, LispValue] | undefined {
    const key = this.keys[slot];
    if (key === UNBOUND || key === undefined) return undefined;
    return [key, this.values[slot] as LispValue];
  }

  /** The entries in slot order. */
  *[Symbol.iterator](): IterableIterator<[LispValue, LispValue]> {
    for (let slot = 0; slot < this.size; slot++) {
      const entry = this.entryAt(slot);
      if (entry !== undefined) yield entry;
    }
  }

  /** Emacs: copy-hash-table (copy_hash_table copies every vector, so the layout is the same). */
  copy(): LispHashTable {
    const copy = new LispHashTable({
      test: this.test,
      size: this.size,
      rehashSize: this.rehashSize,
      rehashThreshold: this.rehashThreshold,
      weakness: this.weakness,
      purecopy: this.purecopy,
    });
    copy.keys = this.keys.slice();
    copy.values = this.values.slice();
    copy.next = this.next.slice();
    copy.nextFree = this.nextFree;
    copy.index = new Map(this.index);
    copy.entries = this.entries;
    return copy;
  }

  /**
   * Emacs: maybe_resize_hash_table. When no slot is free, grow to `size * (rehashSize + 1)`
   * slots (or `size - rehashSize` for an integer rehash size), at least one more; the new slots
   * are the free list, in order, and the old slots stay where they are.
   */
  private maybeResize(): void {
    if (this.nextFree >= 0) return;
    const oldSize = this.size;
    let newSize =
      this.rehashSize < 0 ? oldSize - this.rehashSize : Math.trunc(oldSize * (this.rehashSize + 1));
    if (!Number.isFinite(newSize) || newSize > Number.MAX_SAFE_INTEGER) newSize = Number.MAX_SAFE_INTEGER;
    if (newSize <= oldSize) newSize = oldSize + 1;
    for (let i = oldSize; i < newSize; i++) {
      this.keys.push(UNBOUND);
      this.values.push(UNBOUND);
      this.next.push(i < newSize - 1 ? i + 1 : -1);
    }
    this.nextFree = oldSize;
  }
}
