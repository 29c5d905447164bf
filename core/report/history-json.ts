/**
 * The `trend --json` contract: one entry per grade file, with its period and the figures exactly as
 * `grades --json` gives them for that file alone (summary and groups), in time order.
 */
import { gradesJson, type GradeAnalysis, type GradesJson, type GradesTermJson } from '../grades';
import { periodKey, periodOrder, type Period } from './period';

/** One period of the trend: `period`, `source`, the `grades --json` summary's fields, and its groups. */
export type TrendPeriodJson = { period: string; source: string; gradeKind: GradesJson['gradeKind'] | GradesTermJson['gradeKind']; problems: number }
  & (GradesJson['summary'] | GradesTermJson['summary'])
  & { groups: GradesJson['groups'] | GradesTermJson['groups'] };

export interface TrendJson {
  periods: TrendPeriodJson[];
}

/**
 * The trend entry of one analysed file. The figures are `gradesJson`'s (rounding included), computed
 * without the pupils' part of the contract, which the trend does not carry.
 * @example trendPeriodJson(analysis, { term: 'VT', year: 2026 }, 'betyg.txt').period // 'VT2026'
 */
export function trendPeriodJson(a: GradeAnalysis, period: Period, source: string): TrendPeriodJson {
  const j = gradesJson({ ...a, pupils: [] });
  return { period: periodKey(period), source, gradeKind: j.gradeKind, problems: a.problems.length, ...j.summary, groups: j.groups } as TrendPeriodJson;
}

/**
 * The trend contract from its entries, in time order (HT2025 before VT2026).
 * @example trendJson([vt2026, vt2025]).periods.map((p) => p.period) // ['VT2025', 'VT2026']
 */
export function trendJson(entries: readonly { period: Period; json: TrendPeriodJson }[]): TrendJson {
  return { periods: [...entries].sort((a, b) => periodOrder(a.period) - periodOrder(b.period)).map((e) => e.json) };
}
