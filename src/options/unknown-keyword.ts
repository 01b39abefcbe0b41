import { OPTION_TABLE } from './option-table';

/** The keywords `make-network-process` reads besides the socket options (Emacs 28's docstring). */
export const PROCESS_KEYWORDS: readonly string[] = Object.freeze([
  ':name',
  ':buffer',
  ':host',
  ':service',
  ':type',
  ':family',
  ':local',
  ':remote',
  ':coding',
  ':nowait',
  ':noquery',
  ':stop',
  ':filter',
  ':filter-multibyte',
  ':sentinel',
  ':log',
  ':plist',
  ':tls-parameters',
  ':server',
  ':use-external-socket',
  // elproc's extensions (features.ts)
  ':signal',
  ':timeout',
]);

let known: readonly string[] | undefined;

/** Every keyword `make-network-process` acts on: its own and the option table's (elproc's list). */
export function knownNetworkKeywords(): readonly string[] {
  known ??= [...PROCESS_KEYWORDS, ...OPTION_TABLE.map((row) => row.keyword)];
  return known;
}

/** Damerau-Levenshtein (optimal string alignment) distance: a swapped pair counts as one edit. */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const d = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number): number => d[i * width + j] ?? 0;
  for (let i = 0; i <= a.length; i++) d[i * width] = i;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}

// Compare in the keyword spelling, so `:filterMultibyte` and `:KeepAlive` find their keyword.
function canonical(name: string): string {
  const bare = name.startsWith(':') ? name.slice(1) : name;
  return bare.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * The known keyword closest to `name` (a typo such as `:keepalve`, or `keepalive` without the
 * colon), or undefined when none is close: at most one edit for names of up to four letters, two
 * for longer ones.
 */
export function suggestKeyword(name: string): string | undefined {
  const wanted = canonical(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const keyword of knownNetworkKeywords()) {
    const distance = editDistance(wanted, keyword.slice(1));
    if (distance < bestDistance) {
      best = keyword;
      bestDistance = distance;
    }
  }
  const limit = wanted.length <= 4 ? 1 : 2;
  return bestDistance <= limit ? best : undefined;
}

/**
 * Warns (a Node `ElprocWarning`) that `make-network-process` ignores a key, as Emacs silently does,
 * naming the keyword it most likely meant. The key still goes into the contact plist.
 */
export function warnUnknownKeyword(name: string): void {
  const suggestion = suggestKeyword(name);
  const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
  const what = name.startsWith(':') ? 'keyword' : 'key';
  process.emitWarning(`make-network-process ignores the unknown ${what} ${name}${hint}`, {
    type: 'ElprocWarning',
    code: 'ELPROC_UNKNOWN_KEYWORD',
  });
}
