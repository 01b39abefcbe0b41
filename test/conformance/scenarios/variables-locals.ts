import {
  Cons,
  LispSymbol,
  bufferLocalValue,
  bufferLocalVariables,
  defaultValue,
  defvar,
  defvarLocal,
  funcall,
  getBufferCreate,
  intern,
  killAllLocalVariables,
  killBuffer,
  killLocalVariable,
  localVariableIfSetP,
  localVariableP,
  makeLocalVariable,
  makeVariableBufferLocal,
  makunbound,
  set,
  setBufferMultibyte,
  symbolValue,
  t,
  withCurrentBuffer,
  cons,
} from '../../../src';
import type { LispBuffer } from '../../../src';
import type { Scenario } from '../twin';

/** The emacs/var-*.el helper `locals-of`: BUFFER's buffer-local-variables, only the entries for SYMS. */
export function localsOf(buffer: LispBuffer | null, syms: readonly string[]): unknown[] {
  return bufferLocalVariables(buffer).filter((entry) => {
    const symbol = entry instanceof Cons ? (entry.car as LispSymbol) : entry;
    return syms.includes(symbol.name);
  });
}

/** kill-local-variable, kill-all-local-variables, and what a killed buffer keeps. */
const killLocal: Scenario = {
  name: 'var-kill-local',
  async twin(out) {
    const x = intern('vk-x');
    const y = intern('vk-y');
    const cfs = intern('case-fold-search');
    const emc = intern('enable-multibyte-characters');
    const syms = ['vk-x', 'vk-y', 'case-fold-search', 'enable-multibyte-characters'];
    defvar(x, intern('g'));
    defvarLocal(y, intern('gy'));
    const a = getBufferCreate('vk-a');
    const inA = <T>(fn: () => T): T => withCurrentBuffer(a, fn);
    inA(() => {
      set(makeLocalVariable(x), intern('lx'));
      set(y, intern('ly'));
      set(cfs, null);
    });
    out.p(
      'locals',
      inA(() => [symbolValue(x), symbolValue(y), symbolValue(cfs)]),
    );
    out.p('listed', localsOf(a, syms));
    out.p(
      'kill-local-variable',
      inA(() => killLocalVariable(x)),
    );
    out.p(
      'after kill-local-variable',
      inA(() => [symbolValue(x), localVariableP(x), symbolValue(y)]),
    );
    out.p(
      'kill it again',
      inA(() => killLocalVariable(x)),
    );
    out.p('kill-local-variable of a void variable', killLocalVariable('vk-nothing'));
    out.p('kill-local-variable nil', killLocalVariable(null));
    out.p('kill-local-variable t', killLocalVariable(t));
    out.p(
      'kill an automatic one',
      inA(() => [killLocalVariable(y), symbolValue(y), localVariableP(y), localVariableIfSetP(y)]),
    );
    out.p(
      'kill case-fold-search',
      inA(() => [killLocalVariable(cfs), symbolValue(cfs), localVariableP(cfs)]),
    );
    out.p(
      'kill enable-multibyte-characters',
      inA(() => [killLocalVariable(emc), localVariableP(emc)]),
    );
    inA(() => {
      set(makeLocalVariable(x), intern('lx2'));
      set(y, intern('ly2'));
      set(cfs, intern('x'));
    });
    out.p('listed again', localsOf(a, syms));
    out.p(
      'kill-all-local-variables',
      inA(() => killAllLocalVariables()),
    );
    out.p(
      'after kill-all-local-variables',
      inA(() => [
        symbolValue(x),
        symbolValue(y),
        symbolValue(cfs),
        localVariableP(x),
        localVariableP(y),
        localVariableP(cfs),
        localVariableP(emc),
      ]),
    );
    out.p('listed after', localsOf(a, syms));
    out.p(
      'still automatic',
      inA(() => {
        set(y, intern('again'));
        return localVariableP(y);
      }),
    );
    const b = getBufferCreate('vk-b');
    withCurrentBuffer(b, () => {
      set(makeLocalVariable(x), intern('bx'));
      set(y, intern('by'));
      set(cfs, null);
    });
    out.p('kill-buffer', killBuffer(b));
    out.p("a killed buffer's values", [
      bufferLocalValue(x, b),
      bufferLocalValue(y, b),
      bufferLocalValue(cfs, b),
      bufferLocalValue(emc, b),
    ]);
    out.p("a killed buffer's locals", localsOf(b, syms));
    out.p(
      'a new buffer of that name',
      withCurrentBuffer(getBufferCreate('vk-b'), () => [
        symbolValue(x),
        symbolValue(y),
        symbolValue(cfs),
        localVariableP(y),
      ]),
    );
    out.p('the defaults', [defaultValue(x), defaultValue(y), defaultValue(cfs)]);
  },
};

