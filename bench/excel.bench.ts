/**
 * Excel executor on the recording fake: syncs, payload bytes and time for applying the demo plan
 * from buildReport (synthetic SCB grade file, every report kind) for 50 to 50 000 pupils.
 */
import { applyPlanExcel } from '../excel-addin/executor';
import { FakeExcel } from '../excel-addin/testing/fake-excel';
import { demoPlan } from '../excel-addin/testing/demo-plan';
import { median, type BenchFigure } from './types';

export async function run(): Promise<BenchFigure[]> {
  const out: BenchFigure[] = [];
  for (const pupils of [50, 5_000, 50_000]) {
    const plan = demoPlan(pupils);
    let fx = new FakeExcel();
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      fx = new FakeExcel();
      fx.addSheet('Betyg');
      const t0 = performance.now();
      await applyPlanExcel(fx.context as unknown as Excel.RequestContext, plan);
      times.push(performance.now() - t0);
    }
    const how = `demoPlan(${pupils}) (buildReport, all report kinds) applied to FakeExcel; bytes = JSON size of queued calls`;
    out.push({ name: `excel: syncs, ${pupils} pupils`, value: fx.syncs, unit: 'count', aim: pupils === 5_000 ? 'same as 50 pupils' : undefined, how });
    out.push({ name: `excel: payload, ${pupils} pupils`, value: fx.totalBytes, unit: 'bytes', how });
    out.push({ name: `excel: largest sync, ${pupils} pupils`, value: Math.max(...fx.syncBytes), unit: 'bytes', aim: '≤ 5 000 000 (Excel on the web)', how });
    out.push({ name: `excel: apply time on the fake, ${pupils} pupils`, value: Math.round(median(times)), unit: 'ms', how: `${how}; median of 3` });
  }
  return out;
}
