import type { LispFunction } from '../../lisp/values';
import { nsmVerifyConnection } from './nsm';
import { openGnutlsStream } from './open-gnutls-stream';
import { openNetworkStream } from './open-network-stream';

/** The network-stream room's functions under their Emacs names. */
export const networkStreamFunctions = {
  'open-network-stream': openNetworkStream,
  'open-gnutls-stream': openGnutlsStream,
  'nsm-verify-connection': nsmVerifyConnection,
} as const satisfies Readonly<Record<string, LispFunction>>;
