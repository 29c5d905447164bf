/**
 * Sheets add-on: built file sizes, and the built Code.js run in a node:vm against the recording
 * fake (sheets-addon/testing/fake-gas.ts): service calls and time to write reports, per-call time
 * of a custom function. bench/run.ts builds the bundles first.
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildReport, detect } from '../core/app';
import { DEFAULT_SETTINGS } from '../core/types';
import { FakeSpreadsheet } from '../sheets-addon/testing/fake-gas';
import { fixturePlan, gradeGrid } from '../sheets-addon/testing/fixture';
import { loadBundle } from '../sheets-addon/testing/load-bundle';
import { median, type BenchFigure } from './types';

const dist = (f: string) => fileURLToPath(new URL(`../dist/sheets-addon/${f}`, import.meta.url));
const kib = (bytes: number) => bytes / 1024;

function timed<T>(runs: number, f: () => T): { ms: number; last: T } {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), last };
}

/** Whether core's detect/buildReport are real yet (they throw while placeholders). */
function coreReady(): boolean {
  try {
    const data = { sheet: 'Betyg', values: gradeGrid(20), origin: { row: 0, col: 0 } };
    if (detect(data, { settings: DEFAULT_SETTINGS }).kind !== 'grades') return false;
    buildReport({ grades: data }, ['namndrapport'], DEFAULT_SETTINGS, new Date());
    return true;
  } catch {
    return false;
  }
}

export async function run(): Promise<BenchFigure[]> {
  const code = readFileSync(dist('Code.js'));
  const sidebar = readFileSync(dist('Sidebar.html'));
  const figures: BenchFigure[] = [
    { name: 'sheets: Code.js raw', value: kib(statSync(dist('Code.js')).size), unit: 'KiB', how: 'dist/sheets-addon/Code.js after npm run build' },
    { name: 'sheets: Code.js gzip', value: kib(gzipSync(code).length), unit: 'KiB', how: 'zlib gzip, default level' },
    { name: 'sheets: Sidebar.html raw (panel inlined)', value: kib(sidebar.length), unit: 'KiB', how: 'dist/sheets-addon/Sidebar.html' },
    { name: 'sheets: Sidebar.html gzip', value: kib(gzipSync(sidebar).length), unit: 'KiB', how: 'zlib gzip, default level' },
  ];

  // Writing a plan of 50 000 pupils (Nämndrapport + Elevlista + Åtgärdslista from core's builders).
  const plan = fixturePlan(50_000);
  let calls = 0;
  const apply = timed(3, () => {
    const ss = new FakeSpreadsheet();
    ss.add('Betyg', [['x']]);
    const { g } = loadBundle(ss);
    ss.calls = [];
    g.skolanalysApplyPlan(plan);
    calls = ss.calls.length;
  });
  figures.push(
    { name: 'sheets: service calls to write 3 report sheets, 50 000 pupils', value: calls, unit: 'count', aim: 'same as for 50 pupils', how: 'calls recorded by the fake, skolanalysApplyPlan in a vm' },
    { name: 'sheets: vm time to write 3 report sheets, 50 000 pupils', value: apply.ms, unit: 'ms', how: 'median of 3, node:vm + fake (Apps Script itself is slower)' },
  );

  // One custom function call (the per-cell cost Sheets pays on recompute).
  const grid = gradeGrid(10_000);
  const header = [grid[0].slice(4)];
  const { g } = loadBundle(new FakeSpreadsheet());
  const perCall = timed(3, () => {
    for (const row of grid.slice(1)) g.SKOLA_MERITVARDE([row.slice(4)], header);
  });
  figures.push({ name: 'sheets: SKOLA_MERITVARDE per call', value: (perCall.ms * 1000) / 10_000, unit: 'µs', aim: '≪ 30 s per call', how: '10 000 calls, median of 3, node:vm' });

  if (coreReady()) {
    // The menu path end to end: read the sheets, detect, buildReport, write.
    const big = gradeGrid(50_000);
    let menuCalls = 0;
    const menu = timed(3, () => {
      const ss = new FakeSpreadsheet();
      ss.add('Betyg', big);
      const bundle = loadBundle(ss);
      ss.calls = [];
      bundle.g.skolanalysCreateNamndrapport();
      if (bundle.ui.alerts.length) throw new Error(bundle.ui.alerts[0]);
      menuCalls = ss.calls.length;
    });
    figures.push(
      { name: 'sheets: service calls, menu Nämndrapport, 50 000 pupils', value: menuCalls, unit: 'count', how: 'read + detect + buildReport + write, recorded by the fake' },
      { name: 'sheets: vm time, menu Nämndrapport, 50 000 pupils', value: menu.ms, unit: 'ms', aim: '≤ 6 min per Apps Script run', how: 'median of 3, node:vm + fake' },
    );
  }
  return figures;
}
