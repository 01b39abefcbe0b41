import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LispError,
  bufferList,
  deleteProcess,
  intern,
  killBuffer,
  prin1ToString,
  processList,
  set,
} from '../../src';
import { resetMatchData } from '../../src/text/regex/match-data';
import { EmacsBatchResult, emacsPath, runEmacsFiles } from '../support/emacs-batch';

/** Where the Emacs halves of the scenarios live. */
export const EMACS_DIR = join(__dirname, 'emacs');

/**
 * The elproc half of a scenario prints into a Transcript exactly as the Emacs half prints with
 * common.el's `p` and `try`: one `LABEL => VALUE` line per step.
 */
export class Transcript {
  readonly lines: string[] = [];

  /** common.el's `p`. */
  p(label: string, value: unknown): void {
    this.lines.push(`${label} => ${prin1ToString(value, { escapeNewlines: true })}`);
  }

  /** common.el's `try`: the value, or `(SIGNAL ERR)`; awaits promises (makeNetworkProcess). */
  async try(label: string, form: () => unknown): Promise<void> {
    let value: unknown;
    try {
      value = await form();
    } catch (err) {
      value = signalForm(err);
    }
    this.p(label, value);
  }
}

/**
 * `(SIGNAL ERR)` as condition-case shows it. A JavaScript error that is not a LispError has no
 * Emacs counterpart; it is printed as `(JS-ERROR "…")` so the diff shows it instead of hiding it.
 */
export function signalForm(err: unknown): unknown[] {
  if (err instanceof LispError) return [intern('SIGNAL'), err.toLisp()];
  return [intern('JS-ERROR'), err instanceof Error ? `${err.name}: ${err.message}` : String(err)];
}

/**
 * Puts elproc back in the state a fresh `emacs --batch` starts in: no processes, no buffers but
 * `*scratch*`, no match data (so that the register count does not carry over). Sentinels may still run during the deletions; their output goes nowhere because
 * the scenario's transcript has already been taken.
 */
export function resetElproc(): void {
  for (let round = 0; round < 5 && processList().length > 0; round++) {
    for (const proc of processList()) {
      try {
        deleteProcess(proc);
      } catch {
        // A process that cannot be deleted is reported by the next scenario's process-list line.
      }
    }
  }
  for (const buffer of bufferList()) {
    if (buffer.name !== '*scratch*') killBuffer(buffer);
  }
  resetMatchData();
  // Timers would run into the next scenario (and keep jest's process alive).
  set(intern('timer-list'), null);
  set(intern('timer-idle-list'), null);
}

/** Everything a twin needs besides its transcript. */
export interface TwinContext {
  /** A private directory for Unix sockets: the counterpart of common.el's `conf-tmp`. */
  readonly tmp: string;
  /** The counterpart of common.el's `tmp-path`. */
  tmpPath(name: string): string;
}

export interface Scenario {
  /** Test name; also the Emacs script `emacs/NAME.el`. */
  readonly name: string;
  /** The elproc half: the same steps as the Emacs script, printed into the transcript. */
  readonly twin: (out: Transcript, ctx: TwinContext) => Promise<void>;
  readonly timeoutMs?: number;
}

/** Integers in this range are ephemeral or random ports when they appear where a port goes. */
function isPortNumber(text: string): boolean {
  const n = Number(text);
  return n >= 1024 && n <= 65535;
}

/**
 * Makes two transcripts comparable: each port number (1024-65535, only where Lisp puts a port:
 * the last element of an address vector, `:service N`, the `:PORT>` of a child name, the SERVICE
 * of a `(HOST SERVICE)` contact) becomes PORT1, PORT2… in order of first appearance, so that
 * equal ports stay equal and different ones stay different; temporary directories become TMP.
 */
