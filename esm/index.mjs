// The ESM entry: the CommonJS build's names, re-exported. One build serves both, so that a
// program mixing import and require() still has one process registry and one symbol table.
export * from '../dist/index.js';
