/**
 * Applies a ReportPlan to an Excel workbook through Office.js with a constant number of
 * `context.sync` calls: two reads (sheets, then their markers), then the writes. Writes are
 * queued in one batch; a new sync is started only when the batch's estimated payload would pass
 * SYNC_BYTE_LIMIT (Excel on the web rejects requests of about 5 MB). So the number of syncs grows
 * with bytes written, never with rows: 50 and 5 000 pupils both take 3.
 *
 * Big blocks are written in row chunks of at most WRITE_BYTE_LIMIT each (several `range.values`
 * writes in one batch), so no single write can pass the request limit on its own.
 */
import { sheetsToWrite } from '../core/report/create-once';
import type { ApplyProgress, ApplyResult } from '../ui/host';
import type { ChartType, PlanBlock, PlanChart, PlanConditionalFormat, PlanRange, PlanStyle, PlanValue, ReportPlan, SheetPlan } from '../core/report/plan';

/** Worksheet custom property (ExcelApi 1.12) holding the plan sheet key; it survives renaming. */
export const MARKER_KEY = 'skolanalys';
/** Estimated payload bytes per sync; Excel on the web's limit is about 5 MB per request. */
export const SYNC_BYTE_LIMIT = 4_000_000;
/** Bytes per single `values`/`numberFormat` write; big blocks are split by rows to stay under it. */
export const WRITE_BYTE_LIMIT = 1_000_000;
/** Fixed overhead per queued call (method name, ids, JSON framing), in bytes. */
const OP_BYTES = 120;

export interface ExcelApplyResult extends ApplyResult {
  /** Number of `context.sync` calls made. */
  syncs: number;
  /** Estimated payload bytes queued in total. */
  bytes: number;
}

export interface ExcelApplyOptions {
  syncByteLimit?: number;
  writeByteLimit?: number;
}

const CHART_TYPES: Record<ChartType, string> = {
  column: 'ColumnClustered',
  bar: 'BarClustered',
  stackedColumn: 'ColumnStacked',
  stackedBar: 'BarStacked',
  percentStackedBar: 'BarStacked100',
  line: 'Line',
  pie: 'Pie',
};

/** Rough JSON size of a cell value as sent over the wire (UTF-8, quotes, comma). */
export function cellBytes(v: PlanValue | undefined): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === 'number') return String(v).length + 1;
  if (typeof v === 'boolean') return 6;
  let extra = 3;
  for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) > 127) extra++;
  return v.length + extra;
}

/**
 * Strings Excel would not keep as text when written to a General cell: numbers, dates, percents
 * and formulas. A plan's string must stay a string, so such columns get the text format `@`.
 */
const CONVERTIBLE = /^\s*(?:[=+@]|-\S|[-+]?[\d\s.,:/]+%?\s*$|(?:true|false)\s*$)/i;

/** Batches queued calls and syncs only when the next call would pass the byte limit. */
class Batch {
  syncs = 0;
  total = 0;
  private pending = 0;
  constructor(private readonly context: Excel.RequestContext, private readonly limit: number) {}
  /** Call before queuing a call of `bytes`; syncs first when it would not fit. */
  async reserve(bytes: number): Promise<void> {
    const b = bytes + OP_BYTES;
    if (this.pending > 0 && this.pending + b > this.limit) await this.flush();
    this.pending += b;
    this.total += b;
  }
  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
  }
}

function rangeOf(ws: Excel.Worksheet, r: PlanRange): Excel.Range {
  return ws.getRangeByIndexes(r.row, r.col, Math.max(1, r.rows), Math.max(1, r.cols));
}

