import {
  bufferLocalValue,
  boundp,
  defaultValue,
  defconst,
  defvar,
  defvarLocal,
  getBufferCreate,
  intern,
  killAllLocalVariables,
  killLocalVariable,
  letBindings,
  localVariableIfSetP,
  localVariableP,
  makeLocalVariable,
  makeVariableBufferLocal,
  makunbound,
  set,
  setBuffer,
  setBufferMultibyte,
  setDefault,
  symbolValue,
  t,
  withCurrentBuffer,
} from '../../../src';
import type { LispBuffer } from '../../../src';
import type { Scenario } from '../twin';
import { localsOf } from './variables-locals';

/** `(with-current-buffer BUFFER (set-buffer-multibyte FLAG))` */
function setMultibyte(buffer: LispBuffer, flag: unknown): void {
  withCurrentBuffer(buffer, () => setBufferMultibyte(flag));
}

/** defvar, defconst, defvar-local. */
const defvars: Scenario = {
  name: 'var-defvar',
  async twin(out) {
    const va = intern('vd-a');
    out.p('defvar a void variable', defvar(va, 1, 'A variable.'));
    out.p('its value', symbolValue(va));
    out.p('defvar again does not change it', [defvar(va, 2), symbolValue(va)]);
    set(va, 3);
    defvar(va, 4);
    out.p('defvar after setq', symbolValue(va));
    out.p('defvar without a value', defvar('vd-b'));
    out.p('leaves it void', boundp('vd-b'));
    defvar('vd-c', null);
    out.p('defvar to nil', [boundp('vd-c'), symbolValue('vd-c')]);
    const a = getBufferCreate('vd-a');
    const inA = <T>(fn: () => T): T => withCurrentBuffer(a, fn);
    inA(() => set(makeLocalVariable('vd-d'), intern('local')));
    out.p(
      'defvar when only a local value exists',
      inA(() => {
        defvar('vd-d', intern('dflt'));
        return [symbolValue('vd-d'), defaultValue('vd-d')];
      }),
    );
    inA(() => {
      defvarLocal('vd-e', intern('e'));
      set('vd-e', intern('local-e'));
      defvar('vd-e', intern('again'));
    });
    out.p('defvar of a local with a default', [bufferLocalValue('vd-e', a), defaultValue('vd-e')]);
    const f = intern('vd-f');
    letBindings([[f, 1]], () => {
      defvar(f, 2);
      out.p('defvar inside a let of a void variable', symbolValue(f));
    });
    out.p('after the let', symbolValue(f));
    const g = intern('vd-g');
    letBindings([[g, 1]], () => {
      letBindings([[g, 5]], () => {
        defvar(g, 2);
        out.p('nested', symbolValue(g));
      });
      out.p('middle', symbolValue(g));
    });
    out.p('outside', symbolValue(g));
    const vk = intern('vd-k');
    out.p('defconst', defconst(vk, 1, 'A constant.'));
    defconst(vk, 2);
    out.p('defconst again', symbolValue(vk));
    inA(() => set(makeLocalVariable(vk), intern('local-k')));
    out.p(
      'defconst sets the default',
      inA(() => {
        defconst(vk, 3);
        return [symbolValue(vk), defaultValue(vk)];
      }),
    );
    const kw = intern(':vd');
    await out.try('defconst nil', () => defconst(null, 1));
    await out.try('defconst a keyword', () => defconst(kw, 1));
    await out.try('defconst a keyword to itself', () => defconst(kw, kw));
    out.p('defvar nil', defvar(null, 1));
    out.p('defvar t', defvar(t, 1));
    out.p('defvar a keyword', defvar(kw, 1));
    out.p('defvar-local', defvarLocal('vd-l', intern('l'), 'A buffer-local variable.'));
    out.p(
      'automatically local',
      inA(() => {
        set('vd-l', intern('la'));
        return [symbolValue('vd-l'), localVariableP('vd-l'), defaultValue('vd-l')];
      }),
    );
    set('vd-m', 1);
    out.p('defvar-local of a bound variable', [
      defvarLocal('vd-m', 2),
      symbolValue('vd-m'),
      localVariableIfSetP('vd-m'),
    ]);
    await out.try('defvar-local nil', () => defvarLocal(null, 1));
    await out.try('defvar-local a keyword', () => defvarLocal(kw, 1));
  },
};

