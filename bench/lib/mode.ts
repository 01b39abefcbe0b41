/** `full` (npm run bench) or `smoke` (npm run bench:smoke: seconds, small counts, same code paths). */
export type Mode = 'full' | 'smoke';
