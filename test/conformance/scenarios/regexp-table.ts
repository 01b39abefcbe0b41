import { LispSymbol, LispValue, matchData, prin1ToString, stringMatch } from '../../../src';
import { Scenario } from '../twin';
import { inTempBuffer, readEmacsData, withCaseFold } from './regexp-support';

/** re-table.el's re-expand: a string, (repeat STRING N) or (concat PIECE…). */
function expand(spec: LispValue): string {
  if (typeof spec === 'string') return spec;
  const [head, ...rest] = spec as LispValue[];
  if ((head as LispSymbol).name === 'repeat') return (rest[0] as string).repeat(rest[1] as number);
  return rest.map(expand).join('');
}

/** The regexp table: string-match and the match data for each case of regexp-cases.eld. */
const table: Scenario = {
  name: 're-table',
  timeoutMs: 60000,
  async twin(out) {
    const cases = readEmacsData('regexp-cases.eld') as LispValue[][];
    await inTempBuffer(async () => {
      let i = 0;
      for (const c of cases) {
        i++;
        const [pattern, subject, start, fold] = [c[0], c[1], c[2] ?? null, c[3] ?? null];
        const label = `case ${i} ${prin1ToString([pattern, subject, start, fold], { escapeNewlines: true })}`;
        await withCaseFold(fold, () =>
          out.try(label, () => {
            const found = stringMatch(expand(pattern), expand(subject), start as number | null);
            return found === null ? null : [found, matchData()];
          }),
        );
      }
    });
  },
};

export const regexpTableScenarios: readonly Scenario[] = [table];
