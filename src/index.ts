/**
 * elproc: GNU Emacs's network-process API for Node.js. Every export is named after the Emacs
 * function it ports (camelCase), and also reachable by its Emacs name through `el` and `funcall`.
 */
export * from './lisp';
export * from './process';
export { parseNetworkProcessArgs, featurep } from './options';
export type { NetworkProcessSpec, SocketOptions, NetworkAddress, OptionSetting } from './options/types';
export { defun, funcall } from './lisp/function-table';
