/**
 * The board's summary sheet (Nämndrapport). No personal data at all: group figures only, each
 * already suppressed below the threshold, plus definitions so a board member can read it alone.
 */
import { t, formatPercent } from '../i18n';
import { subjectInfo } from '../grades/subjects';
import type { Figure } from '../types';
import { HEADLINE } from './history';
import { COLORS, FMT, SheetBuilder, figureCell, type PrintLayout } from './layout';
import type { GroupFigures, ReportModel } from './model';
import type { PlanValue, SheetPlan } from './plan';
import { LINE_PIXELS, blockStarts, fitCharts, fitColumns, paragraph, rowHeights } from './history-print';

export { LINE_PIXELS, paragraph, rowHeights, textLines, textWidth } from './history-print';
import { namndrapportLadder } from './narvaro-ladder';
import { namndrapportTrend } from './history-trend';
import { namndrapportTargets } from './targets';
import { namndrapportBenchmarks } from './benchmarks';
import { namndrapportGroups } from './namnd-groups';

/** First column of the chart-data tables: right of the 14 printed columns (A–N) and a gap. */
const CHART_DATA_COL = 16;

/** Headline rows: the indicators of history.ts (the Historik and the trend use the same list). */
export { HEADLINE };

/** Difference now − before: percentage points for shares, points for merit; `.` when either is missing. */
function change(now: Figure, before: Figure, share: boolean): PlanValue {
  if (typeof now !== 'number' || typeof before !== 'number') return typeof now === 'number' || typeof before === 'number' ? '..' : '.';
  const d = share ? (now - before) * 100 : now - before;
  return Math.round(d * 10) / 10;
}

function subjectName(m: ReportModel, code: string): string {
  const info = subjectInfo(code as never);
  return m.lang === 'sv' ? info.sv : info.en;
}

/**
 * Builds the Nämndrapport sheet plan from a report model.
 * @example buildNamndrapport(model).blocks[0].values[0][0] // 'Nämndrapport – skolresultat årskurs 9'
 */
