/* open-network-stream and its TLS wrappers, ported from Emacs 28's network-stream.el and gnutls.el. */
export { openNetworkStream } from './open-network-stream';
export { openGnutlsStream } from './open-gnutls-stream';
export { nsmVerifyConnection } from './nsm';
export { networkStreamFunctions } from './el-table';