export function normalise(lines: readonly string[], tmpDirs: readonly string[]): string[] {
  const names = new Map<string, string>();
  const port = (text: string): string => {
    if (!isPortNumber(text)) return text;
    let name = names.get(text);
    if (name === undefined) {
      name = `PORT${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
  return lines.map((line) => {
    let s = line;
    for (const dir of tmpDirs) s = s.split(dir).join('TMP');
    s = s.replace(
      /\[((?:\d+ ){4}|(?:\d+ ){8})(\d+)\]/g,
      (_m, head: string, p: string) => `[${head}${port(p)}]`,
    );
    s = s.replace(/:service (\d+)/g, (_m, p: string) => `:service ${port(p)}`);
    s = s.replace(/:service "(\d+)"/g, (_m, p: string) => `:service "${port(p)}"`);
    s = s.replace(/:(\d+)>/g, (_m, p: string) => `:${port(p)}>`);
    // process-contact with KEY nil: (HOST SERVICE), alone or inside a list.
    s = s.replace(
      /\((nil|local|t|"[^"\\]*") ("?)(\d+)("?)\)/g,
      (_m, host: string, q1: string, p: string, q2: string) => `(${host} ${q1}${port(p)}${q2})`,
    );
    return s;
  });
}

/** A line diff (longest common subsequence): "  " same, "- " Emacs only, "+ " elproc only. */
export function diffLines(emacs: readonly string[], elproc: readonly string[]): string[] {
  const n = emacs.length;
  const m = elproc.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] =
        emacs[i] === elproc[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && emacs[i] === elproc[j]) {
      out.push(`  ${emacs[i++] as string}`);
      j++;
    } else if (
      i < n &&
      (j === m || ((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number))
    ) {
      out.push(`- ${emacs[i++] as string}`);
    } else {
      out.push(`+ ${elproc[j++] as string}`);
    }
  }
  return out;
}

/**
 * True when the transcripts differ, but only in which PORTn placeholders stand where: two equal
 * ports on one side and different ones on the other.
 */
export function onlyPortsDiffer(emacs: readonly string[], elproc: readonly string[]): boolean {
  const blur = (line: string): string => line.replace(/PORT\d+/g, 'PORT');
  return (
    emacs.length === elproc.length &&
    emacs.some((line, i) => line !== elproc[i]) &&
    emacs.every((line, i) => blur(line) === blur(elproc[i] as string))
  );
}

/** Throws a readable report unless the two normalised transcripts are identical. */
export function expectSameTranscript(
  scenario: string,
  emacs: readonly string[],
  elproc: readonly string[],
): void {
  const diff = diffLines(emacs, elproc);
  const changed = diff.filter((line) => !line.startsWith('  ')).length;
  if (changed === 0) return;
  throw new Error(
    `elproc differs from Emacs 28 in scenario "${scenario}" (${changed} differing lines; - Emacs, + elproc):\n` +
      diff.join('\n'),
  );
}

/** Fails with Emacs's own complaint when its half did not run to the end. */
export function checkEmacsRun(scenario: string, result: EmacsBatchResult): void {
  if (result.timedOut || result.code !== 0) {
    const how = result.timedOut ? 'timed out' : `exited with ${result.code ?? result.signal}`;
    throw new Error(
      `emacs half of "${scenario}" ${how}.\nstdout:\n${result.lines.join('\n')}\nstderr:\n${result.stderr}`,
    );
  }
}

/** The message every conformance file gives when it cannot run. */
export const NO_EMACS = 'SKIPPED: emacs not on PATH';

/** Runs one scenario's Emacs half in its own `emacs --batch` with its own temporary directory. */
export function runEmacsScenario(name: string, tmp: string, timeoutMs: number): Promise<EmacsBatchResult> {
  return runEmacsFiles([join(EMACS_DIR, 'common.el'), join(EMACS_DIR, `${name}.el`)], {
    timeoutMs,
    env: { ELPROC_CONF_TMP: tmp },
  });
}

/**
 * Declares one jest test per scenario. The Emacs halves start together in beforeAll (separate
 * processes, so they cannot disturb each other); the elproc halves run one after another, since
 * they share elproc's process list, buffers and accept counter, and each starts from resetElproc().
 * Without Emacs every test is declared skipped under a name that says why.
 */
export function conformanceSuite(title: string, scenarios: readonly Scenario[]): void {
  if (emacsPath() === null) {
    console.warn(`${title}: ${NO_EMACS}; ${scenarios.length} conformance scenarios skipped.`);
    describe.skip(`${title} (${NO_EMACS})`, () => {
      for (const scenario of scenarios) test(`${NO_EMACS}: ${scenario.name}`, () => undefined);
    });
    return;
  }
  describe(title, () => {
    const runs = new Map<string, Promise<EmacsBatchResult>>();
    let root = '';
    const dirFor = (name: string, side: 'emacs' | 'elproc'): string => join(root, `${name}-${side}`);

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'elproc-conf-'));
      for (const scenario of scenarios) {
        const dir = mkdtempSync(`${dirFor(scenario.name, 'emacs')}-`);
        runs.set(
          scenario.name,
          runEmacsScenario(scenario.name, dir, scenario.timeoutMs ?? 20000).then((result) => ({
            ...result,
            lines: normalise(result.lines, [dir]),
          })),
        );
      }
    });

    afterEach(() => resetElproc());

    afterAll(async () => {
      // The Emacs runs are bounded by their own timeouts; wait so no child outlives the suite.
      await Promise.allSettled(runs.values());
      if (root !== '') rmSync(root, { recursive: true, force: true });
    });

    const twinRun = async (scenario: Scenario): Promise<string[]> => {
      resetElproc();
      const tmp = mkdtempSync(`${dirFor(scenario.name, 'elproc')}-`);
      const out = new Transcript();
      try {
        await scenario.twin(out, { tmp, tmpPath: (file) => join(tmp, file) });
      } catch (err) {
        out.p('TWIN ABORTED', signalForm(err));
      }
      return normalise(out.lines, [tmp]);
    };
    const emacsRun = async (scenario: Scenario): Promise<string[]> => {
      const dir = mkdtempSync(`${dirFor(scenario.name, 'emacs')}-`);
      const result = await runEmacsScenario(scenario.name, dir, scenario.timeoutMs ?? 20000);
      checkEmacsRun(scenario.name, result);
      return normalise(result.lines, [dir]);
    };

    for (const scenario of scenarios) {
      test(
        scenario.name,
        async () => {
          let elproc = await twinRun(scenario);
          const first = await (runs.get(scenario.name) as Promise<EmacsBatchResult>);
          checkEmacsRun(scenario.name, first);
          let emacs = first.lines;
          if (onlyPortsDiffer(emacs, elproc)) {
            // Linux may give two connections to different servers the same ephemeral port, on
            // either side; one fresh run of both halves tells that apart from a wrong port.
            resetElproc();
            [elproc, emacs] = await Promise.all([twinRun(scenario), emacsRun(scenario)]);
          }
          expectSameTranscript(scenario.name, emacs, elproc);
        },
        2 * (scenario.timeoutMs ?? 20000) + 10000,
      );
    }
  });
}
