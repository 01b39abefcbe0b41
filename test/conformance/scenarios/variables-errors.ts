import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LispError,
  LispSymbol,
  currentBuffer,
  funcall,
  intern,
  prin1ToString,
  readFromString,
} from '../../../src';
import { errorMessageString } from '../../../src/lisp/error-message';
import { EMACS_DIR } from '../harness';
import type { Scenario } from '../twin';

/** The cases of emacs/var-errors.eld: (FUNCTION ARG...), called through `el` under Emacs's names. */
function errorCases(): unknown[][] {
  const text = readFileSync(join(EMACS_DIR, 'var-errors.eld'), 'utf8');
  return readFromString(text.replace(/^;.*$/gm, '')) as unknown[][];
}

/** Every error of the variable functions, with its data, from one table both halves read. */
const errors: Scenario = {
  name: 'var-errors',
  async twin(out) {
    for (const c of errorCases()) {
      const [fn, ...args] = c;
      const actual = args.map((arg) => (arg === intern('CURRENT') ? currentBuffer() : arg));
      await out.try(prin1ToString(c), () => funcall(fn as LispSymbol, ...actual));
    }
    const message = (symbol: string, ...data: unknown[]): string =>
      errorMessageString(new LispError(symbol, data as LispError['data']));
    await out.try('error-message-string void-variable', () => message('void-variable', intern('ve-void')));
    await out.try('error-message-string setting-constant', () => message('setting-constant', null));
    await out.try('error-message-string overflow-error', () => message('overflow-error', 5));
  },
};

export const errorScenarios: readonly Scenario[] = [errors];
