/**
 * A Host over an in-memory workbook: the playground runs the panel on it, and tests use it to see
 * exactly what the panel asked for. It applies plans like the real hosts do (a sheet made by
 * Skolanalys is found by its marker and replaced; a user's sheet is never overwritten) and records
 * every call.
 */
import { sheetsToWrite } from '../core/report/create-once';
import { planSheetValues } from '../core/report/plan-values';

export { planSheetValues };
import type { SheetData } from '../core/app';
import type { ReportPlan, SheetPlan } from '../core/report/plan';
import type { CellValue, Settings } from '../core/types';
import { cellAddress, parseAddress } from '../core/table/address';
import type { ApplyProgress, ApplyResult, Host, InsertResult, SheetInfo } from './host';
import { formulaAtRow } from './logic';

export interface MemorySheet {
  name: string;
  values: CellValue[][];
  /** The plan key of a sheet Skolanalys wrote (the marker real hosts keep in metadata). */
  generatedKey?: string;
}

export interface MemoryWorkbook {
  sheets: MemorySheet[];
}

/** A rectangle of one sheet, 0-based. */
export interface MemorySelection {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface MemoryCall {
  method: keyof Host;
  args: unknown[];
}

/** Dates travel as `{ $date: iso }` in the playground's workbook JSON (ui/build.mjs); turns them back in place. */
export function reviveWorkbook(wb: MemoryWorkbook): MemoryWorkbook {
  for (const s of wb.sheets) {
    for (const row of s.values) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c] as unknown;
        if (v && typeof v === 'object' && '$date' in v) row[c] = new Date((v as { $date: string }).$date);
      }
    }
  }
  return wb;
}

export class MemoryHost implements Host {
  readonly kind: Host['kind'];
  readonly workbook: MemoryWorkbook;
  /** Every call in order, with its arguments. */
  readonly calls: MemoryCall[] = [];
  readonly appliedPlans: ReportPlan[] = [];
  /** Addresses passed to selectCell, in order. */
  readonly selected: string[] = [];
  /** Formulas insertFormula wrote (after moving them to their row), in order. */
  readonly inserted: string[] = [];
  activeSheet: string | null;
  selection: MemorySelection | null = null;
  settings: Settings | null = null;
  /** Milliseconds each applyPlan sheet takes, so the playground can show progress. */
  delayMs = 0;

  /** URLs passed to fetchText, in order. */
  readonly fetched: string[] = [];
  /** Like ExcelHost; none when playing Sheets, which does not go to the network (docs/decisions.md). */
  readonly fetchText?: (url: string) => Promise<{ status: number; text: string }>;