/** Character widths → points (Calibri 11: about 7 px per character plus 5 px padding; 1 px = 0.75 pt). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75);
}

function uniqueName(wanted: string, taken: Set<string>): string {
  // Excel forbids []:*?/\ in sheet names and allows 31 characters.
  const base = (wanted.replace(/[[\]:*?/\\]/g, '-').trim() || 'Skolanalys').slice(0, 31);
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

async function applyStyle(batch: Batch, ws: Excel.Worksheet, block: PlanBlock, s: PlanStyle): Promise<void> {
  await batch.reserve(200);
  const range = rangeOf(ws, { ...s.range, row: block.row + s.range.row, col: block.col + s.range.col });
  const f = range.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontColor) f.font.color = s.fontColor;
  if (s.fontSize) f.font.size = s.fontSize;
  if (s.fill) f.fill.color = s.fill;
  if (s.horizontalAlignment) f.horizontalAlignment = s.horizontalAlignment === 'left' ? 'Left' : s.horizontalAlignment === 'center' ? 'Center' : 'Right';
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.border) {
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
      f.borders.getItem(edge).style = 'Continuous';
    }
  }
}

/** Number format per column of a block: the plan's, or `@` where a string would otherwise be converted. */
function blockFormats(block: PlanBlock): (string | null)[] {
  const cols = block.values[0]?.length ?? 0;
  const out: (string | null)[] = [];
  for (let c = 0; c < cols; c++) {
    let fmt = block.columnFormats?.[c] ?? null;
    if (fmt === null) {
      for (const row of block.values) {
        const v = row[c];
        if (typeof v === 'string' && CONVERTIBLE.test(v) && v !== '..' && v !== '.') { fmt = '@'; break; }
      }
    }
    out.push(fmt);
  }
  return out;
}

async function writeBlock(batch: Batch, ws: Excel.Worksheet, block: PlanBlock, writeLimit: number): Promise<void> {
  const rows = block.values.length;
  const cols = block.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  const formats = blockFormats(block);
  // Runs of adjacent columns sharing one format become one numberFormat write per chunk.
  const runs: { col: number; cols: number; fmt: string }[] = [];
  formats.forEach((fmt, c) => {
    if (fmt === null) return;
    const last = runs[runs.length - 1];
    if (last && last.fmt === fmt && last.col + last.cols === c) last.cols++;
    else runs.push({ col: c, cols: 1, fmt });
  });
  // JSON of one row of a run: ["0.0%","0.0%"], → each format + quotes and comma, brackets.
  const runRowBytes = (r: { cols: number; fmt: string }) => r.cols * (r.fmt.length + 3) + 2;
  const fmtRowBytes = runs.reduce((n, r) => n + runRowBytes(r), 0);
  let start = 0;
  while (start < rows) {
    // Cut the chunk where its payload reaches the write limit (at least one row).
    let bytes = 0;
    let end = start;
    while (end < rows) {
      let rb = 2 + fmtRowBytes;
      const row = block.values[end];
      for (let c = 0; c < cols; c++) rb += cellBytes(row[c]);
      if (end > start && bytes + rb > writeLimit) break;
      bytes += rb;
      end++;
    }
    const n = end - start;
    for (const run of runs) {
      await batch.reserve(n * runRowBytes(run));
      const fmtRow = new Array<string>(run.cols).fill(run.fmt);
      ws.getRangeByIndexes(block.row + start, block.col + run.col, n, run.cols).numberFormat = Array.from({ length: n }, () => fmtRow);
    }
    await batch.reserve(bytes - n * fmtRowBytes);
    ws.getRangeByIndexes(block.row + start, block.col, n, cols).values = block.values.slice(start, end) as unknown[][];
    start = end;
  }
}

function ruleOf(cf: PlanConditionalFormat): { formula1: string; operator: string } {
  const w = cf.when;
  if ('equals' in w) {
    const v = typeof w.equals === 'number' ? String(w.equals) : `="${w.equals.replace(/"/g, '""')}"`;
    return { formula1: v, operator: 'EqualTo' };
  }
  if ('greaterOrEqual' in w) return { formula1: String(w.greaterOrEqual), operator: 'GreaterThanOrEqual' };
  return { formula1: String(w.lessThan), operator: 'LessThan' };
}

async function addChart(batch: Batch, ws: Excel.Worksheet, c: PlanChart): Promise<void> {
  await batch.reserve(400 + c.title.length);
  const chart = ws.charts.add(CHART_TYPES[c.type] as Excel.ChartType, rangeOf(ws, c.data), c.seriesBy === 'rows' ? 'Rows' : 'Columns');
  chart.name = c.id;
  chart.title.text = c.title;
  chart.setPosition(ws.getRangeByIndexes(c.anchor.row, c.anchor.col, 1, 1));
  chart.width = Math.round(c.anchor.width * 0.75);
  chart.height = Math.round(c.anchor.height * 0.75);
  if (c.type !== 'pie') {
    if (c.yAxisTitle) chart.axes.valueAxis.title.text = c.yAxisTitle;
    if (c.percentAxis) {
      chart.axes.valueAxis.numberFormat = '0%';
      chart.axes.valueAxis.minimum = 0;
      if (c.type !== 'percentStackedBar') chart.axes.valueAxis.maximum = 1;
    }
  }
}