/** local-variable-p and local-variable-if-set-p for every kind of variable, and their buffer checks. */
const localPredicates: Scenario = {
  name: 'var-local-predicates',
  async twin(out) {
    defvar('vp-plain', 1);
    defvar('vp-local', 1);
    defvar('vp-auto', 1);
    const a = getBufferCreate('vp-a');
    const b = getBufferCreate('vp-b');
    withCurrentBuffer(a, () => {
      makeLocalVariable('vp-local');
      makeLocalVariable('vp-void-local');
    });
    makeVariableBufferLocal('vp-auto');
    const both = (v: LispSymbol | null): unknown[] => [
      localVariableP(v, a),
      localVariableP(v, b),
      localVariableIfSetP(v, a),
      localVariableIfSetP(v, b),
    ];
    const names = ['vp-plain', 'vp-local', 'vp-auto', 'vp-void-local', 'vp-never', 'case-fold-search'];
    names.push('enable-multibyte-characters', 'read-process-output-max');
    for (const name of names) out.p(name, both(intern(name)));
    out.p('nil', both(null));
    out.p('t', both(t));
    out.p(':vp', both(intern(':vp')));
    withCurrentBuffer(b, () => {
      set('vp-auto', 2);
      set('case-fold-search', null);
    });
    out.p('vp-auto set in b', both(intern('vp-auto')));
    out.p('case-fold-search set in b', both(intern('case-fold-search')));
    out.p(
      'current buffer by default',
      withCurrentBuffer(a, () => [
        localVariableP('vp-local'),
        localVariableP('vp-local', null),
        localVariableIfSetP('vp-local'),
        localVariableIfSetP('vp-auto', null),
      ]),
    );
    withCurrentBuffer(a, () => killLocalVariable('vp-local'));
    out.p('vp-local killed in a', both(intern('vp-local')));
    const local = intern('vp-local');
    await out.try('local-variable-p, a buffer name', () => funcall('local-variable-p', local, 'vp-a'));
    await out.try('local-variable-p, a number', () => funcall('local-variable-p', local, 5));
    await out.try('local-variable-if-set-p, a buffer name', () =>
      funcall('local-variable-if-set-p', local, 'vp-a'),
    );
    await out.try('local-variable-if-set-p of a plain variable, a buffer name', () =>
      funcall('local-variable-if-set-p', intern('vp-plain'), 'vp-a'),
    );
    await out.try('local-variable-if-set-p of an automatic variable, a number', () =>
      funcall('local-variable-if-set-p', intern('vp-auto'), 5),
    );
  },
};

/** buffer-local-value, and buffer-local-variables in Emacs's order. */
const bufferLocalValueScenario: Scenario = {
  name: 'var-buffer-local-value',
  async twin(out) {
    defvar('vv-a', intern('ga'));
    defvar('vv-b', intern('gb'));
    defvar('vv-c', intern('gc'));
    const syms = ['vv-a', 'vv-b', 'vv-c', 'vv-void', 'case-fold-search', 'enable-multibyte-characters'];
    const x = getBufferCreate('vv-x');
    const y = getBufferCreate('vv-y');
    const inX = <T>(fn: () => T): T => withCurrentBuffer(x, fn);
    out.p('a fresh buffer', localsOf(x, syms));
    inX(() => {
      set(makeLocalVariable('vv-c'), 3);
      set(makeLocalVariable('vv-a'), 1);
      set(makeLocalVariable('vv-b'), cons(2, 'two'));
    });
    out.p('oldest first', localsOf(x, syms));
    inX(() => set('case-fold-search', 5));
    out.p('case-fold-search comes first', localsOf(x, syms));
    inX(() => {
      killLocalVariable('vv-c');
      set(makeLocalVariable('vv-c'), intern('c-again'));
    });
    out.p('made local again: last', localsOf(x, syms));
    inX(() => makeLocalVariable('vv-void'));
    out.p('a void local value is the bare symbol', localsOf(x, syms));
    inX(() => makunbound('vv-a'));
    out.p('made void', localsOf(x, syms));
    out.p(
      'from another buffer',
      withCurrentBuffer(y, () => localsOf(x, syms)),
    );
    out.p(
      'with no argument',
      inX(() => localsOf(null, syms)),
    );
    out.p('the other buffer', localsOf(y, syms));
    inX(() => setBufferMultibyte(null));
    out.p('unibyte', localsOf(x, syms));
    out.p('buffer-local-value', [
      bufferLocalValue('vv-b', x),
      bufferLocalValue('vv-b', y),
      bufferLocalValue('vv-c', x),
      bufferLocalValue('case-fold-search', x),
      bufferLocalValue('case-fold-search', y),
      bufferLocalValue('enable-multibyte-characters', x),
      bufferLocalValue('enable-multibyte-characters', y),
      bufferLocalValue('read-process-output-max', x),
      bufferLocalValue(null, x),
      bufferLocalValue(t, y),
      bufferLocalValue(intern(':vv'), x),
    ]);
    await out.try('buffer-local-value, void local', () => bufferLocalValue('vv-a', x));
    await out.try('buffer-local-value, void default', () => bufferLocalValue('vv-void', y));
    await out.try('buffer-local-value, never bound', () => bufferLocalValue('vv-never', x));
    const vvb = intern('vv-b');
    await out.try('buffer-local-value, a buffer name', () => funcall('buffer-local-value', vvb, 'vv-x'));
    await out.try('buffer-local-value, nil', () => funcall('buffer-local-value', vvb, null));
    await out.try('buffer-local-variables, a name', () => funcall('buffer-local-variables', 'vv-x'));
    await out.try('buffer-local-variables, a number', () => funcall('buffer-local-variables', 5));
  },
};

export const localScenarios: readonly Scenario[] = [killLocal, localPredicates, bufferLocalValueScenario];
