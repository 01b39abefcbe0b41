import { prin1ToString } from '../../src/lisp/printer';

export const show = (value: unknown): string => prin1ToString(value);

/** The printed Lisp error `fn` signals (`(error "…")`); fails the test when it signals nothing. */
export function signal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return show(err);
  }
  throw new Error('expected a signal');
}
