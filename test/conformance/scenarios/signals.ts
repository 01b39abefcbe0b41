import {
  LispError,
  LispValue,
  defineError,
  error,
  errorMessageString,
  ignoreErrors,
  intern,
  lispCatch,
  lispThrow,
  prin1ToString,
  readFromString,
  signal,
  unwindProtect,
  userError,
} from '../../../src';
import { Scenario } from '../twin';

const HANDLERS = ['my-sub', 'my-err', 'file-error', 'user-error', 'arith-error', 'error'];

/** signals.el's `caught`: which handler of its list catches what FORM signals. */
function caught(form: () => unknown): unknown {
  try {
    return form();
  } catch (err) {
    if (!(err instanceof LispError)) throw err;
    const handler = HANDLERS.find((condition) => err.conditions.includes(condition));
    return [intern('caught'), handler === undefined ? intern('t') : intern(handler), err.toLisp()];
  }
}

const sym = intern;

/** signal, error, user-error, define-error, error-message-string, ignore-errors (emacs/signals.el). */
export const signals: Scenario = {
  name: 'signals',
  async twin(out) {
    out.p('define-error my-err', defineError(sym('my-err'), 'My error'));
    out.p('define-error my-sub', defineError(sym('my-sub'), 'My sub', sym('my-err')));
    out.p('define-error my-multi', defineError(sym('my-multi'), 'Multi', [sym('file-error'), sym('my-sub')]));
    out.p('define-error my-silent', defineError(sym('my-silent'), null));
    out.p('define-error my-lone', defineError(sym('my-lone'), 'Lone', sym('not-an-error')));
    await out.try('define-error unknown in a list', () =>
      defineError(sym('my-bad'), 'Bad', [sym('error'), sym('not-an-error')]),
    );
    await out.try('define-error "x"', () => defineError('x', 'X'));
    out.p(
      'signal my-err',
      caught(() => signal(sym('my-err'), [1, 'two'])),
    );
    out.p(
      'signal my-sub',
      caught(() => signal(sym('my-sub'), [sym('x')])),
    );
    out.p(
      'signal my-multi',
      caught(() => signal(sym('my-multi'), ['a', 'b'])),
    );
    out.p(
      'signal my-silent',
      caught(() => signal(sym('my-silent'), [1])),
    );
    out.p(
      'signal my-lone',
      caught(() => signal(sym('my-lone'), null)),
    );
    out.p(
      'signal not-an-error',
      caught(() => signal(sym('not-an-error'), [1, 2])),
    );
    out.p(
      'signal wrong-type-argument',
      caught(() => signal(sym('wrong-type-argument'), [sym('numberp'), '1'])),
    );
    out.p(
      'signal overflow-error',
      caught(() => signal(sym('overflow-error'), null)),
    );
    out.p(
      'signal quit',
      caught(() => signal(sym('quit'), null)),
    );
    out.p(
      'signal nil (error "m" 1)',
      caught(() => signal(null, [sym('error'), 'm', 1])),
    );
    out.p(
      'signal nil nil',
      caught(() => signal(null, null)),
    );
    out.p(
      'signal nil (1)',
      caught(() => signal(null, [1])),
    );
    out.p(
      'signal "x"',
      caught(() => signal('x', null)),
    );
    out.p(
      'error',
      caught(() => error('x %d %S', 5, 's')),
    );
    out.p(
      'error quotes',
      caught(() => error("`%s' is %s", sym('a'), 'b')),
    );
    out.p(
      'error no args',
      caught(() => error('%s')),
    );
    out.p(
      'error 5',
      caught(() => error(5)),
    );
    out.p(
      'user-error',
      caught(() => userError('u %s', sym('y'))),
    );
    out.p(
      'throw without catch',
      caught(() => lispThrow(sym('nope'), 1)),
    );
    const objects = readFromString(
      '((my-err 1 "two") (my-sub x) (my-multi "a" "b") (my-silent 1) (my-lone) (not-an-error 1 2) ' +
        '(error "boom" 1) (error) (user-error "u y") (no-catch nope 1) (wrong-type-argument numberp "1") ' +
        '(file-error "Cannot open" "No such file" "/x") (quit) (invalid-function 5) (arith-error) nil)',
    ) as LispValue[];
    for (const e of objects) out.p(`error-message-string ${prin1ToString(e)}`, errorMessageString(e));
    await out.try('error-message-string 5', () => errorMessageString(5));
    await out.try('error-message-string ("x" 1)', () => errorMessageString(['x', 1]));
    out.p(
      'ignore-errors of an error',
      ignoreErrors(() => error('x')),
    );
    out.p(
      'ignore-errors of a value',
      ignoreErrors(() => 7),
    );
    out.p(
      'ignore-errors of my-sub',
      ignoreErrors(() => signal(sym('my-sub'), null)),
    );
    out.p(
      'ignore-errors of a throw',
      lispCatch(sym('z'), () => ignoreErrors(() => lispThrow(sym('z'), 8))),
    );
    out.p(
      'ignore-errors of not-an-error',
      caught(() => ignoreErrors(() => signal(sym('not-an-error'), [1]))),
    );
    out.p(
      'ignore-errors of quit',
      caught(() => ignoreErrors(() => signal(sym('quit'), null))),
    );
    const log: unknown[] = [];
    const value = lispCatch(sym('u'), () =>
      unwindProtect(
        () => lispThrow(sym('u'), 1),
        () => log.push(sym('unwound')),
      ),
    );
    out.p('unwind-protect', [value, log]);
  },
};