export function buildNamndrapport(m: ReportModel): SheetPlan {
  const L = (key: string, params: Record<string, string | number> = {}) => t(m.lang, key, params);
  const threshold = m.settings.suppressionThreshold;
  const b = new SheetBuilder('namndrapport', L('report.sheet.namndrapport'), false, PRINT_LAYOUT);

  b.title(L('report.title.namndrapport', { year: m.settings.finalYear }));
  b.line('meta-period', [L('report.meta.period'), m.period || L('report.meta.periodUnknown')]);
  b.line('meta-sources', [L('report.meta.sources'), m.sources.join(', ')]);
  b.line('meta-pupils', [L('report.meta.pupils'), m.total.pupils]);
  b.line('meta-made', [L('report.meta.made'), L('report.meta.madeBy', { date: m.madeOn, ruleSet: m.settings.ruleSet })]);
  b.line('meta-privacy', [L('report.meta.noPersonalData', { n: threshold })], { italic: true });
  b.blank();

  // Headline: Totalt / Flickor / Pojkar, previous period and change, national reference.
  b.heading('h-headline', L('report.section.headline'));
  const header = [L('report.col.indicator'), L('report.col.total'), L('report.col.girls'), L('report.col.boys')];
  if (m.previous) header.push(L('report.col.previous', { label: m.previous.label }), `${L('report.col.change')}`);
  if (m.reference) header.push(m.reference.label);
  const rows: PlanValue[][] = [];
  const rowFormats: (string | null)[] = [];
  const countRow: PlanValue[] = [L('report.ind.pupils'), m.total.pupils, m.girls.pupils, m.boys.pupils];
  if (m.previous) countRow.push(m.previous.total.pupils, '.');
  if (m.reference) countRow.push('.');
  rows.push(countRow);
  rowFormats.push(FMT.integer);
  for (const ind of HEADLINE) {
    const row: PlanValue[] = [L(`report.ind.${ind.key}`), figureCell(ind.get(m.total)), figureCell(ind.get(m.girls)), figureCell(ind.get(m.boys))];
    if (m.previous) {
      row.push(figureCell(ind.get(m.previous.total)), change(ind.get(m.total), ind.get(m.previous.total), ind.share));
    }
    if (m.reference) row.push(m.reference.values[ind.key] ?? '.');
    rows.push(row);
    rowFormats.push(ind.share ? FMT.percent : FMT.oneDecimal);
  }
  const headlineStart = b.cursor;
  // The change column holds percentage points or points, signed, whatever the row's format.
  const overrides = header.map((_, i) => (m.previous && i === 5 ? FMT.points : null));
  b.table('headline', header, rows, { rowFormats, formats: overrides, boldFirstColumn: true, wrapFirstColumn: true });
  if (m.previous) {
    b.line('headline-change-note', [`${L('report.col.change')}: ${L('report.ind.changeUnitPp')} / ${L('report.ind.changeUnitPoints')}`], { italic: true, fontColor: '#595959' });
  }
  b.blank();

  // Chart data for eligibility by group, to the right of what is printed (only shares, suppressed
  // as blank): charts need their data on a sheet, the board paper does not.
  const sideCol = CHART_DATA_COL;
  const eligKeys = ['YRK', 'EKHUSA', 'NATE', 'ES', 'PRIV'] as const;
  const chartRows: PlanValue[][] = eligKeys.map((k) => {
    const ind = HEADLINE.find((i) => i.key === k)!;
    const v = (g: GroupFigures) => {
      const f = ind.get(g);
      return typeof f === 'number' ? f : null;
    };
    return [L(`report.chart.groupShort.${k}`), v(m.total), v(m.girls), v(m.boys)];
  });
  const eligData = b.sideTable('chart-eligibility-data', headlineStart, sideCol,
    [L('report.section.chartData'), L('report.col.total'), L('report.col.girls'), L('report.col.boys')], chartRows,
    [null, FMT.percent, FMT.percent, FMT.percent]);
  // Beside the headline table when it leaves three or more printed columns free (no previous term or
  // reference column): the board paper is a chart's height shorter. Else under it, across the page.
  const free = PRINT_COLUMNS - header.length;
  b.chart('chart-eligibility', 'column', L('report.chart.eligibility'), eligData, { percentAxis: true, ...(free >= 3 ? { beside: { row: headlineStart, col: header.length } } : {}) });

  // Official figures beside ours (Jämförelsetal), with their years and how definitions differ.
  namndrapportBenchmarks(b, m);

  // The board's targets from the Mål sheet: status (traffic light) and the school's comment.
  namndrapportTargets(b, m);

  // Per school.
  if (m.schools.length > 1) {
    b.heading('h-schools', L('report.section.schools'));
    b.table('schools',
      [L('report.col.school'), L('report.col.pupils'), L('report.ind.YRK'), L('report.ind.NATE'), L('report.ind.merit17'), L('report.ind.allPassed')],
      m.schools.map((s) => [s.label, s.pupils, figureCell(s.eligibleShare.YRK), figureCell(s.eligibleShare.NA), figureCell(s.meanMeritValue17), figureCell(s.allSubjectsPassedShare)]),
      { formats: [null, FMT.integer, FMT.percent, FMT.percent, FMT.oneDecimal, FMT.percent], boldFirstColumn: true, wrapFirstColumn: true });
    b.blank();
  }

  // Sv/Sva and with/without newly arrived (issue 15).
  namndrapportGroups(b, m);

  // Trend over the Historik's last periods (issue 14), for the whole and per school.
  namndrapportTrend(b, m, CHART_DATA_COL);

  // Subjects: distribution and mean points.
  if (m.subjects.length) {
    b.heading('h-subjects', L('report.section.subjects'));
    const subjStart = b.cursor;
    // One table of eight columns (A4 portrait at 85 % holds no more): the grade distribution A–F is the
    // chart below, its figures beside the print area (chart data), so the board paper is not a page longer.
    b.table('subjects',
      [L('report.col.subject'), L('report.col.graded'), L('report.col.passShare'), L('report.col.meanPoints'), L('report.col.meanPointsGirls'), L('report.col.meanPointsBoys'), L('report.col.streck'), L('report.col.notStudied')],
      m.subjects.map((s) => [subjectName(m, s.subject), s.graded, figureCell(s.passShare), figureCell(s.meanPoints), figureCell(s.meanPointsGirls), figureCell(s.meanPointsBoys), figureCell(s.streck), figureCell(s.notStudied)]),
      { formats: [null, FMT.integer, FMT.percent, FMT.oneDecimal, FMT.oneDecimal, FMT.oneDecimal, FMT.integer, FMT.integer], boldFirstColumn: true, wrapFirstColumn: true });
    b.blank();
    const gradeRows: PlanValue[][] = m.subjects.map((s) => [s.subject, ...(['A', 'B', 'C', 'D', 'E', 'F'] as const).map((k) => (typeof s.shares[k] === 'number' ? s.shares[k] : null))]);
    const gradeData = b.sideTable('chart-grades-data', subjStart, CHART_DATA_COL, [L('report.section.chartData'), 'A', 'B', 'C', 'D', 'E', 'F'], gradeRows,
      [null, FMT.percent, FMT.percent, FMT.percent, FMT.percent, FMT.percent, FMT.percent]);
    b.chart('chart-grades', 'percentStackedBar', L('report.chart.grades'), gradeData, { percentAxis: true, height: Math.max(300, 14 * m.subjects.length + 80) });
  }

  if (m.tests && m.tests.length) {
    b.heading('h-tests', L('report.section.tests'));
    b.table('tests', [L('report.col.subject'), L('report.col.bothGrades'), L('report.col.lower'), L('report.col.same'), L('report.col.higher')],
      m.tests.map((x) => [subjectName(m, x.subject), x.n, figureCell(x.lower), figureCell(x.same), figureCell(x.higher)]),
      { formats: [null, FMT.integer, FMT.percent, FMT.percent, FMT.percent], boldFirstColumn: true, wrapFirstColumn: true });
    b.blank();
  }

  if (m.absence && m.absence.groups.length) {
    const a = m.settings.absence;
    b.heading('h-absence', L('report.section.attendance'));
    const absStart = b.cursor;
    b.table('absence', [L('report.col.group'), L('report.col.pupils'), L('report.col.meanAbsence'), L('report.col.meanInvalid'),
      L('report.col.levelProblematic', { p: formatPercent(m.lang, a.problematic, 0) }), L('report.col.levelHigh', { p: formatPercent(m.lang, a.high, 0) }),
      L('report.col.levelVeryHigh', { p: formatPercent(m.lang, a.veryHigh, 0) })],
    m.absence.groups.map((g) => [g.label, g.pupils, figureCell(g.meanAbsence), figureCell(g.meanInvalid), figureCell(g.shareProblematic), figureCell(g.shareHigh), figureCell(g.shareVeryHigh)]),
    { formats: [null, FMT.integer, FMT.percent, FMT.percent, FMT.percent, FMT.percent, FMT.percent], boldFirstColumn: true, wrapFirstColumn: true });
    b.blank();
    const levelRows: PlanValue[][] = m.absence.groups.slice(0, 3).map((g) => [g.label, ...[g.shareProblematic, g.shareHigh, g.shareVeryHigh].map((f) => (typeof f === 'number' ? f : null))]);
    const absData = b.sideTable('chart-absence-data', absStart, CHART_DATA_COL, [L('report.section.chartData'), L('report.level.problematic'), L('report.level.high'), L('report.level.veryHigh')],
      levelRows, [null, FMT.percent, FMT.percent, FMT.percent]);
    b.chart('chart-absence', 'column', L('report.chart.absence'), absData, { percentAxis: true });
    if (m.absence.ladder) namndrapportLadder(b, m, m.absence.ladder);
  }

  if (m.progression) {
    const p = m.progression;
    b.heading('h-progression', `${L('report.section.progression')}: ${p.label}`);
    b.table('progression-cohort', [L('report.col.indicator'), L('report.col.before'), L('report.col.after'), L('report.col.change')], [
      [L('report.ind.YRK'), figureCell(p.eligibleYrkBefore), figureCell(p.eligibleYrkAfter), change(p.eligibleYrkAfter, p.eligibleYrkBefore, true)],
      [L('report.ind.merit17'), figureCell(p.meanMerit17Before), figureCell(p.meanMerit17After), change(p.meanMerit17After, p.meanMerit17Before, false)],
    ], { rowFormats: [FMT.percent, FMT.oneDecimal], boldFirstColumn: true, wrapFirstColumn: true });
    b.line('progression-counts', [`${L('report.status.matched')}: ${p.matched}`, `${L('report.status.new')}: ${p.new}`, `${L('report.status.left')}: ${p.left}`], { italic: true });
    b.blank();
    b.table('progression-subjects', [L('report.col.subject'), L('report.col.matchedGrades'), L('report.col.raised'), L('report.col.unchanged'), L('report.col.lowered'), L('report.col.failToPass'), L('report.col.passToFail')],
      p.subjects.map((s) => [subjectName(m, s.subject), s.compared, figureCell(s.raised), figureCell(s.unchanged), figureCell(s.lowered), figureCell(s.failToPass), figureCell(s.passToFail)]),
      { formats: [null, FMT.integer, FMT.percent, FMT.percent, FMT.percent, FMT.integer, FMT.integer], boldFirstColumn: true, wrapFirstColumn: true });
    b.blank();
  }

  if (m.survey && m.survey.length) {
    b.heading('h-survey', L('report.section.survey'));
    b.table('survey', [L('report.col.area'), L('report.col.respondents'), L('report.col.index'), L('report.col.positiveShare')],
      m.survey.map((s) => [s.area, s.respondents, figureCell(s.index), figureCell(s.positiveShare)]),
      { formats: [null, FMT.integer, FMT.oneDecimal, FMT.percent], boldFirstColumn: true, wrapFirstColumn: true });
    b.blank();
  }

  // Definitions and symbols: the board reads this report without us in the room.
  b.heading('h-definitions', L('report.section.definitions'));
  const a = m.settings.absence;
  const defs = [
    L('report.def.suppressed', { n: threshold }),
    L('report.def.noData'),
    L('report.def.eligibility'),
    L('report.def.merit'),
    L('report.def.allPassed'),
    L('report.def.streck'),
  ];
  if (m.previous) defs.push(L('report.def.change'));
  if (m.tests) defs.push(L('report.def.tests'));
  if (m.absence) defs.push(L('report.def.absence', { p1: formatPercent(m.lang, a.problematic, 0), p2: formatPercent(m.lang, a.high, 0), p3: formatPercent(m.lang, a.veryHigh, 0) }));
  if (m.absence?.ladder) defs.push(L('report.def.ladder', { n: threshold }));
  if (m.progression) defs.push(L('report.def.progression'));
  if (m.survey) defs.push(L('report.def.survey'));
  if (m.reference) defs.push(L('report.def.reference', { source: m.reference.source }));
  // Wrapped in the wide first column so the printed page stays one page wide.
  defs.forEach((d, i) => paragraph(b, `def-${i + 1}`, d, { fontColor: '#404040' }));

  // Printed for the board on A4 portrait at 85 % (readable; never shrunk to one page), the title row on
  // every page and a page break before a block that would not fit on the page it starts on. The chart
  // data to the right stays on screen only. Row labels wrap in the first column.
  // Columns as wide as their header words need, the label column the rest; charts fitted to them.
  const plan = b.build({ columnWidths: COLUMN_WIDTHS, tabColor: COLORS.title });
  plan.columnWidths = fitColumns(plan.blocks, COLUMN_WIDTHS, PRINT_COLUMNS, PRINT_CHARS, PRINT_LAYOUT.headerFontSize!, 8);
  if (plan.charts) plan.charts = fitCharts(plan.charts, plan.columnWidths, PRINT_COLUMNS);
  const heights = rowHeights(plan.blocks, plan.columnWidths);
  if (heights.length) plan.rowHeights = heights;
  plan.print = {
    orientation: 'portrait', fitToWidth: false, scale: PRINT_SCALE, area: { row: 0, col: 0, rows: b.cursor, cols: PRINT_COLUMNS },
    repeatRows: { from: 0, to: 0 }, margins: PRINT_MARGINS,
    rowBreaks: pageBreaks(blockStarts(plan, b.cursor), b.cursor, ROWS_PER_PAGE, new Map(heights.map((h) => [h.row, h.points]))),
  };
  return plan;
}

