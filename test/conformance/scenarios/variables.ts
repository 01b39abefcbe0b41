import {
  LispBuffer,
  bufferLocalValue,
  defvar,
  defvarLocal,
  funcall,
  getBufferCreate,
  killBuffer,
  localVariableIfSetP,
  localVariableP,
  makeLocalVariable,
  makeVariableBufferLocal,
  withCurrentBuffer,
  boundp,
  defaultBoundp,
  defaultValue,
  defconst,
  intern,
  makunbound,
  set,
  setDefault,
  symbolValue,
  t,
  vector,
  cons,
} from '../../../src';
import type { Scenario } from '../twin';

const k = intern(':vg-k');

/** set, symbol-value, boundp, makunbound, default-value, set-default on global variables and constants. */
const global: Scenario = {
  name: 'var-global',
  async twin(out) {
    out.p('boundp void', boundp('vg-a'));
    out.p('default-boundp void', defaultBoundp('vg-a'));
    await out.try('symbol-value void', () => symbolValue('vg-a'));
    await out.try('default-value void', () => defaultValue('vg-a'));
    out.p('set', set('vg-a', 1));
    out.p('symbol-value', symbolValue('vg-a'));
    out.p('boundp', boundp('vg-a'));
    out.p('default-boundp', defaultBoundp('vg-a'));
    out.p('default-value', defaultValue('vg-a'));
    out.p('set a list', set('vg-a', [1, 'two', cons(3, 4), vector(5)]));
    out.p('symbol-value list', symbolValue('vg-a'));
    out.p('set-default', setDefault('vg-a', intern('sym')));
    out.p('symbol-value after set-default', symbolValue('vg-a'));
    out.p('makunbound', makunbound('vg-a'));
    out.p('boundp after makunbound', boundp('vg-a'));
    out.p('default-boundp after makunbound', defaultBoundp('vg-a'));
    await out.try('symbol-value after makunbound', () => symbolValue('vg-a'));
    out.p('makunbound again', makunbound('vg-a'));
    out.p('set-default a void variable', setDefault('vg-b', 5));
    out.p('symbol-value of it', symbolValue('vg-b'));
    out.p('set nil as value', [set('vg-b', null), boundp('vg-b'), symbolValue('vg-b')]);
    out.p('nil', [boundp(null), symbolValue(null), defaultValue(null), defaultBoundp(null)]);
    out.p('t', [boundp(t), symbolValue(t), defaultValue(t), defaultBoundp(t)]);
    out.p('keyword', [boundp(k), symbolValue(k), defaultValue(k), defaultBoundp(k)]);
    await out.try('set nil', () => set(null, 1));
    await out.try('set nil to nil', () => set(null, null));
    await out.try('set t to t', () => set(t, t));
    await out.try('set a keyword to itself', () => set(k, k));
    await out.try('set a keyword', () => set(k, 1));
    await out.try('set-default a keyword to itself', () => setDefault(k, k));
    await out.try('set-default a keyword', () => setDefault(k, 2));
    await out.try('set-default nil', () => setDefault(null, 1));
    await out.try('set-default t', () => setDefault(t, null));
    await out.try('makunbound nil', () => makunbound(null));
    await out.try('makunbound t', () => makunbound(t));
    await out.try('makunbound a keyword', () => makunbound(k));
    out.p('keyword still itself', symbolValue(k));
    defconst('vg-c', 1, 'A constant.');
    out.p('defconst value', symbolValue('vg-c'));
    await out.try('set a defconst', () => set('vg-c', 2));
    out.p('defconst after set', symbolValue('vg-c'));
    await out.try('makunbound a defconst', () => makunbound('vg-c'));
    out.p('defconst after makunbound', boundp('vg-c'));
  },
};