async function writeSheet(
  batch: Batch,
  ws: Excel.Worksheet,
  sheet: SheetPlan,
  takenTables: Set<string>,
  writeLimit: number,
): Promise<void> {
  await batch.reserve(100 + sheet.key.length);
  ws.customProperties.add(MARKER_KEY, sheet.key);
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  for (const block of sheet.blocks) await writeBlock(batch, ws, block, writeLimit);
  for (const block of sheet.blocks) {
    for (const s of block.styles ?? []) await applyStyle(batch, ws, block, s);
    if (block.table && block.values.length > 0) {
      await batch.reserve(200);
      const rows = block.values.length;
      const cols = block.values[0].length;
      const table = ws.tables.add(ws.getRangeByIndexes(block.row, block.col, rows, cols), true);
      const name = uniqueName(block.table.name.replace(/[^\p{L}\p{N}_]/gu, '_').replace(/^(?=\d)/, '_'), takenTables).replace(/ \((\d+)\)$/, '_$1');
      takenTables.add(name.toLowerCase());
      table.name = name;
      if (block.table.style) table.style = block.table.style;
    }
  }
  for (const [i, w] of (sheet.columnWidths ?? []).entries()) {
    await batch.reserve(60);
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthToPoints(w);
  }
  const fr = sheet.frozenRows ?? 0;
  const fc = sheet.frozenColumns ?? 0;
  if (fr > 0 || fc > 0) {
    await batch.reserve(80);
    if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, fr, fc));
    else if (fr > 0) ws.freezePanes.freezeRows(fr);
    else ws.freezePanes.freezeColumns(fc);
  }
  for (const cf of sheet.conditionalFormats ?? []) {
    await batch.reserve(250);
    const f = rangeOf(ws, cf.range).conditionalFormats.add('CellValue');
    f.cellValue.format.fill.color = cf.fill;
    if (cf.fontColor) f.cellValue.format.font.color = cf.fontColor;
    f.cellValue.rule = ruleOf(cf) as Excel.ConditionalCellValueRule;
  }
  for (const c of sheet.charts ?? []) await addChart(batch, ws, c);
  // Rows with wrapped text as tall as their lines (Excel does not grow rows for text written by code):
  // one call per run of adjacent rows of one height.
  const heights = [...(sheet.rowHeights ?? [])].sort((a, b) => a.row - b.row);
  for (let i = 0; i < heights.length;) {
    let j = i + 1;
    while (j < heights.length && heights[j].row === heights[j - 1].row + 1 && heights[j].points === heights[i].points) j++;
    await batch.reserve(60);
    ws.getRangeByIndexes(heights[i].row, 0, j - i, 1).format.rowHeight = heights[i].points;
    i = j;
  }
  if (sheet.print) await applyPrint(batch, ws, sheet.print);
}

/**
 * How the sheet prints (ExcelApi 1.9 PageLayout, page breaks): A4, orientation, scale or one page wide, margins
 * (inches → points), print area, title rows on every page and the plan's page breaks between blocks.
 */
async function applyPrint(batch: Batch, ws: Excel.Worksheet, p: NonNullable<SheetPlan['print']>): Promise<void> {
  await batch.reserve(400);
  const layout = ws.pageLayout;
  layout.paperSize = 'A4' as Excel.PaperType;
  layout.orientation = (p.orientation === 'portrait' ? 'Portrait' : 'Landscape') as Excel.PageOrientation;
  layout.zoom = p.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: p.scale ?? 100 };
  if (p.margins) {
    layout.topMargin = p.margins.top * 72;
    layout.bottomMargin = p.margins.bottom * 72;
    layout.leftMargin = p.margins.left * 72;
    layout.rightMargin = p.margins.right * 72;
    layout.headerMargin = p.margins.header * 72;
    layout.footerMargin = p.margins.footer * 72;
  }
  if (p.area) layout.setPrintArea(rangeOf(ws, p.area));
  if (p.repeatRows) layout.setPrintTitleRows(`$${p.repeatRows.from + 1}:$${p.repeatRows.to + 1}`);
  // A sheet regenerated in place must not keep the breaks of its last layout.
  ws.horizontalPageBreaks.removePageBreaks();
  for (const r of p.rowBreaks ?? []) {
    await batch.reserve(60);
    ws.horizontalPageBreaks.add(`A${r + 1}`);
  }
}

