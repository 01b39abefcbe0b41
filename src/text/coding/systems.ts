/*
 * The coding systems elproc knows, as Emacs 28 defines them (lisp/international/mule-conf.el and
 * lisp/language/*.el): each base system with its type and properties, and the aliases that name
 * it. Every base system with an undecided end of line also has the -unix, -dos and -mac
 * subsidiaries, and so does every alias (`latin-1-dos` is a name of its own in Emacs too).
 */

/** How a coding system turns bytes into characters (Emacs: coding-system-type, refined). */
export type CodingKind =
  'utf-8' | 'utf-16' | 'charset' | 'shift-jis' | 'euc-jp' | 'raw-text' | 'no-conversion' | 'undecided';

/** How a UTF signature (BOM) is handled. */
export type Signature = 'none' | 'with' | 'auto';

/** A base coding system. */
export interface CodingSpec {
  /** Emacs: coding-system-base */
  readonly base: string;
  readonly kind: CodingKind;
  /** Emacs: (coding-system-get CS :mime-charset) */
  readonly mimeCharset: string | null;
  /** The iconv-lite table of a `charset` or CJK system. */
  readonly table?: string;
  /** UTF-8: whether a BOM is written (with) or skipped on decoding (with, auto). UTF-16: whether one is written and read. */
  readonly signature: Signature;
  /** UTF-16 byte order (for `utf-16` itself, the order assumed without a BOM). */
  readonly bigEndian?: boolean;
  /** The byte an unencodable character becomes (Emacs: :default-char, a space when nil). */
  readonly defaultChar: number;
  /** The end-of-line conversion of a system without subsidiaries (no-conversion, emacs-internal). */
  readonly fixedEol?: 'unix';
}

type SpecFields = Omit<CodingSpec, 'base' | 'signature' | 'defaultChar'> &
  Partial<Pick<CodingSpec, 'base' | 'signature' | 'defaultChar'>>;

const SPACE = 0x20;
const specs = new Map<string, CodingSpec>();
/** Every name, alias or base, to its base. */
const names = new Map<string, string>();

/** NAME's spec (its base is NAME unless FIELDS says otherwise) and the ALIASES that name it. */
function define(base: string, fields: SpecFields, ...aliases: string[]): void {
  specs.set(base, { base, signature: 'none', defaultChar: SPACE, ...fields });
  names.set(base, base);
  for (const alias of aliases) names.set(alias, base);
}

define('utf-8', { kind: 'utf-8', mimeCharset: 'utf-8' }, 'mule-utf-8', 'cp65001');
define('utf-8-emacs', { kind: 'utf-8', mimeCharset: null });
define('utf-8-auto', { kind: 'utf-8', mimeCharset: null, signature: 'auto' });
define('utf-8-with-signature', { kind: 'utf-8', mimeCharset: null, signature: 'with' });
// Emacs's emacs-internal is utf-8-emacs-unix under another name (its base is utf-8-emacs).
define('emacs-internal', { kind: 'utf-8', mimeCharset: null, fixedEol: 'unix', base: 'utf-8-emacs' });
define('undecided', { kind: 'undecided', mimeCharset: null });
define('prefer-utf-8', { kind: 'undecided', mimeCharset: null });
define('raw-text', { kind: 'raw-text', mimeCharset: null });
define('no-conversion', { kind: 'no-conversion', mimeCharset: null, fixedEol: 'unix' }, 'binary');
define(
  'us-ascii',
  { kind: 'charset', mimeCharset: 'us-ascii', table: 'ascii', defaultChar: 0x3f },
  'ascii',
  'iso-safe',
);
define(
  'iso-latin-1',
  { kind: 'charset', mimeCharset: 'iso-8859-1', table: 'latin1' },
  'latin-1',
  'iso-8859-1',
);

/** ISO-8859-N: [N, base, aliases]. */
const ISO_8859: readonly [number, string, ...string[]][] = [
  [2, 'iso-latin-2', 'latin-2'],
  [3, 'iso-latin-3', 'latin-3'],
  [4, 'iso-latin-4', 'latin-4'],
  [5, 'cyrillic-iso-8bit'],
  [6, 'iso-8859-6'],
  [7, 'greek-iso-8bit'],
  [8, 'hebrew-iso-8bit'],
  [9, 'iso-latin-5', 'latin-5'],
  [10, 'iso-latin-6', 'latin-6'],
  [11, 'iso-8859-11'],
  [13, 'iso-latin-7', 'latin-7'],
  [14, 'iso-latin-8', 'latin-8'],
  [15, 'iso-latin-9', 'latin-9', 'latin-0'],
  [16, 'iso-latin-10', 'latin-10'],
];
for (const [n, base, ...aliases] of ISO_8859) {
  const iso = `iso-8859-${n}`;
  define(
    base,
    { kind: 'charset', mimeCharset: iso, table: iso },
    ...(base === iso ? aliases : [iso, ...aliases]),
  );
}
for (let n = 1250; n <= 1258; n++) {
  define(`windows-${n}`, { kind: 'charset', mimeCharset: `windows-${n}`, table: `windows-${n}` }, `cp${n}`);
}
define('cyrillic-koi8', { kind: 'charset', mimeCharset: 'koi8-r', table: 'koi8-r' }, 'koi8-r', 'koi8');
define('georgian-academy', { kind: 'charset', mimeCharset: null, table: 'georgianacademy' });
define('georgian-ps', { kind: 'charset', mimeCharset: null, table: 'georgianps' });
define(
  'japanese-shift-jis',
  { kind: 'shift-jis', mimeCharset: 'shift_jis', table: 'shift_jis' },
  'shift_jis',
  'sjis',
);
define(
  'japanese-iso-8bit',
  { kind: 'euc-jp', mimeCharset: 'euc-jp', table: 'euc-jp' },
  'euc-jp',
  'euc-japan',
);
define('utf-16', { kind: 'utf-16', mimeCharset: 'utf-16', signature: 'auto', bigEndian: true });
define('utf-16le', { kind: 'utf-16', mimeCharset: 'utf-16le', bigEndian: false });
define('utf-16be', { kind: 'utf-16', mimeCharset: 'utf-16be', bigEndian: true });
define(
  'utf-16le-with-signature',
  { kind: 'utf-16', mimeCharset: 'utf-16', signature: 'with', bigEndian: false },
  'utf-16-le',
);
define(
  'utf-16be-with-signature',
  { kind: 'utf-16', mimeCharset: 'utf-16', signature: 'with', bigEndian: true },
  'utf-16-be',
);

/** The base spec of a name (an alias or a base, without an EOL suffix), or undefined. */
export function specOf(name: string): CodingSpec | undefined {
  const base = names.get(name);
  return base === undefined ? undefined : specs.get(base);
}
