/**
 * The option keywords, written out from the spec (not read from elproc's option table, which the
 * tests check against these): Emacs 28's eight in Emacs's order, then elproc's extensions.
 */
export const EMACS_OPTION_KEYWORDS: readonly string[] = [
  ':bindtodevice',
  ':broadcast',
  ':dontroute',
  ':keepalive',
  ':linger',
  ':oobinline',
  ':priority',
  ':reuseaddr',
];

export const EXTENSION_OPTION_KEYWORDS: readonly string[] = [
  ':sndbuf',
  ':rcvbuf',
  ':sndlowat',
  ':rcvlowat',
  ':nodelay',
  ':keepidle',
  ':keepintvl',
  ':keepcnt',
  ':reuseport',
];

export const ALL_OPTION_KEYWORDS: readonly string[] = [
  ...EMACS_OPTION_KEYWORDS,
  ...EXTENSION_OPTION_KEYWORDS,
];
