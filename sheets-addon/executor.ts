/**
 * Applies a ReportPlan to a Google spreadsheet through SpreadsheetApp with a constant number of
 * service calls per block: one setNumberFormats per run of formatted columns, one setValues, one
 * plural setter (setFontWeights, setBackgrounds, …) per style property the block uses, one
 * setBorder per bordered style. Rows never add calls, so 50 and 5 000 pupils cost the same.
 *
 * Sheets it writes carry developer metadata `skolanalys` = plan sheet key; regenerating finds
 * them by that (it survives renaming) and replaces only them. No other sheet is written.
 */
import { columnLetter } from '../core/table/address';
import { sheetsToWrite } from '../core/report/create-once';
import type { ApplyProgress, ApplyResult } from '../ui/host';
import type { ChartType, PlanBlock, PlanChart, PlanConditionalFormat, PlanStyle, PlanValue, ReportPlan, SheetPlan } from '../core/report/plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Developer metadata key on every sheet Skolanalys writes; its value is the plan sheet key. */
export const MARKER_KEY = 'skolanalys';

/** A sheet of the spreadsheet that carries our marker. */
export interface MarkedSheet {
  sheet: Sheet;
  key: string;
}

/** Every sheet marked by Skolanalys, found by developer metadata (one finder call). */
export function findMarkedSheets(ss: Spreadsheet): MarkedSheet[] {
  const found = ss
    .createDeveloperMetadataFinder()
    .withKey(MARKER_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  const out: MarkedSheet[] = [];
  for (const m of found) {
    const sheet = m.getLocation().getSheet();
    if (sheet) out.push({ sheet, key: String(m.getValue() ?? '') });
  }
  return out;
}

/**
 * Text Sheets would turn into something else when written as a value: numbers, dates, percents,
 * booleans, formulas and a leading apostrophe. Such strings are written with a leading `'`,
 * which Sheets strips and keeps the rest as text.
 */
const CONVERTIBLE = /^\s*(?:[=+'@]|-\S|[-+]?[\s.,:/]*\d[\d\s.,:/]*%?\s*$|(?:true|false|sant|falskt)\s*$)/i;

/**
 * A plan value as written to Sheets: strings Sheets would convert get a leading `'`, unless the
 * cell's format is already text (`@`), which keeps them as they are.
 */
export function sheetsValue(v: PlanValue, format: string | null = null): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string' && v !== '' && format !== '@' && CONVERTIBLE.test(v)) return `'${v}`;
  return v;
}

/** Character widths → pixels (Arial 10: about 7 px per character plus padding). */
export function widthToPixels(chars: number): number {
  return Math.round(chars * 7 + 5);
}

const CHART: Record<ChartType, { type: 'BAR' | 'COLUMN' | 'LINE' | 'PIE'; stacked?: true | 'percent' }> = {
  column: { type: 'COLUMN' },
  bar: { type: 'BAR' },
  stackedColumn: { type: 'COLUMN', stacked: true },
  stackedBar: { type: 'BAR', stacked: true },
  percentStackedBar: { type: 'BAR', stacked: 'percent' },
  line: { type: 'LINE' },
  pie: { type: 'PIE' },
};

function uniqueName(wanted: string, taken: Set<string>): string {
  const base = wanted.slice(0, 100);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** A1 text of a 0-based rectangle (`B3:D9`, or `B3` for one cell). */
export function a1(row: number, col: number, rows: number, cols: number): string {
  const tl = `${columnLetter(col)}${row + 1}`;
  return rows <= 1 && cols <= 1 ? tl : `${tl}:${columnLetter(col + Math.max(1, cols) - 1)}${row + Math.max(1, rows)}`;
}

/** Runs of adjacent columns with the same non-null format. */
function formatRuns(formats: (string | null)[]): { col: number; cols: number; fmt: string }[] {
  const runs: { col: number; cols: number; fmt: string }[] = [];
  formats.forEach((fmt, c) => {
    if (fmt === null || fmt === undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.fmt === fmt && last.col + last.cols === c) last.cols++;
    else runs.push({ col: c, cols: 1, fmt });
  });
  return runs;
}

/** One style property: which plural setter carries it, and the value a style gives it. */
const STYLE_PROPS: { set: 'setFontWeights' | 'setFontStyles' | 'setBackgrounds' | 'setFontColors' | 'setFontSizes' | 'setHorizontalAlignments' | 'setWraps'; get: (s: PlanStyle) => string | number | boolean | undefined; blank: string | number | boolean | null }[] = [
  { set: 'setFontWeights', get: (s) => (s.bold === undefined ? undefined : s.bold ? 'bold' : 'normal'), blank: 'normal' },
  { set: 'setFontStyles', get: (s) => (s.italic === undefined ? undefined : s.italic ? 'italic' : 'normal'), blank: 'normal' },
  { set: 'setBackgrounds', get: (s) => s.fill, blank: null },
  { set: 'setFontColors', get: (s) => s.fontColor, blank: null },
  { set: 'setFontSizes', get: (s) => s.fontSize, blank: 10 },
  { set: 'setHorizontalAlignments', get: (s) => s.horizontalAlignment, blank: null },
  { set: 'setWraps', get: (s) => s.wrap, blank: false },
];

function writeBlock(sheet: Sheet, block: PlanBlock): void {
  const rows = block.values.length;
  const cols = block.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  const formats = block.columnFormats ?? [];
  for (const run of formatRuns(formats)) {
    const fmtRow = new Array<string>(run.cols).fill(run.fmt);
    sheet.getRange(block.row + 1, block.col + run.col + 1, rows, run.cols).setNumberFormats(Array.from({ length: rows }, () => fmtRow));
  }
  const values = block.values.map((r) => r.map((v, c) => sheetsValue(v, formats[c] ?? null)));
  sheet.getRange(block.row + 1, block.col + 1, rows, cols).setValues(values);
}

/** All styles of a block as one plural call per property over the block's bounding box. */
function styleBlock(sheet: Sheet, block: PlanBlock): void {
  const styles = block.styles ?? [];
  if (styles.length === 0) return;
  let rows = block.values.length;
  let cols = block.values[0]?.length ?? 0;
  for (const s of styles) {
    rows = Math.max(rows, s.range.row + s.range.rows);
    cols = Math.max(cols, s.range.col + s.range.cols);
  }
  if (rows === 0 || cols === 0) return;
  const range = sheet.getRange(block.row + 1, block.col + 1, rows, cols);
  for (const prop of STYLE_PROPS) {
    if (!styles.some((s) => prop.get(s) !== undefined)) continue;
    const grid = Array.from({ length: rows }, () => new Array<string | number | boolean | null>(cols).fill(prop.blank));
    for (const s of styles) {
      const v = prop.get(s);
      if (v === undefined) continue;
      for (let r = s.range.row; r < s.range.row + s.range.rows; r++) grid[r].fill(v, s.range.col, s.range.col + s.range.cols);
    }
    (range[prop.set] as (g: unknown[][]) => Range)(grid);
  }
  // A1 texts computed here rather than asked of a Range: no service call per bordered style.
  const bordered = styles.filter((s) => s.border).map((s) => a1(block.row + s.range.row, block.col + s.range.col, s.range.rows, s.range.cols));
  if (bordered.length > 0) sheet.getRangeList(bordered).setBorder(true, true, true, true, true, true);
}

function ruleOf(sheet: Sheet, cf: PlanConditionalFormat): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let b = SpreadsheetApp.newConditionalFormatRule();
  const w = cf.when;
  if ('equals' in w) b = typeof w.equals === 'number' ? b.whenNumberEqualTo(w.equals) : b.whenTextEqualTo(w.equals);
  else if ('greaterOrEqual' in w) b = b.whenNumberGreaterThanOrEqualTo(w.greaterOrEqual);
  else b = b.whenNumberLessThan(w.lessThan);
  b = b.setBackground(cf.fill);
  if (cf.fontColor) b = b.setFontColor(cf.fontColor);
  const r = cf.range;
  return b.setRanges([sheet.getRange(r.row + 1, r.col + 1, Math.max(1, r.rows), Math.max(1, r.cols))]).build();
}

function addChart(sheet: Sheet, c: PlanChart): void {
  const kind = CHART[c.type];
  const d = c.data;
  let b = sheet
    .newChart()
    .setChartType(Charts.ChartType[kind.type])
    .addRange(sheet.getRange(d.row + 1, d.col + 1, Math.max(1, d.rows), Math.max(1, d.cols)))
    .setNumHeaders(1)
    .setTransposeRowsAndColumns(c.seriesBy === 'rows')
    .setPosition(c.anchor.row + 1, c.anchor.col + 1, 0, 0)
    .setOption('title', c.title)
    .setOption('width', c.anchor.width)
    .setOption('height', c.anchor.height);
  if (kind.stacked) b = b.setOption('isStacked', kind.stacked);
  // Bar charts carry their values on the horizontal axis.
  const axis = kind.type === 'BAR' ? 'hAxis' : 'vAxis';
  if (c.type !== 'pie') {
    if (c.yAxisTitle) b = b.setOption(`${axis}.title`, c.yAxisTitle);
    if (c.percentAxis) {
      b = b.setOption(`${axis}.format`, 'percent').setOption(`${axis}.viewWindow.min`, 0);
      if (c.type !== 'percentStackedBar') b = b.setOption(`${axis}.viewWindow.max`, 1);
    }
  }
  sheet.insertChart(b.build());
}

/** Column widths as runs of equal width (one call per run). */
function setWidths(sheet: Sheet, widths: number[]): void {
  let i = 0;
  while (i < widths.length) {
    let j = i + 1;
    while (j < widths.length && widths[j] === widths[i]) j++;
    sheet.setColumnWidths(i + 1, j - i, widthToPixels(widths[i]));
    i = j;
  }
}

function writeSheet(sheet: Sheet, plan: SheetPlan): void {
  sheet.addDeveloperMetadata(MARKER_KEY, plan.key);
  if (plan.tabColor) sheet.setTabColor(plan.tabColor);
  for (const block of plan.blocks) writeBlock(sheet, block);
  for (const block of plan.blocks) styleBlock(sheet, block);
  // Sheets allows one basic filter per sheet: the first table block gets it.
  const table = plan.blocks.find((b) => b.table && b.values.length > 0 && (b.values[0]?.length ?? 0) > 0);
  if (table) sheet.getRange(table.row + 1, table.col + 1, table.values.length, table.values[0].length).createFilter();
  if (plan.columnWidths?.length) setWidths(sheet, plan.columnWidths);
  if (plan.frozenRows) sheet.setFrozenRows(plan.frozenRows);
  if (plan.frozenColumns) sheet.setFrozenColumns(plan.frozenColumns);
  const rules = (plan.conditionalFormats ?? []).map((cf) => ruleOf(sheet, cf));
  if (rules.length > 0) sheet.setConditionalFormatRules(rules);
  for (const c of plan.charts ?? []) addChart(sheet, c);
}

/**
 * Writes a plan's sheets. Sheets marked `skolanalys` with a key of the plan are replaced (the
 * new sheet takes the old one's place and name); a wanted name held by a user's sheet gets ` (2)`.
 * User sheets are only listed by name, never written.
 */
export function applyPlanSheets(ss: Spreadsheet, plan: ReportPlan, onProgress?: (p: ApplyProgress) => void): ApplyResult {
  const total = plan.sheets.length;
  onProgress?.({ done: 0, total });
  const marked = findMarkedSheets(ss);
  // Create-once sheets the spreadsheet has (the school's Närvaroplan, Mål) are not written again.
  const markedIds = new Map(marked.map((m) => [m.sheet.getSheetId(), m.key]));
  const sheetsWanted = sheetsToWrite(plan, ss.getSheets().map((s) => ({ name: s.getName(), key: markedIds.get(s.getSheetId()) ?? null })));
  const wanted = new Set(sheetsWanted.map((s) => s.key));
  const replaced = marked.filter((m) => wanted.has(m.key));
  const replacedIds = new Set(replaced.map((m) => m.sheet.getSheetId()));
  const all = ss.getSheets();
  const taken = new Set<string>();
  const oldIndex = new Map<string, number>();
  for (const s of all) {
    const id = s.getSheetId();
    if (!replacedIds.has(id)) taken.add(s.getName().toLowerCase());
  }
  for (const m of replaced) oldIndex.set(m.key, m.sheet.getIndex());
  const oldName = new Map(replaced.map((m) => [m.key, m.sheet.getName()]));
  // Old versions step aside so the new sheets can take their names; deleted once replaced.
  replaced.forEach((m, i) => {
    let tmp = `~skolanalys ${i + 1}`;
    while (taken.has(tmp.toLowerCase())) tmp += '~';
    taken.add(tmp.toLowerCase());
    m.sheet.setName(tmp);
  });
  const written: string[] = [];
  let first: Sheet | null = null;
  sheetsWanted.forEach((sp, i) => {
    // A sheet the plan replaces keeps its current name (renamed by the user, or made in another
    // language): the marker, not the name, says which sheet it is.
    const name = uniqueName(oldName.get(sp.key) ?? sp.name, taken);
    taken.add(name.toLowerCase());
    const at = oldIndex.get(sp.key);
    // getIndex is 1-based, insertSheet's index 0-based: inserting there puts it before the old one.
    const sheet = at !== undefined ? ss.insertSheet(name, at - 1) : ss.insertSheet(name, ss.getNumSheets());
    writeSheet(sheet, sp);
    first ??= sheet;
    written.push(name);
    onProgress?.({ done: i + 1, total: sheetsWanted.length, sheet: name });
  });
  for (const m of replaced) ss.deleteSheet(m.sheet);
  if (first) (first as Sheet).activate();
  return { sheets: written };
}
