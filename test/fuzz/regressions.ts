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
];
