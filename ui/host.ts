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
}

export interface ApplyProgress {
  done: number;
  total: number;
  /** Sheet being written. */
  sheet?: string;
}

export interface ApplyResult {
  /** Names of the sheets written. */
  sheets: string[];
}

export interface Host {
  readonly kind: 'excel' | 'sheets' | 'memory';
  listSheets(): Promise<SheetInfo[]>;
  /** The used range of a sheet (the active one when `sheet` is omitted), or the current selection. */
  read(source: { sheet?: string; selection?: boolean }): Promise<SheetData>;
  /** Writes the plan's sheets, replacing only sheets Skolanalys made before. */
  applyPlan(plan: ReportPlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult>;
  /** Activates a sheet and selects a cell, e.g. `Betyg!F12`. */
  selectCell(address: string): Promise<void>;
  /** Writes a formula into the active cell (function catalogue's insert button). */
  insertFormula(formula: string): Promise<void>;
  loadSettings(): Promise<Partial<Settings> | null>;
  saveSettings(settings: Settings): Promise<void>;
}
