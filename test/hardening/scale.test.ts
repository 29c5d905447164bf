/**
 * Scale: a 50 000-pupil, 5-school workbook through every report action on every host executor
 * fake. Only host limits are asserted here (bytes per request, call counts); timings are in
 * bench/scale.bench.ts. The Sheets side runs the BUILT Code.js in a vm (the global setup builds it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, REPORT_KINDS } from '../../core/app';
import type { ReportPlan } from '../../core/report/plan';
import { DEFAULT_SETTINGS } from '../../core/types';
import { applyPlanExcel } from '../../excel-addin/executor';
import { FakeExcel } from '../../excel-addin/testing/fake-excel';
import { FakeSpreadsheet } from '../../sheets-addon/testing/fake-gas';
import { loadBundle } from '../../sheets-addon/testing/load-bundle';
import { MemoryHost } from '../../ui/memory-host';
import { scaleGrid } from './scale-data';
import { privacyViolations } from './scan';

const NOW = new Date('2026-06-15T10:00:00Z');
/** Excel on the web rejects a request of about 5 MB. */
const EXCEL_REQUEST_LIMIT = 5_000_000;
const BIG = 50_000;

const grids = new Map<number, ReturnType<typeof scaleGrid>>();
const plans = new Map<number, ReportPlan>();

beforeAll(() => {
  for (const n of [50, 5_000, BIG]) {
    const values = scaleGrid(n);
    grids.set(n, values);
    plans.set(n, buildReport({ grades: { sheet: 'Betyg', values } }, REPORT_KINDS, DEFAULT_SETTINGS, NOW).plan);
  }
}, 240_000);

async function excel(n: number) {
  // A request limit on the fake: a sync over it fails like Excel on the web.
  const fx = new FakeExcel(EXCEL_REQUEST_LIMIT);
  fx.addSheet('Betyg', grids.get(n)!.slice(0, 3) as unknown[][]);
  const r = await applyPlanExcel(fx.context as unknown as Excel.RequestContext, plans.get(n)!);
  return { fx, r };
}

describe(`scale: ${BIG} pupils in 5 schools`, () => {
  it('core reads every pupil and the board report shows all five schools, with nothing personal', () => {
    const plan = plans.get(BIG)!;
    const elev = plan.sheets.find((s) => s.key === 'elevlista')!;
    const rows = elev.blocks.reduce((n, b) => Math.max(n, b.values.length), 0);
    // Header + one row per pupil.
    expect(rows).toBe(BIG + 1);
    const nr = plan.sheets.find((s) => s.key === 'namndrapport')!;
    const schools = nr.blocks.find((b) => b.id === 'schools')!;
    expect(schools.values.slice(1).map((r) => r[1])).toEqual([10_000, 10_000, 10_000, 10_000, 10_000]);
    expect(privacyViolations(plan, [], DEFAULT_SETTINGS.suppressionThreshold)).toEqual([]);
  });

  it('Excel: every sync under the 5 MB request limit; syncs the same for 50 and 5 000 pupils and bounded by bytes at 50 000', async () => {
    const small = await excel(50);
    const mid = await excel(5_000);
    const big = await excel(BIG);
    for (const { fx } of [small, mid, big]) expect(Math.max(...fx.syncBytes)).toBeLessThanOrEqual(EXCEL_REQUEST_LIMIT);
    expect(mid.fx.syncs).toBe(small.fx.syncs);
    // Two reads, then one write sync per 4 MB batch (SYNC_BYTE_LIMIT): never per row.
    expect(big.fx.syncs).toBeLessThanOrEqual(small.fx.syncs + Math.ceil(big.fx.totalBytes / 4_000_000));
    expect(big.fx.syncs).toBeLessThan(12);
    expect(big.fx.sheets.filter((s) => s.customProperties.has('skolanalys'))).toHaveLength(plans.get(BIG)!.sheets.length);
  }, 120_000);

  it('Sheets (built Code.js in a vm): the same number of service calls for 50 and 50 000 pupils', () => {
    const calls = (n: number) => {
      const ss = new FakeSpreadsheet();
      ss.add('Betyg', [['Personnummer', 'Sv']]);
      const { g } = loadBundle(ss);
      ss.calls = [];
      const r = g.skolanalysApplyPlan(plans.get(n)!);
      expect(r.sheets).toHaveLength(plans.get(n)!.sheets.length);
      // The rows really differ, or equal counts prove nothing.
      const elev = ss.byName(r.sheets[plans.get(n)!.sheets.findIndex((s) => s.key === 'elevlista')])!;
      expect(elev.getLastRowRaw()).toBeGreaterThan(n);
      return ss.calls.length;
    };
    const small = calls(50);
    expect(calls(BIG)).toBe(small);
  }, 120_000);

  it('MemoryHost: applies the 50 000-pupil plan and a second run replaces, not adds', async () => {
    const host = new MemoryHost({ sheets: [{ name: 'Betyg', values: grids.get(BIG)! }] });
    await host.applyPlan(plans.get(BIG)!);
    await host.applyPlan(plans.get(BIG)!);
    expect(host.workbook.sheets).toHaveLength(1 + plans.get(BIG)!.sheets.length);
    expect(host.workbook.sheets[0].values).toBe(grids.get(BIG));
  }, 60_000);
});