/**
 * Column widths in characters: the eight printed columns (fitted to their headers, see fitColumns), a
 * gap, then the chart data (from Q).
 */
const COLUMN_WIDTHS = [30, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 4, 4, 4, 4, 4, 4, 4, 4, 18, 10, 10, 10, 10, 10, 10];
/**
 * Page margins of the board paper, inches: half an inch all round (Excel's default 0.7 / 0.75 in left a
 * page of the Nämndrapport two tables short); no header or footer is printed.
 */
export const PRINT_MARGINS = { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5, header: 0.2, footer: 0.2 };
/**
 * Characters printed across A–H: 110 is 814 px in LibreOffice (7.4 px each) and 810 px by Excel's
 * 7 px + 5 a column, within the 821 px A4 portrait holds at 85 % inside 0.5 in margins (7.27 in =
 * 698 px / 0.85).
 */
const PRINT_CHARS = 110;
/** Columns printed (A–H): no table of the Nämndrapport is wider. */
export const PRINT_COLUMNS = 8;
/** Print scale of the board paper, percent: the floor for a readable printed page. */
export const PRINT_SCALE = 85;
/**
 * Header rows in 9 points (long words stay whole in narrow columns), charts up to three to a band,
 * 200 px high, in A–B, C–E and F–H (fitCharts makes them as wide as those columns), and lines of text
 * no wider than the page (a label column is at most 300 px).
 */
