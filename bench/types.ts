/** One measured figure of `npm run bench`. Each area adds `bench/<area>.bench.ts` exporting `run()`. */
export interface BenchFigure {
  /** What was measured, e.g. `grades: whole CLI run, 100 000 pupils`. */
  name: string;
  /** Median of the runs. */
  value: number;
  unit: 'ms' | 'MB' | 'KiB' | 'µs' | 'count' | 'bytes';
  /** The aim from the issue, e.g. `≤ 1500 ms`, when there is one. */
  aim?: string;
  /** How it was measured (command, runs). */
  how?: string;
}

export type BenchModule = { run: () => Promise<BenchFigure[]> };

/** Median of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
