import {
  boundp,
  funcall,
  isCondition,
  lispError,
  makunbound,
  t,
  wrongTypeArgument,
  bufferLocalValue,
  bufferName,
  currentBuffer,
  defaultValue,
  defvar,
  defvarLocal,
  getBufferCreate,
  intern,
  killBuffer,
  killLocalVariable,
  letBindings,
  localVariableP,
  makeLocalVariable,
  set,
  setBuffer,
  symbolValue,
  withCurrentBuffer,
} from '../../../src';
import type { Scenario } from '../twin';

/** Dynamic let of buffer-local and global values while buffers change. */
const letBuffers: Scenario = {
  name: 'var-let-buffers',
  async twin(out) {
    const x = intern('vl-x');
    const auto = intern('vl-auto');
    const plain = intern('vl-plain');
    defvar(x, intern('global'));
    defvarLocal(auto, intern('dflt'));
    defvar(plain, 1);
    const a = getBufferCreate('vl-a');
    const b = getBufferCreate('vl-b');
    const inA = <T>(fn: () => T): T => withCurrentBuffer(a, fn);
    const inB = <T>(fn: () => T): T => withCurrentBuffer(b, fn);
    inA(() => set(makeLocalVariable(x), intern('a-local')));
    inA(() => {
      letBindings([[x, intern('bound')]], () => {
        out.p('in a', symbolValue(x));
        out.p('default meanwhile', defaultValue(x));
        setBuffer(b);
        out.p('in b', symbolValue(x));
        set(x, intern('set-in-b'));
        out.p('b after setq', symbolValue(x));
      });
      out.p('current buffer after the let', bufferName(currentBuffer()));
      out.p('b after the let', symbolValue(x));
      out.p('a after the let', bufferLocalValue(x, a));
    });
    out.p('default after', defaultValue(x));
    const c = getBufferCreate('vl-c');
    withCurrentBuffer(c, () => set(makeLocalVariable(x), intern('c-local')));
    withCurrentBuffer(c, () => {
      letBindings([[x, intern('bound-c')]], () => {
        killBuffer(c);
        setBuffer(a);
        out.p("a while c's binding is dead", symbolValue(x));
      });
      out.p('after', [symbolValue(x), defaultValue(x)]);
    });
    inA(() => {
      letBindings([[x, intern('x')]], () => {
        killLocalVariable(x);
        out.p('killed inside', [symbolValue(x), localVariableP(x)]);
      });
      out.p('after kill-local-variable', [symbolValue(x), localVariableP(x), defaultValue(x)]);
    });
    inA(() => {
      letBindings([[auto, intern('bound')]], () => {
        out.p('auto in a', [symbolValue(auto), localVariableP(auto), defaultValue(auto)]);
        inB(() => out.p('auto in b', symbolValue(auto)));
        set(auto, intern('set-in-a'));
        out.p('setq in a changes the binding', [symbolValue(auto), localVariableP(auto), defaultValue(auto)]);
        inB(() => {
          set(auto, intern('set-in-b'));
          out.p('setq in b makes a local', [symbolValue(auto), localVariableP(auto), defaultValue(auto)]);
        });
        makeLocalVariable(auto);
        out.p('make-local-variable inside changes the binding', [symbolValue(auto), localVariableP(auto)]);
      });
      out.p('auto after', [
        symbolValue(auto),
        localVariableP(auto),
        defaultValue(auto),
        bufferLocalValue(auto, b),
        localVariableP(auto, b),
      ]);
    });
    inB(() => {
      letBindings([[auto, intern('bound-b')]], () => {
        out.p('auto local in b', [symbolValue(auto), defaultValue(auto)]);
        inA(() => out.p('a sees the default', symbolValue(auto)));
      });
      out.p('auto in b after', symbolValue(auto));
    });
    letBindings([[plain, 2]], () => {
      set(plain, 3);
      out.p('plain inner', symbolValue(plain));
      inA(() => out.p('plain from a', symbolValue(plain)));
    });
    out.p('plain after', symbolValue(plain));
    inA(() => {
      letBindings([[plain, 10]], () => {
        makeLocalVariable(plain);
        set(plain, 11);
        out.p('made local inside', [symbolValue(plain), defaultValue(plain)]);
      });
      out.p('after: the default is restored, the local stays', [
        symbolValue(plain),
        defaultValue(plain),
        localVariableP(plain),
      ]);
    });
    inA(() => set(makeLocalVariable(x), intern('a-again')));
    inB(() =>
      letBindings([[x, intern('outer')]], () => {
        inA(() =>
          letBindings([[x, intern('inner')]], () => {
            out.p('nested', [symbolValue(x), bufferLocalValue(x, b), defaultValue(x)]);
          }),
        );
        out.p('after inner', [symbolValue(x), bufferLocalValue(x, a), defaultValue(x)]);
      }),
    );
    out.p('after both', [bufferLocalValue(x, a), bufferLocalValue(x, b), defaultValue(x)]);
    letBindings(
      [
        [plain, intern('first')],
        [plain, intern('second')],
      ],
      () => out.p('twice', symbolValue(plain)),
    );
    out.p('twice after', symbolValue(plain));
  },
};