const PRINT_LAYOUT: PrintLayout = {
  headerFontSize: 9, chartSlots: { slots: [{ col: 0, width: 290 }, { col: 2, width: 240 }, { col: 5, width: 240 }], height: 200 },
  lineWidth: LINE_PIXELS, labelWidth: 300,
};
/**
 * Sheet rows of 15 pt that fit on one A4 portrait page at 85 %: 10.69 in of printable height (0.5 in
 * margins) is 769.7 pt, / 0.85 = 905.5 pt of sheet; less the repeated title row (21 pt), 884.5 pt = 58
 * rows.
 */
export const ROWS_PER_PAGE = 58;

/**
 * Manual page breaks between blocks: a block (from one start to the next, or its first `keep` rows) that
 * fits on a page but would cross the end of the page it starts on begins a new page. A block longer
 * than a page goes on where the page is (the printer splits it anyway). Rows are 15 pt unless
 * `heights` (points) says otherwise.
 * @example pageBreaks([0, 30, 50, 120], 140, 52) // []: 50–120 is longer than a page; 120–140 fits on the page the printer starts at 104
 */
export function pageBreaks(blockStarts: readonly (number | { row: number; keep: number })[], end: number, perPage = ROWS_PER_PAGE, heights: ReadonlyMap<number, number> = new Map()): number[] {
  const page = perPage * 15;
  const h = (r: number) => heights.get(r) ?? 15;
  const keepOf = new Map<number, number>();
  for (const s of blockStarts) if (typeof s === 'number') keepOf.set(s, Infinity); else keepOf.set(s.row, s.keep);
  const starts = [...keepOf.keys()].filter((r) => r < end).sort((a, b) => a - b);
  const breaks: number[] = [];
  let used = 0;
  let row = 0;
  starts.forEach((start, i) => {
    // Rows before this block go where the printer puts them: a row that does not fit starts a page.
    for (; row < start; row++) {
      if (used > 0 && used + h(row) > page) used = 0;
      used += h(row);
    }
    const stop = Math.min(i + 1 < starts.length ? starts[i + 1] : end, start + keepOf.get(start)!);
    let need = 0;
    for (let r = start; r < stop; r++) need += h(r);
    if (used > 0 && used + need > page && need <= page) {
      breaks.push(start);
      used = 0;
    }
  });
  return breaks;
}
