/**
 * The trend block of the Nämndrapport: the last five periods of the Historik (as many as exist) for
 * every headline indicator, total / girls / boys, with line charts, and per school. Figures are the
 * Historik's as they stand (suppressed when computed; a suppressed year stays `..`).
 */
import { t } from '../i18n';
import type { Figure } from '../types';
import { FMT, figureCell, type SheetBuilder } from './layout';
import type { ReportModel } from './model';
import { paragraph } from './history-print';
import type { PlanValue } from './plan';
import { HEADLINE, HISTORY_GROUPS, seriesKey, trendOf, type HistoryGroup, type TrendSeries } from './history';
import { periodKey } from './period';

/** Periods shown: the board papers we found show three to five years. */
export const TREND_PERIODS = 5;
/** Indicators charted, and shown per school (the per-school table's indicators). */
const CHARTED = ['YRK', 'merit17', 'allPassed'] as const;
const PER_SCHOOL = ['YRK', 'NATE', 'merit17', 'allPassed'] as const;

const GROUP_LABEL: Record<HistoryGroup, string> = { total: 'common.total', girls: 'common.girls', boys: 'common.boys' };

function series(tr: TrendSeries, level: 'kommun' | 'school', unit: string, group: HistoryGroup, indicator: string): Figure[] {
  return tr.values.get(seriesKey(level, unit, group, indicator)) ?? tr.periods.map((): Figure => '.');
}

/**
 * Adds the trend section at the builder's cursor (chart data at `chartCol`, beside the print area).
 * Nothing when the Historik holds fewer than two periods up to this report's.
 * @example namndrapportTrend(b, model, 16) // true when the section was added
 */
export function namndrapportTrend(b: SheetBuilder, m: ReportModel, chartCol: number): boolean {
  if (!m.history) return false;
  const tr = trendOf(m.history.rows, m.history.current, TREND_PERIODS);
  if (tr.periods.length < 2) return false;
  const L = (k: string, p: Record<string, string | number> = {}) => t(m.lang, k, p);
  const periods = tr.periods.map(periodKey);
  const whole = L('common.total');
  b.heading('h-trend', L('report.section.trend', { n: periods.length }));
  const start = b.cursor;
  const rows: PlanValue[][] = [];
  const rowFormats: (string | null)[] = [];
  for (const ind of HEADLINE) {
    HISTORY_GROUPS.forEach((g, i) => {
      rows.push([i === 0 ? L(`report.indShort.${ind.key}`) : '', L(GROUP_LABEL[g]), ...series(tr, 'kommun', whole, g, ind.key).map(figureCell)]);
      rowFormats.push(ind.share ? FMT.percent : FMT.oneDecimal);
    });
  }
  b.table('trend', [L('report.col.indicator'), L('report.col.group'), ...periods], rows, { rowFormats, boldFirstColumn: true, wrapFirstColumn: true, formats: [null, FMT.text, ...periods.map(() => null)] });
  paragraph(b, 'trend-note', L('report.trend.note', { n: m.settings.suppressionThreshold }), { italic: true, fontColor: '#595959' });
  b.blank();

  // One line chart per charted indicator: periods along the axis, total / girls / boys as lines.
  let dataRow = start;
  for (const key of CHARTED) {
    const ind = HEADLINE.find((i) => i.key === key)!;
    const cols = HISTORY_GROUPS.map((g) => series(tr, 'kommun', whole, g, key));
    const data = b.sideTable(`chart-trend-${key}-data`, dataRow, chartCol,
      [L('report.section.chartData'), ...HISTORY_GROUPS.map((g) => L(GROUP_LABEL[g]))],
      periods.map((p, i) => [p, ...cols.map((c) => (typeof c[i] === 'number' ? c[i] : null))]),
      [null, ...HISTORY_GROUPS.map(() => (ind.share ? FMT.percent : FMT.oneDecimal))]);
    dataRow += periods.length + 2;
    b.chart(`chart-trend-${key}`, 'line', L(`report.ind.${key}`), data, { percentAxis: ind.share, height: 240, width: 560 });
  }

  const schools = m.schools.filter((s) => s.label);
  if (schools.length > 1) {
    b.heading('h-trend-schools', L('report.section.trendSchools', { n: periods.length }));
    const srows: PlanValue[][] = [];
    const sformats: (string | null)[] = [];
    // The school on a row of its own above its indicators: the indicator names need the wide label
    // column (in a narrow one they were cut off on paper).
    for (const s of schools) {
      srows.push([s.label, null, ...periods.map(() => null)]);
      sformats.push(null);
      for (const key of PER_SCHOOL) {
        const ind = HEADLINE.find((i) => i.key === key)!;
        HISTORY_GROUPS.forEach((g, i) => {
          srows.push([i === 0 ? L(`report.indShort.${key}`) : '', L(GROUP_LABEL[g]), ...series(tr, 'school', s.label, g, key).map(figureCell)]);
          sformats.push(ind.share ? FMT.percent : FMT.oneDecimal);
        });
      }
    }
    b.table('trend-schools', [L('report.col.indicator'), L('report.col.group'), ...periods], srows,
      { rowFormats: sformats, boldFirstColumn: true, wrapFirstColumn: true, formats: [null, FMT.text, ...periods.map(() => null)] });
    b.blank();
  }
  return true;
}