  constructor(workbook: MemoryWorkbook, options: { kind?: Host['kind']; settings?: Settings | null } = {}) {
    this.workbook = workbook;
    this.kind = options.kind ?? 'memory';
    this.settings = options.settings ?? null;
    this.activeSheet = workbook.sheets[0]?.name ?? null;
    if (this.kind !== 'sheets') {
      this.fetchText = async (url) => {
        this.record('fetchText', url);
        this.fetched.push(url);
        const res = await fetch(url, { method: 'GET', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', headers: { accept: 'application/json' } });
        return { status: res.status, text: await res.text() };
      };
    }
  }

  private record(method: keyof Host, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  private sheet(name: string): MemorySheet {
    const s = this.workbook.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`Bladet ${name} finns inte / no sheet ${name}`);
    return s;
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.record('listSheets');
    return this.workbook.sheets.map((s) => (s.generatedKey !== undefined ? { name: s.name, generated: true, key: s.generatedKey } : { name: s.name, generated: false }));
  }

  async read(source: { sheet?: string; selection?: boolean }): Promise<SheetData> {
    this.record('read', source);
    if (source.selection) {
      const sel = this.selection;
      if (!sel) throw new Error('Ingen markering / nothing selected');
      const values = this.sheet(sel.sheet).values;
      const rect: CellValue[][] = [];
      for (let r = 0; r < sel.rows; r++) {
        const row = values[sel.row + r] ?? [];
        rect.push(Array.from({ length: sel.cols }, (_, c) => row[sel.col + c] ?? null));
      }
      return { sheet: sel.sheet, values: rect, origin: { row: sel.row, col: sel.col } };
    }
    const name = source.sheet ?? this.activeSheet;
    if (!name) throw new Error('Arbetsboken är tom / the workbook is empty');
    // A copy: the caller may keep it while the workbook changes.
    return { sheet: name, values: this.sheet(name).values.map((r) => [...r]), origin: { row: 0, col: 0 } };
  }

  async applyPlan(plan: ReportPlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult> {
    this.record('applyPlan', plan);
    this.appliedPlans.push(plan);
    const written: string[] = [];
    // Create-once sheets the workbook has (the school's Närvaroplan, Mål) are not written again.
    const sheets = sheetsToWrite(plan, this.workbook.sheets.map((x) => ({ name: x.name, key: x.generatedKey ?? null })));
    const total = sheets.length;
    for (let i = 0; i < total; i++) {
      const sp = sheets[i];
      onProgress?.({ done: i, total, sheet: sp.name });
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      const values = planSheetValues(sp);
      const own = this.workbook.sheets.find((s) => s.generatedKey === sp.key);
      if (own) {
        // Replaced by marker, under its current name: a rename by the user or a change of
        // language does not move it (the marker, not the name, says what it is).
        own.values = values;
        written.push(own.name);
      } else {
        const name = this.freeName(sp.name);
        this.workbook.sheets.push({ name, values, generatedKey: sp.key });
        written.push(name);
      }
    }
    onProgress?.({ done: total, total });
    return { sheets: written };
  }

  /** `Nämndrapport`, or `Nämndrapport (2)` when a user's sheet already has the name. */
  private freeName(name: string): string {
    const taken = new Set(this.workbook.sheets.map((s) => s.name));
    if (!taken.has(name)) return name;
    for (let n = 2; ; n++) {
      const suffix = ` (${n})`;
      const candidate = name.slice(0, 31 - suffix.length) + suffix;
      if (!taken.has(candidate)) return candidate;
    }
  }

  async selectCell(address: string): Promise<void> {
    this.record('selectCell', address);
    const a = parseAddress(address);
    if (!a) throw new Error(`Ogiltig adress / invalid address ${address}`);
    const sheet = a.sheet ?? this.activeSheet;
    if (!sheet) throw new Error(`Ogiltig adress / invalid address ${address}`);
    this.sheet(sheet);
    this.selected.push(address);
    this.activeSheet = sheet;
    this.selection = { sheet, row: a.row, col: a.col, rows: 1, cols: 1 };
  }

  async insertFormula(formula: string, cell?: string): Promise<InsertResult> {
    this.record('insertFormula', formula, ...(cell ? [cell] : []));
    let target: { sheet: string; row: number; col: number } | null = null;
    if (cell) {
      const a = parseAddress(cell);
      const sheet = a?.sheet ?? this.activeSheet;
      if (!a || !sheet) throw new Error(`Ogiltig adress / invalid address ${cell}`);
      target = { sheet, row: a.row, col: a.col };
    } else if (this.selection) {
      target = { sheet: this.selection.sheet, row: this.selection.row, col: this.selection.col };
    }
    if (!target) throw new Error('Ingen markerad cell / no cell selected');
    const values = this.sheet(target.sheet).values;
    const address = cellAddress(target.sheet, target.row, target.col);
    const current = values[target.row]?.[target.col];
    if (current !== null && current !== undefined && current !== '') {
      // The first column after the sheet's used range is empty on every row.
      const width = Math.max(0, ...values.map((r) => r.length));
      return { written: false, cell: address, next: cellAddress(target.sheet, target.row, width) };
    }
    const written = formulaAtRow(formula, target.row + 1);
    while (values.length <= target.row) values.push([]);
    const row = values[target.row];
    while (row.length < target.col) row.push(null);
    row[target.col] = written;
    this.inserted.push(written);
    return { written: true, cell: address, formula: written };
  }

  async loadSettings(): Promise<Partial<Settings> | null> {
    this.record('loadSettings');
    return this.settings ? structuredClone(this.settings) : null;
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.record('saveSettings', settings);
    this.settings = structuredClone(settings);
  }
}