/** make-local-variable: defaults and local values across buffers. */
const bufferLocal: Scenario = {
  name: 'var-buffer-local',
  async twin(out) {
    const x = intern('vb-x');
    defvar(x, intern('global'));
    const a = getBufferCreate('vb-a');
    const b = getBufferCreate('vb-b');
    const inA = <T>(fn: () => T): T => withCurrentBuffer(a, fn);
    const inB = <T>(fn: () => T): T => withCurrentBuffer(b, fn);
    out.p(
      'make-local-variable',
      inA(() => makeLocalVariable(x)),
    );
    out.p(
      'local starts as the default',
      inA(() => [symbolValue(x), localVariableP(x)]),
    );
    inA(() => set(x, intern('in-a')));
    out.p(
      'in a',
      inA(() => symbolValue(x)),
    );
    out.p(
      'in b',
      inB(() => symbolValue(x)),
    );
    out.p('default', defaultValue(x));
    inB(() => set(x, intern('set-in-b')));
    out.p('set in b sets the default', [
      defaultValue(x),
      inA(() => symbolValue(x)),
      inB(() => localVariableP(x)),
    ]);
    inA(() => setDefault(x, intern('new-default')));
    out.p('set-default from a', [inA(() => symbolValue(x)), inB(() => symbolValue(x)), defaultValue(x)]);
    out.p(
      'make-local-variable again keeps the value',
      inA(() => {
        makeLocalVariable(x);
        return symbolValue(x);
      }),
    );
    out.p('buffer-local-value', [bufferLocalValue(x, a), bufferLocalValue(x, b)]);
    inA(() => makunbound(x));
    out.p('makunbound the local', [
      inA(() => boundp(x)),
      inB(() => boundp(x)),
      defaultValue(x),
      inA(() => localVariableP(x)),
    ]);
    await out.try('buffer-local-value of a void local', () => bufferLocalValue(x, a));
    await out.try('symbol-value of a void local', () => inA(() => symbolValue(x)));
    inA(() => set(x, intern('again')));
    out.p('set after makunbound', [inA(() => symbolValue(x)), defaultValue(x)]);
    const v = intern('vb-void');
    inA(() => makeLocalVariable(v));
    out.p(
      'void made local',
      inA(() => [boundp(v), localVariableP(v), defaultBoundp(v)]),
    );
    inA(() => set(v, 1));
    out.p('then set', [inA(() => symbolValue(v)), inB(() => boundp(v)), defaultBoundp(v)]);
    inA(() => setDefault(v, intern('dflt')));
    out.p('set-default leaves the local', [inA(() => symbolValue(v)), inB(() => symbolValue(v))]);
    const c = getBufferCreate('vb-c');
    out.p(
      'a newer buffer sees the default',
      withCurrentBuffer(c, () => [symbolValue(x), symbolValue(v), localVariableP(x)]),
    );
    withCurrentBuffer(c, () => set(makeLocalVariable(x), intern('in-c')));
    out.p(
      'three buffers',
      [a, b, c].map((buf: LispBuffer) => bufferLocalValue(x, buf)),
    );
    out.p('kill a', killBuffer(a));
    out.p('buffer-local-value in a killed buffer', bufferLocalValue(x, a));
    out.p('the others keep theirs', [defaultValue(x), bufferLocalValue(x, b), bufferLocalValue(x, c)]);
    out.p(
      'a new buffer of the same name',
      withCurrentBuffer(getBufferCreate('vb-a'), () => [symbolValue(x), localVariableP(x)]),
    );
  },
};

/** make-variable-buffer-local and defvar-local. */
const automatic: Scenario = {
  name: 'var-automatic',
  async twin(out) {
    const x = intern('va-x');
    const y = intern('va-y');
    const z = intern('va-z');
    const v = intern('va-void');
    defvar(x, intern('dflt'));
    defvar(y, 1);
    out.p('make-variable-buffer-local', makeVariableBufferLocal(x));
    const a = getBufferCreate('va-a');
    const b = getBufferCreate('va-b');
    const inA = <T>(fn: () => T): T => withCurrentBuffer(a, fn);
    const inB = <T>(fn: () => T): T => withCurrentBuffer(b, fn);
    out.p(
      'not local until set',
      inA(() => [symbolValue(x), localVariableP(x), localVariableIfSetP(x)]),
    );
    inA(() => set(x, intern('in-a')));
    out.p('set makes it local', [
      inA(() => [symbolValue(x), localVariableP(x)]),
      inB(() => [symbolValue(x), localVariableP(x)]),
      defaultValue(x),
    ]);
    inB(() => setDefault(x, intern('new')));
    out.p('setq-default', [
      inA(() => symbolValue(x)),
      inB(() => symbolValue(x)),
      inB(() => localVariableP(x)),
    ]);
    inB(() => set(x, intern('in-b')));
    out.p('set in b', [bufferLocalValue(x, a), bufferLocalValue(x, b), defaultValue(x)]);
    makeVariableBufferLocal(v);
    out.p('a void variable gets nil', [boundp(v), defaultValue(v)]);
    inA(() => makunbound(x));
    out.p('makunbound in a', [inA(() => [boundp(x), localVariableP(x)]), defaultValue(x)]);
    const c = getBufferCreate('va-c');
    out.p(
      'make-local-variable of it',
      withCurrentBuffer(c, () => [makeLocalVariable(x), localVariableP(x), symbolValue(x)]),
    );
    withCurrentBuffer(c, () => setDefault(x, intern('newer')));
    out.p('that local keeps its value', [bufferLocalValue(x, c), defaultValue(x)]);
    inA(() => set(makeLocalVariable(y), 2));
    out.p('made automatic after a local value', makeVariableBufferLocal(y));
    inB(() => set(y, 3));
    out.p('its values', [
      bufferLocalValue(y, a),
      bufferLocalValue(y, b),
      defaultValue(y),
      localVariableP(y, b),
    ]);
    out.p('make-variable-buffer-local twice', [makeVariableBufferLocal(y), defaultValue(y)]);
    await out.try('make-variable-buffer-local nil', () => makeVariableBufferLocal(null));
    await out.try('make-variable-buffer-local t', () => makeVariableBufferLocal(t));
    await out.try('make-variable-buffer-local a keyword', () =>
      funcall('make-variable-buffer-local', intern(':va')),
    );
    out.p('defvar-local', defvarLocal(z, intern('z'), 'A buffer-local variable.'));
    out.p('its state', [symbolValue(z), localVariableIfSetP(z), localVariableP(z)]);
    inA(() => set(z, intern('za')));
    out.p('set in a', [bufferLocalValue(z, a), bufferLocalValue(z, b), defaultValue(z)]);
    defvarLocal(z, intern('other'));
    out.p('defvar-local again keeps the default', defaultValue(z));
  },
};

export const variableScenarios: readonly Scenario[] = [global, bufferLocal, automatic];
