export { LispHashTable } from './hash-table';
export type { HashTableSettings } from './hash-table';
export type { HashTestName } from './key-normalise';
export { makeHashTable, checkHashTable } from './make-hash-table';
export * from './functions';
export { readHashTableSyntax } from './read-syntax';
export { hashTableFunctions } from './el-table';
