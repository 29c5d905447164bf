/**
 * Scale (hardening): a 50 000-pupil, 5-school workbook through core and every host executor fake.
 * Times here; the host limits (bytes per sync, call counts) are asserted in test/hardening/scale.test.ts.
 * The Sheets menu action runs the whole pipeline (read, detect, buildReport, apply) inside the
 * built Code.js in a vm, as Apps Script would, against its 6-minute limit.
 */
import { buildReport, REPORT_KINDS } from '../core/app';
import { DEFAULT_SETTINGS } from '../core/types';
import { applyPlanExcel } from '../excel-addin/executor';
import { FakeExcel } from '../excel-addin/testing/fake-excel';
import { FakeSpreadsheet } from '../sheets-addon/testing/fake-gas';
import { loadBundle } from '../sheets-addon/testing/load-bundle';
import { MemoryHost } from '../ui/memory-host';
import { scaleGrid } from '../test/hardening/scale-data';
import { median, type BenchFigure } from './types';

const NOW = new Date('2026-06-15T10:00:00Z');
const N = 50_000;

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

export async function run(): Promise<BenchFigure[]> {
  const out: BenchFigure[] = [];
  const values = scaleGrid(N);
  const how = `${N} pupils, 5 schools, wide sheet (test/hardening/scale-data.ts)`;

  const builds: number[] = [];
  let plan = buildReport({ grades: { sheet: 'Betyg', values } }, REPORT_KINDS, DEFAULT_SETTINGS, NOW).plan;
  for (let i = 0; i < 3; i++) {
    const [p, ms] = time(() => buildReport({ grades: { sheet: 'Betyg', values } }, REPORT_KINDS, DEFAULT_SETTINGS, NOW).plan);
    plan = p;
    builds.push(ms);
  }
  out.push({ name: `scale: core buildReport, all report kinds, ${N} pupils`, value: Math.round(median(builds)), unit: 'ms', how: `${how}; median of 3` });
  out.push({ name: `scale: plan JSON size, ${N} pupils`, value: Math.round(JSON.stringify(plan).length / 1e6 * 10) / 10, unit: 'MB', how });

  const fx = new FakeExcel(5_000_000);
  fx.addSheet('Betyg', values.slice(0, 3) as unknown[][]);
  const t0 = performance.now();
  await applyPlanExcel(fx.context as unknown as Excel.RequestContext, plan);
  out.push({ name: `scale: Excel apply on the fake, ${N} pupils`, value: Math.round(performance.now() - t0), unit: 'ms', how });
  out.push({ name: `scale: Excel syncs, ${N} pupils`, value: fx.syncs, unit: 'count', aim: 'constant in rows; grows only per 4 MB batch', how });
  out.push({ name: `scale: Excel largest sync, ${N} pupils`, value: Math.max(...fx.syncBytes), unit: 'bytes', aim: '≤ 5 000 000', how });

  // Sheets: the apply step alone, and the whole menu action in the vm.
  {
    const ss = new FakeSpreadsheet();
    ss.add('Betyg', [['Personnummer']]);
    const { g } = loadBundle(ss);
    ss.calls = [];
    const [, ms] = time(() => g.skolanalysApplyPlan(plan));
    out.push({ name: `scale: Sheets apply in the vm, ${N} pupils`, value: Math.round(ms), unit: 'ms', aim: 'far below 360 000 (Apps Script limit)', how });
    out.push({ name: `scale: Sheets service calls (apply), ${N} pupils`, value: ss.calls.length, unit: 'count', aim: 'same as 50 pupils', how });
  }
  for (const [fn, label] of [['skolanalysCreateNamndrapport', 'Nämndrapport'], ['skolanalysCreateElevlista', 'Elevlista'], ['skolanalysCreateAtgardslista', 'Åtgärdslista']] as const) {
    const ss = new FakeSpreadsheet();
    ss.add('Betyg', values.map((r) => r.map((v) => (v ?? '') as string)));
    const { g } = loadBundle(ss);
    ss.calls = [];
    const [, ms] = time(() => g[fn]());
    out.push({ name: `scale: Sheets menu "${label}" (read + core + apply in the vm), ${N} pupils`, value: Math.round(ms), unit: 'ms', aim: 'far below 360 000 (Apps Script limit)', how });
    out.push({ name: `scale: Sheets service calls, menu "${label}", ${N} pupils`, value: ss.calls.length, unit: 'count', how });
  }

  const host = new MemoryHost({ sheets: [{ name: 'Betyg', values }] });
  const t1 = performance.now();
  await host.applyPlan(plan);
  const ms = performance.now() - t1;
  out.push({ name: `scale: MemoryHost apply, ${N} pupils`, value: Math.round(ms), unit: 'ms', how });
  return out;
}
