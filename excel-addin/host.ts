/**
 * ExcelHost: the panel's `Host` over Office.js. The only file of the pane that touches `Excel`
 * or `Office`; everything it does goes through `Excel.run` and `Office.context.document.settings`,
 * both injectable so tests run it against the recording fake.
 */
import type { ApplyProgress, ApplyResult, Host, InsertResult, SheetInfo } from '../ui/host';
import type { SheetData } from '../core/app';
import type { ReportPlan } from '../core/report/plan';
import type { Settings } from '../core/types';
import { cellAddress, parseAddress } from '../core/table/address';
import { formulaAtRow } from '../ui/logic';
import { applyPlanExcel, MARKER_KEY } from './executor';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The parts of `Office.Settings` used here. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export const SETTINGS_KEY = 'skolanalys.settings';
/** Cells per read request: big used ranges are read in row bands (Excel fails on ~5 M cells). */
export const READ_CHUNK_CELLS = 500_000;

/**
 * Formula text as the catalogue writes it (Swedish: `;` between arguments, decimal comma) →
 * Excel's invariant form for `range.formulas`, so inserting works in any Excel language.
 * @example toInvariantFormula('=SKOLA.FRANVARONIVA(0,12; "x;y")') // '=SKOLA.FRANVARONIVA(0.12, "x;y")'
 */
export function toInvariantFormula(formula: string): string {
  let out = '';
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    if (!inString && ch === ',') out += '.';
    else if (!inString && ch === ';') out += ',';
    else out += ch;
  }
  return out;
}

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  private readonly run: ExcelRun;
  private readonly settings: () => SettingsStore;
  private readonly fetcher: typeof fetch;

  constructor(deps: { run?: ExcelRun; settings?: SettingsStore; fetch?: typeof fetch } = {}) {
    this.run = deps.run ?? ((batch) => Excel.run(batch));
    this.settings = () => deps.settings ?? (Office.context.document.settings as unknown as SettingsStore);
    this.fetcher = deps.fetch ?? ((input, init) => fetch(input, init));
  }

  /** The pane's own fetch (Kolada answers cross-origin GETs); no cookie, no referrer, only GET. */
  async fetchText(url: string): Promise<{ status: number; text: string }> {
    const res = await this.fetcher(url, { method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', headers: { accept: 'application/json' } });
    return { status: res.status, text: await res.text() };
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await ctx.sync();
      const markers = sheets.items.map((ws) => {
        const m = ws.customProperties.getItemOrNullObject(MARKER_KEY);
        m.load('value');
        return { name: ws.name, m };
      });
      await ctx.sync();
      return markers.map(({ name, m }) => (m.isNullObject ? { name, generated: false } : { name, generated: true, key: String(m.value) }));
    });
  }

  read(source: { sheet?: string; selection?: boolean }): Promise<SheetData> {
    return this.run(async (ctx) => {
      const range = source.selection
        ? ctx.workbook.getSelectedRange()
        : (source.sheet ? ctx.workbook.worksheets.getItem(source.sheet) : ctx.workbook.worksheets.getActiveWorksheet()).getUsedRange(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      const ws = range.worksheet;
      ws.load('name');
      await ctx.sync();
      const { rowIndex, columnIndex, rowCount, columnCount } = range;
      const band = Math.max(1, Math.floor(READ_CHUNK_CELLS / Math.max(1, columnCount)));
      const parts: Excel.Range[] = [];
      for (let r = 0; r < rowCount; r += band) {
        const part = ws.getRangeByIndexes(rowIndex + r, columnIndex, Math.min(band, rowCount - r), columnCount);
        part.load('values');
        parts.push(part);
        // One request per band keeps each response under Excel's payload limit.
        await ctx.sync();
      }
      const values = parts.flatMap((p) => p.values);
      return { sheet: ws.name, values, origin: { row: rowIndex, col: columnIndex } };
    });
  }

  applyPlan(plan: ReportPlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult> {
    return this.run(async (ctx) => {
      const r = await applyPlanExcel(ctx, plan, onProgress);
      return { sheets: r.sheets };
    });
  }

  selectCell(address: string): Promise<void> {
    const a = parseAddress(address);
    if (!a) return Promise.reject(new Error(`Not a cell address: ${address}`));
    return this.run(async (ctx) => {
      const ws = a.sheet ? ctx.workbook.worksheets.getItem(a.sheet) : ctx.workbook.worksheets.getActiveWorksheet();
      ws.activate();
      ws.getRangeByIndexes(a.row, a.col, 1, 1).select();
      await ctx.sync();
    });
  }

  /**
   * Writes the example into `cell` (or the active cell) only when it is empty: no value and no
   * formula. Two syncs: one to look at the cell and the sheet's used range, one to write.
   */
  insertFormula(formula: string, cell?: string): Promise<InsertResult> {
    const a = cell === undefined ? null : parseAddress(cell);
    if (cell !== undefined && !a) return Promise.reject(new Error(`Not a cell address: ${cell}`));
    return this.run(async (ctx) => {
      const ws = a ? (a.sheet ? ctx.workbook.worksheets.getItem(a.sheet) : ctx.workbook.worksheets.getActiveWorksheet()) : null;
      const target = ws && a ? ws.getRangeByIndexes(a.row, a.col, 1, 1) : ctx.workbook.getActiveCell();
      target.load('rowIndex,columnIndex,formulas');
      const sheet = target.worksheet;
      sheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('columnIndex,columnCount');
      await ctx.sync();
      const address = cellAddress(sheet.name, target.rowIndex, target.columnIndex);
      const current = target.formulas[0]?.[0];
      if (current !== '' && current !== null && current !== undefined) {
        // The first column after the used range is empty on every row.
        const next = used.isNullObject ? null : cellAddress(sheet.name, target.rowIndex, used.columnIndex + used.columnCount);
        return { written: false, cell: address, next };
      }
      const written = formulaAtRow(formula, target.rowIndex + 1);
      target.formulas = [[toInvariantFormula(written)]];
      await ctx.sync();
      return { written: true, cell: address, formula: written };
    });
  }

  async loadSettings(): Promise<Partial<Settings> | null> {
    const v = this.settings().get(SETTINGS_KEY);
    if (v === null || v === undefined) return null;
    try {
      return (typeof v === 'string' ? JSON.parse(v) : v) as Partial<Settings>;
    } catch {
      return null;
    }
  }

  saveSettings(settings: Settings): Promise<void> {
    const store = this.settings();
    store.set(SETTINGS_KEY, JSON.stringify(settings));
    return new Promise((resolve, reject) =>
      store.saveAsync((r) => (r.status === 'failed' ? reject(new Error(r.error?.message ?? 'saveAsync failed')) : resolve())),
    );
  }
}
