/** JSON errors as error-message-string shows them (Emacs 28's define_error messages). */
import { LispError, jsonParseString, jsonSerialize, vector, intern } from '../../src';
import { errorMessageString } from '../../src/lisp/error-message';

function messageOf(form: () => unknown): string {
  try {
    form();
  } catch (err) {
    if (err instanceof LispError) return errorMessageString(err);
    throw err;
  }
  throw new Error('no signal');
}

test('error-message-string of the JSON conditions', () => {
  // From emacs --batch: (error-message-string (condition-case e (json-parse-string "[") (error e))).
  expect(messageOf(() => jsonParseString('['))).toBe(
    'end of JSON stream: "\']\' expected near end of file", "<string>", 1, 1, 1',
  );
  expect(messageOf(() => jsonSerialize(vector(intern('foo'))))).toBe(
    'Wrong type argument: json-value-p, foo',
  );
  expect(errorMessageString(new LispError('json-object-too-deep', []))).toBe(
    'object cyclic or Lisp evaluation too deep',
  );
  expect(errorMessageString(new LispError('json-out-of-memory', []))).toBe(
    'not enough memory for creating JSON object',
  );
});
