export * from './symbol';
export * from './values';
export * from './errors';
export * from './error-message';
export * from './printer';
export * from './reader';
export * from './plist';
export * from './function-table';
