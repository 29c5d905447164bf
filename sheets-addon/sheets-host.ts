/**
 * Host for the Sheets sidebar: every call goes to the server through google.script.run (the
 * callbacks that build.mjs generates, `skolanalys*`), wrapped in promises.
 */
import type { SheetData } from '../core/app';
import type { ReportPlan } from '../core/report/plan';
import type { Settings } from '../core/types';
import type { ApplyProgress, ApplyResult, Host, InsertResult, SheetInfo } from '../ui/host';
import { fromWire, type WireCell } from './wire';

/** The part of `google.script.run` used here. */
export interface ScriptRun {
  withSuccessHandler(f: (value: any) => void): ScriptRun;
  withFailureHandler(f: (error: any) => void): ScriptRun;
  [callback: string]: any;
}

declare const google: { script: { run: ScriptRun } };

function defaultRun(): ScriptRun {
  return google.script.run;
}

export class SheetsHost implements Host {
  readonly kind = 'sheets' as const;
  constructor(private readonly run: () => ScriptRun = defaultRun) {}

  private call<T>(name: string, ...args: unknown[]): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const r = this.run()
        .withSuccessHandler((v: T) => resolve(v))
        .withFailureHandler((e: unknown) => reject(e instanceof Error ? e : new Error(String((e as { message?: string })?.message ?? e))));
      r[name](...args);
    });
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.call('skolanalysListSheets');
  }

  async read(source: { sheet?: string; selection?: boolean }): Promise<SheetData> {
    const d = await this.call<{ sheet: string; values: WireCell[][]; origin: { row: number; col: number } }>('skolanalysRead', source);
    return { sheet: d.sheet, values: d.values.map((r) => r.map(fromWire)), origin: d.origin };
  }

  async applyPlan(plan: ReportPlan, onProgress?: (p: ApplyProgress) => void): Promise<ApplyResult> {
    // One server call writes everything; progress can only say "started" and "done".
    onProgress?.({ done: 0, total: plan.sheets.length });
    const r = await this.call<ApplyResult>('skolanalysApplyPlan', plan);
    onProgress?.({ done: plan.sheets.length, total: plan.sheets.length });
    return r;
  }

  async selectCell(address: string): Promise<void> {
    await this.call('skolanalysSelectCell', address);
  }

  /** One argument crosses google.script.run, so formula and cell travel as one object. */
  insertFormula(formula: string, cell?: string): Promise<InsertResult> {
    return this.call('skolanalysInsertFormula', cell === undefined ? { formula } : { formula, cell });
  }

  loadSettings(): Promise<Partial<Settings> | null> {
    return this.call('skolanalysLoadSettings');
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.call('skolanalysSaveSettings', settings);
  }
}
