/*
 * The twin of emacs/call-table.el: runs a table of calls read from an .eld file through `el`,
 * under the same labels. Cases are (FUNCTION ARG...), (:let ((VAR VALUE)...) CASE...) and
 * (:tz TZ CASE...); see call-table.el.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LispSymbol,
  type LispValue,
  intern,
  isNil,
  letBindings,
  prin1ToString,
  readFromString,
  t,
} from '../../../src';
import { EMACS_DIR, type Scenario, type Transcript } from '../harness';
import { elByName } from '../../../src/process/functions/el-table';

function label(value: unknown): string {
  return prin1ToString(value, { escapeNewlines: true });
}

/** Sets (or, for nil, unsets) process.env.TZ while `fn` runs; Node's Date follows it at once. */
async function withTz(tz: LispValue, fn: () => Promise<void>): Promise<void> {
  const old = process.env.TZ;
  if (isNil(tz)) delete process.env.TZ;
  else process.env.TZ = tz as string;
  try {
    await fn();
  } finally {
    if (old === undefined) delete process.env.TZ;
    else process.env.TZ = old;
  }
}

async function run(out: Transcript, c: LispValue[], prefix: string): Promise<void> {
  const head = c[0];
  if (head instanceof LispSymbol && head.name === ':let') {
    const bindings = (c[1] as LispValue[][]).map(([name, value]) => [name as LispSymbol, value] as const);
    for (const inner of c.slice(2)) {
      await letBindings(bindings, () => run(out, inner as LispValue[], `${prefix}${label(c[1])} `));
    }
    return;
  }
  if (head instanceof LispSymbol && head.name === ':tz') {
    for (const inner of c.slice(2)) {
      await withTz(c[1] as LispValue, () => run(out, inner as LispValue[], `${prefix}TZ=${label(c[1])} `));
    }
    return;
  }
  const name = (head as LispSymbol).name;
  await out.try(`${prefix}${label(c)}`, () => {
    const fn = elByName[name];
    if (fn === undefined) throw new Error(`el has no ${name}`);
    return fn(...c.slice(1));
  });
}

/** A scenario NAME whose Emacs half is `(call-table "FILE")`. */
export function callTableScenario(name: string, file: string): Scenario {
  return {
    name,
    async twin(out) {
      const cases = readFromString(readFileSync(join(EMACS_DIR, file), 'utf8')) as LispValue[][];
      // common.el sets print-escape-newlines, which %S obeys.
      await letBindings([[intern('print-escape-newlines'), t]], async () => {
        for (const c of cases) await run(out, c, '');
      });
    },
  };
}