/**
 * Writes a plan's sheets into the workbook. Sheets Skolanalys made before (marked with the
 * custom property `skolanalys` = plan sheet key) are replaced under their current name and at
 * their place; no other sheet is read beyond its name, or written. A wanted name held by a user's
 * sheet gets a ` (2)` suffix instead.
 */
export async function applyPlanExcel(
  context: Excel.RequestContext,
  plan: ReportPlan,
  onProgress?: (p: ApplyProgress) => void,
  options: ExcelApplyOptions = {},
): Promise<ExcelApplyResult> {
  const batch = new Batch(context, options.syncByteLimit ?? SYNC_BYTE_LIMIT);
  const writeLimit = options.writeByteLimit ?? WRITE_BYTE_LIMIT;
  const total = plan.sheets.length;
  onProgress?.({ done: 0, total });

  // Read 1: the sheets and the workbook's table names.
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/position');
  const tables = context.workbook.tables;
  tables.load('items/name');
  await batch.flush();

  // Read 2: each sheet's marker and, for marked sheets, their tables (they go away with them).
  const existing = sheets.items.map((ws) => {
    const marker = ws.customProperties.getItemOrNullObject(MARKER_KEY);
    marker.load('value');
    const t = ws.tables;
    t.load('items/name');
    return { ws, name: ws.name, position: ws.position, marker, tables: t };
  });
  await batch.flush();

  // Create-once sheets the workbook has (the school's Närvaroplan, Mål) are not written again.
  const toWrite = sheetsToWrite(plan, existing.map((e) => ({ name: e.name, key: e.marker.isNullObject ? null : String(e.marker.value) })));
  const wantedKeys = new Set(toWrite.map((s) => s.key));
  const replaced = existing.filter((e) => !e.marker.isNullObject && wantedKeys.has(String(e.marker.value)));
  const replacedSet = new Set(replaced);
  const taken = new Set(existing.filter((e) => !replacedSet.has(e)).map((e) => e.name.toLowerCase()));
  const takenTables = new Set(tables.items.map((t) => t.name.toLowerCase()));
  for (const e of replaced) for (const t of e.tables.items) takenTables.delete(t.name.toLowerCase());

  // Old versions step aside (temporary names) so the new sheets can take their names.
  for (const [i, e] of replaced.entries()) {
    await batch.reserve(80);
    let tmp = `~skolanalys ${i + 1}`;
    while (taken.has(tmp.toLowerCase())) tmp += '~';
    taken.add(tmp.toLowerCase());
    e.ws.name = tmp;
  }
  const created: { ws: Excel.Worksheet; plan: SheetPlan; name: string; position?: number }[] = [];
  for (const sp of toWrite) {
    await batch.reserve(100 + sp.name.length);
    // A sheet the plan replaces keeps its current name (renamed by the user, or made in another
    // language): the marker, not the name, says which sheet it is.
    const old = replaced.find((e) => String(e.marker.value) === sp.key);
    const name = uniqueName(old ? old.name : sp.name, taken);
    taken.add(name.toLowerCase());
    const ws = sheets.add(name);
    created.push({ ws, plan: sp, name, position: old?.position });
  }
  for (const e of replaced) {
    await batch.reserve(40);
    e.ws.delete();
  }
  // Once the old versions are gone, each new one takes its old place, lowest first: the order is
  // then as before, also around sheets that stay (the user's, or a create-once Närvaroplan).
  for (const c of [...created].filter((x) => x.position !== undefined).sort((a, b) => a.position! - b.position!)) {
    await batch.reserve(40);
    c.ws.position = c.position!;
  }
  for (const [i, c] of created.entries()) {
    await writeSheet(batch, c.ws, c.plan, takenTables, writeLimit);
    onProgress?.({ done: i + 1, total: created.length, sheet: c.name });
  }
  if (created.length > 0) created[0].ws.activate();
  await batch.flush();
  return { sheets: created.map((c) => c.name), syncs: batch.syncs, bytes: batch.total };
}
