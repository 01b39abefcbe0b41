/**
 * Alternating runs: each round measures every subject once, in reverse order on odd rounds, so
 * neither side always runs first (after a quiet or a busy spell of the shared machine).
 */
export async function alternate<K extends string>(
  rounds: number,
  subjects: readonly K[],
  measure: (subject: K, round: number) => Promise<number>,
): Promise<Record<K, number[]>> {
  const samples = Object.fromEntries(subjects.map((subject) => [subject, [] as number[]])) as Record<
    K,
    number[]
  >;
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? subjects : [...subjects].reverse();
    for (const subject of order) samples[subject].push(await measure(subject, round));
  }
  return samples;
}

/** Per-round ratios a[i] / b[i] (the median of these is what the tables quote). */
export function roundRatios(a: readonly number[], b: readonly number[]): number[] {
  return a.map((value, i) => value / (b[i] ?? NaN));
}
