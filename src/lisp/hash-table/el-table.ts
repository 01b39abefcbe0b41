/* The hash-table functions under their Emacs names, for the `el` table. */
import type { LispFunction } from '../values';
import * as fns from './functions';
import { makeHashTable } from './make-hash-table';

export const hashTableFunctions = {
  'make-hash-table': makeHashTable,
  gethash: fns.gethash,
  puthash: fns.puthash,
  remhash: fns.remhash,
  clrhash: fns.clrhash,
  maphash: fns.maphash,
  'hash-table-count': fns.hashTableCount,
  'hash-table-keys': fns.hashTableKeys,
  'hash-table-values': fns.hashTableValues,
  'hash-table-p': fns.hashTableP,
  'hash-table-test': fns.hashTableTest,
  'hash-table-size': fns.hashTableSize,
  'hash-table-weakness': fns.hashTableWeakness,
  'hash-table-rehash-size': fns.hashTableRehashSize,
  'hash-table-rehash-threshold': fns.hashTableRehashThreshold,
  'copy-hash-table': fns.copyHashTable,
} as const satisfies Readonly<Record<string, LispFunction>>;
