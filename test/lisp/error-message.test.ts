import { errorMessageString } from '../../src/lisp/error-message';
import { LispError } from '../../src/lisp/errors';
import { intern } from '../../src/lisp/symbol';
import { LispValue, vector } from '../../src/lisp/values';

// The texts are (error-message-string ERR) in emacs --batch -Q (GNU Emacs 28.2).
describe('errorMessageString (Emacs: error-message-string)', () => {
  test.each<[string, LispValue[], string]>([
    ['error', ['boom'], 'boom'],
    ['error', ['a', 1, 'b'], 'a: 1, "b"'],
    ['error', [''], ''],
    ['error', [], 'peculiar error'],
    ['error', [5], 'peculiar error'],
    ['wrong-type-argument', [intern('stringp'), 'x'], 'Wrong type argument: stringp, "x"'],
    ['file-error', ['Cannot bind', 'Address in use'], 'Cannot bind: Address in use'],
    [
      'file-missing',
      ['make client process failed', 'No such file or directory', intern(':name'), 'd'],
      'make client process failed: No such file or directory, :name, d',
    ],
    ['end-of-file', ['x'], 'End of file during parsing: x'],
    ['invalid-function', ['s'], 'Invalid function: "s"'],
    ['invalid-function', [5], 'Invalid function: 5'],
    ['void-function', [intern('foo')], 'Symbol\u2019s function definition is void: foo'],
    ['args-out-of-range', [vector(1), 5], 'Args out of range: [1], 5'],
    ['coding-system-error', [intern('nope')], 'Invalid coding system: nope'],
    ['foo-bar', [1], 'peculiar error: 1'],
  ])('(%s …)', (symbol, data, text) => {
    expect(errorMessageString(new LispError(symbol, data))).toBe(text);
  });
});
