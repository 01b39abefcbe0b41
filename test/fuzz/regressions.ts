/**
 * Bad calls the corpus found that once ended in something other than a LispError or a normal
 * return, shrunk by hand to the smallest call that showed it. They run first on every run, before
 * the generated calls (indices below REGRESSIONS.length in a failure); each says what went wrong
 * and what elproc now signals.
 */
import type { Call } from './recipes';

export interface Regression {
  /** What elproc did, and what it does now. */
  readonly what: string;
  readonly call: Call;
}

const BODY_NOT_A_FUNCTION =
  'TypeError "fn is not a function" from inside the form; now (wrong-type-argument functionp BODY), as let signals';

export const REGRESSIONS: readonly Regression[] = [
  {
    what: 'RangeError from AbortSignal.timeout for a :timeout past 2^32 - 1 ms; now such a timeout is as good as none',
    call: {
      fn: 'make-network-process',
      args: [
        { k: 'kw', name: ':timeout' },
        { k: 'float', v: 2.305843009213694e31 },
        { k: 'kw', name: ':name' },
        { k: 'str', v: 'fz-timeout' },
        { k: 'kw', name: ':server' },
        { k: 't' },
        { k: 'kw', name: ':host' },
        { k: 'str', v: '127.0.0.1' },
        { k: 'kw', name: ':service' },
        { k: 'num', v: 0 },
      ],
    },
  },
  { what: BODY_NOT_A_FUNCTION, call: { fn: 'save-restriction', args: [{ k: 'num', v: -4 }] } },
  { what: BODY_NOT_A_FUNCTION, call: { fn: 'save-current-buffer', args: [{ k: 'num', v: 40 }] } },
  { what: BODY_NOT_A_FUNCTION, call: { fn: 'save-excursion', args: [{ k: 'nil' }] } },
  {
    what: BODY_NOT_A_FUNCTION,
    call: {
      fn: 'with-current-buffer',
      args: [
        { k: 'buffer', which: 'text' },
        { k: 'str', v: 'a' },
      ],
    },
  },
  { what: BODY_NOT_A_FUNCTION, call: { fn: 'with-temp-buffer', args: [{ k: 'sym', name: 'ignore' }] } },
  { what: BODY_NOT_A_FUNCTION, call: { fn: 'save-match-data', args: [{ k: 'vec', items: [] }] } },
  { what: BODY_NOT_A_FUNCTION, call: { fn: 'with-output-to-string', args: [{ k: 'undefined' }] } },
  {
    what: 'RangeError "Invalid code point -4"; now (wrong-type-argument characterp -4) (Emacs writes a garbage character)',
    call: {
      fn: 'write-char',
      args: [
        { k: 'num', v: -4 },
        { k: 'buffer', which: 'text' },
      ],
    },
  },
  {
    what: 'RangeError "Invalid code point 9007199254740992"; now (wrong-type-argument characterp 9007199254740992)',
    call: {
      fn: 'write-char',
      args: [
        { k: 'num', v: 2 ** 53 },
        { k: 'buffer', which: 'text' },
      ],
    },
  },
  {
    what: 'RangeError "Invalid code point 4194303"; now the raw-byte character goes into the buffer, as in Emacs',
    call: {
      fn: 'write-char',
      args: [
        { k: 'num', v: 0x3fffff },
        { k: 'buffer', which: 'text' },
      ],
    },
  },
  {
    what: 'a character past Unicode to a function stream: the function now gets the code, as in Emacs',
    call: {
      fn: 'write-char',
      args: [
        { k: 'num', v: 0x110000 },
        { k: 'fn', which: 'identity' },
      ],
    },
  },
  {
    what: 'match-data with a circular REUSE filled memory until the heap ran out; now (circular-list REUSE) (Emacs 28 never returns)',
    call: {
      fn: 'match-data',
      args: [
        { k: 'num', v: 8 },
        { k: 'circular', shape: 'cons' },
        { k: 'str', v: '-1' },
      ],
    },
  },
  {
    what: 'set-match-data with a circular list never returned (a synchronous loop); now (circular-list LIST), as in Emacs',
    call: { fn: 'set-match-data', args: [{ k: 'circular', shape: 'cons' }] },
  },
];