/** let inside condition-case (letBindings inside try/catch): errors escaping the body, bindings that fail. */
const letErrors: Scenario = {
  name: 'var-let-errors',
  async twin(out) {
    const x = intern('ve-x');
    const v = intern('ve-void');
    const auto = intern('ve-auto');
    const kw = intern(':ve');
    const rpom = intern('read-process-output-max');
    const first = intern('first');
    const body = intern('body');
    defvar(x, intern('outer'));
    defvarLocal(auto, intern('dflt'));
    const a = getBufferCreate('ve-a');
    const b = getBufferCreate('ve-b');
    withCurrentBuffer(a, () => set(auto, intern('a-local')));
    await out.try('an error escapes the body', () =>
      letBindings([[x, intern('inner')]], () => {
        throw lispError(`Boom ${String(symbolValue(x))}`);
      }),
    );
    out.p('restored', symbolValue(x));
    await out.try('a signal with data', () =>
      letBindings([[x, 1]], () => {
        throw wrongTypeArgument('integerp', symbolValue(x));
      }),
    );
    out.p('restored again', symbolValue(x));
    await out.try('an error in another buffer', () =>
      withCurrentBuffer(a, () =>
        letBindings([[auto, intern('bound')]], () => {
          setBuffer(b);
          throw lispError(`In ${bufferName() ?? ''}`);
        }),
      ),
    );
    out.p("a's value restored", bufferLocalValue(auto, a));
    out.p('b untouched', [bufferLocalValue(auto, b), localVariableP(auto, b)]);
    await out.try('an error from the default binding', () =>
      withCurrentBuffer(b, () =>
        letBindings([[auto, intern('bound')]], () => {
          throw lispError(`Default ${String(defaultValue(auto))}`);
        }),
      ),
    );
    out.p('default restored', defaultValue(auto));
    await out.try('nested, the inner one fails', () =>
      letBindings([[x, 1]], () => {
        try {
          letBindings([[x, 2]], () => {
            throw lispError('inner');
          });
        } catch (err) {
          if (!isCondition(err, 'error')) throw err;
          out.p('between', symbolValue(x));
        }
        throw lispError(`outer ${String(symbolValue(x))}`);
      }),
    );
    out.p('after nested', symbolValue(x));
    await out.try('the second binding is nil', () =>
      letBindings(
        [
          [x, first],
          [null, 1],
        ],
        () => body,
      ),
    );
    out.p('the first is unbound', symbolValue(x));
    await out.try('t', () => letBindings([[t, 1]], () => body));
    await out.try('a keyword to itself', () => letBindings([[kw, kw]], () => kw));
    await out.try('a keyword', () => letBindings([[kw, 1]], () => body));
    await out.try('read-process-output-max, a float', () =>
      letBindings(
        [
          [x, first],
          [rpom, 1.5],
        ],
        () => body,
      ),
    );
    out.p('both unbound', [symbolValue(x), symbolValue(rpom)]);
    await out.try('read-process-output-max, an integer', () =>
      letBindings([[rpom, 10]], () => symbolValue(rpom)),
    );
    out.p('read-process-output-max after', symbolValue(rpom));
    await out.try('enable-multibyte-characters', () =>
      letBindings(
        [
          [x, first],
          ['enable-multibyte-characters', null],
        ],
        () => body,
      ),
    );
    out.p('after enable-multibyte-characters', [symbolValue(x), symbolValue('enable-multibyte-characters')]);
    // The el entry, as Emacs: a string is no symbol.
    await out.try('a string', () =>
      funcall(
        'let',
        [
          [x, first],
          ['ve-y', 2],
        ],
        () => body,
      ),
    );
    out.p('after a string', symbolValue(x));
    await out.try('two value forms', () =>
      letBindings([[x, first], [v, 1, 2] as unknown as [typeof v, number]], () => body),
    );
    out.p('after two value forms', symbolValue(x));
    await out.try('makunbound in the body', () =>
      letBindings([[x, intern('bound')]], () => {
        makunbound(x);
        return boundp(x);
      }),
    );
    out.p('after makunbound', symbolValue(x));
    await out.try('a void variable', () => letBindings([[v, 1]], () => symbolValue(v)));
    out.p('void again', boundp(v));
    await out.try('set inside, then an error', () =>
      letBindings([[v, 1]], () => {
        set(v, 2);
        throw lispError(`x ${String(symbolValue(v))}`);
      }),
    );
    out.p('void once more', boundp(v));
    await out.try("the body's value", () =>
      letBindings(
        [
          [x, 1],
          [v, 2],
        ],
        () => [symbolValue(x), symbolValue(v)],
      ),
    );
    await out.try('no bindings', () => letBindings([], () => intern('empty')));
    await out.try('bindings without values', () =>
      letBindings([x, [v]], () => [symbolValue(x), symbolValue(v)]),
    );
    out.p('after them', [symbolValue(x), boundp(v)]);
  },
};

export const letScenarios: readonly Scenario[] = [letBuffers, letErrors];
