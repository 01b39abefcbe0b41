/*
 * Twins for scenarios written as a list of `(try LABEL FORM)` lines: the twin reads the same
 * emacs/NAME.el and evaluates each FORM through elproc's `el` table, so that every call goes to
 * the elproc function of that Emacs name with the same arguments. The evaluator knows only the
 * few special forms the scripts use (quote, function, lambda, let, let*, setq, progn, if, and,
 * or, while) and a handful of test-only helpers (1+, +, *, -, <, >, identity, symbol-name,
 * make-vector, aset, vector), which it defines with `defun` so that `#'1+` works as a function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Cons,
  LispError,
  LispFloat,
  LispSymbol,
  LispValue,
  LispVector,
  defun,
  intern,
  isNil,
  readObject,
  t,
  vector,
} from '../../../src';
import { EMACS_DIR, Transcript } from '../harness';
import type { Scenario } from '../twin';
import { elByName } from '../../../src/process/functions/el-table';

type Env = { vars: Map<LispSymbol, LispValue>; parent: Env | null };

const globals: Env = { vars: new Map(), parent: null };
const sym = (name: string): LispSymbol => intern(name);

const num = (x: LispValue): number => {
  if (typeof x === 'number') return x;
  if (x instanceof LispFloat) return x.value;
  throw new LispError('wrong-type-argument', [sym('number-or-marker-p'), x]);
};
const isFloat = (x: LispValue): boolean =>
  x instanceof LispFloat || (typeof x === 'number' && !Number.isInteger(x));
const arith =
  (op: (a: number, b: number) => number, start: number) =>
  (...args: LispValue[]): LispValue => {
    const floating = args.some(isFloat);
    const value =
      args.length === 1 && start === 0 && op(1, 1) === 0
        ? -num(args[0] ?? 0)
        : args.map(num).reduce((a, b, i) => (i === 0 && args.length > 0 ? b : op(a, b)), start);
    return floating && Number.isInteger(value) ? new LispFloat(value) : value;
  };

const helpers: Record<string, (...args: LispValue[]) => LispValue> = {
  '1+': (x) => (isFloat(x ?? 0) ? arith((a, b) => a + b, 0)(x ?? 0, 1) : num(x ?? 0) + 1),
  '+': arith((a, b) => a + b, 0),
  '*': arith((a, b) => a * b, 1),
  '-': arith((a, b) => a - b, 0),
  '<': (a, b) => (num(a ?? 0) < num(b ?? 0) ? t : null),
  '>': (a, b) => (num(a ?? 0) > num(b ?? 0) ? t : null),
  identity: (x) => x ?? null,
  'symbol-name': (x) => {
    if (x instanceof LispSymbol) return x.name;
    if (isNil(x)) return 'nil';
    throw new LispError('wrong-type-argument', [sym('symbolp'), x ?? null]);
  },
  'make-vector': (n, init) => vector(...new Array<LispValue>(num(n ?? 0)).fill(init ?? null)),
  aset: (v, i, x) => {
    (v as LispVector)[num(i ?? 0)] = x ?? null;
    return x ?? null;
  },
  vector: (...items) => vector(...items),
  require: (feature) => feature ?? null,
};
for (const [name, fn] of Object.entries(helpers)) defun(name, fn);

function lookup(env: Env, name: LispSymbol): Env | null {
  for (let e: Env | null = env; e !== null; e = e.parent) if (e.vars.has(name)) return e;
  return null;
}

function evalBody(body: readonly LispValue[], env: Env): LispValue {
  let value: LispValue = null;
  for (const form of body) value = evaluate(form, env);
  return value;
}

function lambda(
  params: LispValue,
  body: readonly LispValue[],
  env: Env,
): (...args: LispValue[]) => LispValue {
  const names = (Array.isArray(params) ? params : []) as LispSymbol[];
  return (...args: LispValue[]) => {
    const vars = new Map<LispSymbol, LispValue>();
    names.forEach((name, i) => vars.set(name, args[i] ?? null));
    return evalBody(body, { vars, parent: env });
  };
}

/** Evaluates FORM as Emacs would, for the forms the list and string scripts contain. */
export function evaluate(form: LispValue, env: Env = globals): LispValue {
  if (form instanceof LispSymbol) {
    if (form === t || form.isKeyword) return form;
    const scope = lookup(env, form);
    if (scope === null) throw new LispError('void-variable', [form]);
    return scope.vars.get(form) ?? null;
  }
  if (!Array.isArray(form) || form instanceof LispVector || form.length === 0) {
    if (form instanceof Cons) throw new Error('dotted form');
    return form;
  }
  const [head, ...args] = form;
  if (!(head instanceof LispSymbol)) throw new Error(`cannot call ${String(head)}`);
  switch (head.name) {
    case 'quote':
      return args[0] ?? null;
    case 'function': {
      const f = args[0];
      if (Array.isArray(f) && f[0] === sym('lambda')) return lambda(f[1] ?? null, f.slice(2), env);
      return f ?? null;
    }
    case 'lambda':
      return lambda(args[0] ?? null, args.slice(1), env);
    case 'progn':
      return evalBody(args, env);
    case 'if':
      return !isNil(evaluate(args[0] ?? null, env))
        ? evaluate(args[1] ?? null, env)
        : evalBody(args.slice(2), env);
    case 'and': {
      let value: LispValue = t;
      for (const a of args) if (isNil((value = evaluate(a, env)))) return null;
      return value;
    }
    case 'or': {
      for (const a of args) {
        const value = evaluate(a, env);
        if (!isNil(value)) return value;
      }
      return null;
    }
    case 'while':
      while (!isNil(evaluate(args[0] ?? null, env))) evalBody(args.slice(1), env);
      return null;
    case 'setq': {
      let value: LispValue = null;
      for (let i = 0; i < args.length; i += 2) {
        const name = args[i] as LispSymbol;
        value = evaluate(args[i + 1] ?? null, env);
        (lookup(env, name) ?? globals).vars.set(name, value);
      }
      return value;
    }
    case 'let':
    case 'let*': {
      const vars = new Map<LispSymbol, LispValue>();
      const scope: Env = { vars, parent: env };
      for (const binding of (args[0] ?? []) as LispValue[]) {
        const [name, init] = Array.isArray(binding) ? binding : [binding, null];
        vars.set(name as LispSymbol, evaluate(init ?? null, head.name === 'let*' ? scope : env));
      }
      return evalBody(args.slice(1), scope);
    }
    default: {
      const fn = elByName[head.name] ?? helpers[head.name];
      if (fn === undefined) throw new LispError('void-function', [head]);
      return fn(...args.map((a) => evaluate(a, env))) as LispValue;
    }
  }
}

/** The top-level forms of emacs/NAME.el. */
function scriptForms(name: string): LispValue[] {
  const text = readFileSync(join(EMACS_DIR, `${name}.el`), 'utf8');
  const forms: LispValue[] = [];
  let pos = 0;
  for (;;) {
    let read;
    try {
      read = readObject(text, pos);
    } catch (err) {
      if (err instanceof LispError && err.symbol === 'end-of-file') return forms;
      throw err;
    }
    forms.push(read.value);
    pos = read.end;
  }
}

/** A scenario whose twin evaluates the Emacs script's own forms through elproc. */
export function formScenario(name: string): Scenario {
  return {
    name,
    async twin(out: Transcript) {
      globals.vars.clear();
      for (const form of scriptForms(name)) {
        const [head, label, body] = form as [LispSymbol, string, LispValue];
        if (head === sym('try')) await out.try(label, () => evaluate(body));
        else if (head === sym('p')) out.p(label, evaluate(body));
        else evaluate(form);
      }
    },
  };
}
