/**
 * The only thing the panel knows about its surroundings. Excel (Office.js), Sheets
 * (google.script.run) and the in-memory playground each implement it; components never touch a
 * host API directly.
 */
import type { SheetData } from '../core/app';
import type { ReportPlan } from '../core/report/plan';
import type { Settings } from '../core/types';

export interface SheetInfo {
  name: string;
  /** Created by Skolanalys (by its marker, not its name). */
  generated: boolean;
  /** The plan sheet key in the marker of a generated sheet (`namndrapport`, …). */
  key?: string;
}

export interface ApplyProgress {
  done: number;
  total: number;
  /** Sheet being written. */
  sheet?: string;
}

export interface ApplyResult {
  /** Names of the sheets written, in the plan's order. A sheet the plan replaces keeps its current name. */
  sheets: string[];
}

/** What `insertFormula` did: wrote the formula into an empty cell, or left a filled cell alone. */
export type InsertResult =
  | { written: true; /** Sheet-qualified address, e.g. `'Betyg VT2026'!Z105`. */ cell: string; /** The formula as written (ranges moved to the cell's row). */ formula: string }
  | { written: false; /** The cell that holds something. */ cell: string; /** The first cell right of the sheet's used range on that row, or null. */ next: string | null };

export interface Host {
  readonly kind: 'excel' | 'sheets' | 'memory';
  listSheets(): Promise<SheetInfo[]>;
  /** The used range of a sheet (the active one when `sheet` is omitted), or the current selection. */
  read(source: { sheet?: string; selection?: boolean }): Promise<SheetData>;
  /**
   * Writes the plan's sheets, replacing only sheets Skolanalys made before (found by their marker);
   * a replaced sheet keeps its current name, so a language change or a user's rename does not move it.
   */
  applyPlan(plan: ReportPlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult>;
  /** Activates a sheet and selects a cell, e.g. `Betyg!F12`. */
  selectCell(address: string): Promise<void>;
  /**
   * Writes a catalogue example into `cell` (default: the active cell), only when that cell is
   * empty, with the example's relative rows moved to the cell's row (`formulaAtRow`). A cell that
   * holds anything is left alone and the result names the next free cell to offer instead.
   */
  insertFormula(formula: string, cell?: string): Promise<InsertResult>;
  loadSettings(): Promise<Partial<Settings> | null>;
  /**
   * GETs a public URL without cookies or referrer and answers its status and body. The pane calls it
   * only for Kolada's open API, only after the user said yes to what is sent. Absent where the host
   * does not go to the network: Sheets would need a scope every user must grant (docs/decisions.md).
   */
  fetchText?(url: string): Promise<{ status: number; text: string }>;
  saveSettings(settings: Settings): Promise<void>;
}
