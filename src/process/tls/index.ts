/* TLS on elproc's stream connections through Node's tls module, with gnutls.el's and gnutls.c's API. */
import './variables';
export {
  gnutlsAvailableP,
  gnutlsErrorp,
  gnutlsErrorString,
  gnutlsNegotiate,
  tlsFunctions,
} from './gnutls-functions';
export { gnutlsBootParameters, gnutlsTrustfiles, gnutlsCrlfiles } from './boot-parameters';
export { gnutlsPeerStatus } from './peer-status';