/** The built-in variables elproc obeys: case-fold-search, enable-multibyte-characters, read-process-output-max. */
const builtins: Scenario = {
  name: 'var-builtins',
  async twin(out) {
    const a = getBufferCreate('vbi-a');
    const b = getBufferCreate('vbi-b');
    const inA = <T>(fn: () => T): T => withCurrentBuffer(a, fn);
    const inB = <T>(fn: () => T): T => withCurrentBuffer(b, fn);
    const cfsName = intern('case-fold-search');
    const cfs = (): unknown[] => [
      bufferLocalValue(cfsName, a),
      bufferLocalValue(cfsName, b),
      defaultValue(cfsName),
    ];
    out.p('case-fold-search', [
      symbolValue(cfsName),
      defaultValue(cfsName),
      localVariableIfSetP(cfsName),
      boundp(cfsName),
    ]);
    inA(() => set(cfsName, null));
    out.p('setq makes it local', [cfs(), localVariableP(cfsName, a), localVariableP(cfsName, b)]);
    setDefault(cfsName, intern('dflt'));
    out.p('setq-default', cfs());
    inB(() => set(cfsName, 5));
    out.p('any value', cfs());
    inB(() => killLocalVariable(cfsName));
    out.p('killed', cfs());
    inB(() =>
      letBindings([[cfsName, intern('let')]], () => {
        out.p('let without a local value binds the default', [cfs(), localVariableP(cfsName)]);
        set(cfsName, intern('set-in-let'));
        out.p('setq inside', [cfs(), localVariableP(cfsName)]);
        inA(() => out.p('a keeps its own', symbolValue(cfsName)));
      }),
    );
    out.p('after', cfs());
    inA(() =>
      letBindings([[cfsName, intern('let-a')]], () => {
        out.p('let with a local value', cfs());
        setBuffer(b);
        out.p('in b', symbolValue(cfsName));
      }),
    );
    out.p('a restored', cfs());
    out.p(
      'make-local-variable',
      inB(() => [makeLocalVariable(cfsName), localVariableP(cfsName), symbolValue(cfsName)]),
    );
    out.p('make-variable-buffer-local', makeVariableBufferLocal(cfsName));
    const both = ['case-fold-search', 'enable-multibyte-characters'];
    out.p('listed', [localsOf(a, both), localsOf(b, both)]);
    setDefault(cfsName, t);
    out.p('back to t', cfs());
    const emcName = intern('enable-multibyte-characters');
    const emc = (): unknown[] => [
      bufferLocalValue(emcName, a),
      bufferLocalValue(emcName, b),
      defaultValue(emcName),
    ];
    out.p('enable-multibyte-characters', [
      symbolValue(emcName),
      emc(),
      localVariableP(emcName),
      localVariableIfSetP(emcName),
      boundp(emcName),
    ]);
    setMultibyte(a, null);
    out.p('after set-buffer-multibyte nil', [emc(), inA(() => symbolValue(emcName))]);
    await out.try('setq', () => inA(() => set(emcName, t)));
    await out.try('set-default', () => setDefault(emcName, null));
    await out.try('makunbound', () => makunbound(emcName));
    await out.try('make-local-variable', () => makeLocalVariable(emcName));
    await out.try('let', () => letBindings([[emcName, null]], () => intern('body')));
    out.p('make-variable-buffer-local', makeVariableBufferLocal(emcName));
    out.p(
      'kill-local-variable',
      inA(() => [killLocalVariable(emcName), symbolValue(emcName)]),
    );
    out.p(
      'kill-all-local-variables',
      inA(() => {
        killAllLocalVariables();
        return symbolValue(emcName);
      }),
    );
    out.p('unchanged', [boundp(emcName), emc()]);
    setMultibyte(a, t);
    out.p('multibyte again', emc());
    const max = intern('read-process-output-max');
    const rpom = (): unknown[] => [bufferLocalValue(max, a), bufferLocalValue(max, b), defaultValue(max)];
    out.p('read-process-output-max', [symbolValue(max), rpom(), localVariableIfSetP(max), boundp(max)]);
    await out.try('setq a string', () => set(max, 'x'));
    await out.try('setq a float', () => set(max, 1.5));
    await out.try('setq nil', () => set(max, null));
    await out.try('setq a bignum', () => set(max, 2n ** 70n));
    await out.try('setq below intmax', () => set(max, -(2n ** 63n)));
    await out.try('setq the largest intmax', () => set(max, 2n ** 63n - 1n));
    await out.try('set-default a float', () => setDefault(max, 2.5));
    out.p('the largest intmax kept', symbolValue(max));
    set(max, 1024);
    out.p('setq', rpom());
    inA(() => set(makeLocalVariable(max), 100));
    out.p('buffer-local', [
      rpom(),
      localVariableP(max, a),
      localVariableP(max, b),
      localVariableIfSetP(max, b),
    ]);
    await out.try('a float in a', () => inA(() => set(max, 0.5)));
    out.p('a keeps 100', rpom());
    inA(() =>
      letBindings([[max, 7]], () => {
        out.p('let in a', rpom());
        setBuffer(b);
        out.p('in b', symbolValue(max));
      }),
    );
    out.p('after the let', rpom());
    inB(() => letBindings([[max, 8]], () => out.p('let in b', rpom())));
    out.p('after that let', rpom());
    out.p('listed', localsOf(a, ['read-process-output-max']));
    inA(() => killLocalVariable(max));
    out.p('killed', [rpom(), localVariableP(max, a)]);
    setDefault(max, 4096);
    out.p('default again', [symbolValue(max), rpom()]);
  },
};

export const definitionScenarios: readonly Scenario[] = [defvars, builtins];
