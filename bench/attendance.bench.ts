/**
 * Attendance bench: 1 000 000 lesson rows, already parsed to a grid of strings (as a CSV reader
 * delivers them), aggregated by `readAttendance`; the närvaroplan's ladder evaluated over them; and
 * the whole CLI run `attendance --json` (which evaluates the ladder) on the same rows as a file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultAttendancePlan, evaluateLadder, readAttendance } from '../core/attendance';
import { luhnCheckDigit } from '../core/personnummer';
import { median, type BenchFigure } from './types';

const STATUSES = ['Närvarande', 'Närvarande', 'Närvarande', 'Närvarande', 'Närvarande', 'Närvarande', 'Närvarande', 'Närvarande', 'Giltig frånvaro', 'Ogiltig frånvaro', 'Sen ankomst', 'Ej rapporterad'];

/**
 * `pupils × days × 5` lesson rows over school days from Mon 2026-01-12 (weekends skipped), in export
 * order by pupil (each pupil's lessons together) or by date (all pupils' lessons of a day, pupils
 * interleaved: no run of one pupil to exploit). Rows are built in file order, as a parser would.
 */
export function lessonGrid(pupils: number, days: number, order: 'pupil' | 'date' = 'pupil'): string[][] {
  const dates: string[] = [];
  for (let day = Date.UTC(2026, 0, 12); dates.length < days; day += 86_400_000) {
    const wd = new Date(day).getUTCDay();
    if (wd !== 0 && wd !== 6) dates.push(new Date(day).toISOString().slice(0, 10));
  }
  const ids: string[] = [];
  for (let p = 0; p < pupils; p++) {
    // Born 2010-01-01 … 2010-12-28, serial 000–999: real dates, valid check digits.
    const nine = `10${String(1 + (p % 12)).padStart(2, '0')}${String(1 + (Math.floor(p / 12) % 28)).padStart(2, '0')}${String(Math.floor(p / 336)).padStart(3, '0')}`;
    ids.push(`20${nine}${luhnCheckDigit(nine)}`);
  }
  const grid: string[][] = [['Personnummer', 'Klass', 'Datum', 'Starttid', 'Minuter', 'Status', 'Sen min']];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const push = (p: number, date: string) => {
    for (const [start, min] of LESSONS) {
      const s = STATUSES[Math.floor(rnd() * STATUSES.length)];
      // Fresh strings per row, as a CSV parser makes them.
      grid.push([fresh(ids[p]), `9${'ABCD'[p % 4]}`, fresh(date), start, min, s, s === 'Sen ankomst' ? String(1 + Math.floor(rnd() * 20)) : '']);
    }
  };
  if (order === 'pupil') for (let p = 0; p < pupils; p++) for (const d of dates) push(p, d);
  else for (const d of dates) for (let p = 0; p < pupils; p++) push(p, d);
  return grid;
}

/** A new string object with the same text (a parser's strings carry no cached hash). */
const fresh = (s: string): string => s.split('').join('');

const LESSONS = [['08:15', '60'], ['09:25', '55'], ['10:30', '50'], ['12:10', '60'], ['13:20', '55']] as const;

function time(grid: string[][]): { ms: number; pupils: number } {
  const t0 = performance.now();
  const t = readAttendance({ sheet: 'Lektioner', values: grid }, { referenceYear: 2026 });
  return { ms: performance.now() - t0, pupils: t.pupils.length };
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Issue 16: the whole CLI run with the ladder, median of 3 (the CLI is built by bench/run.ts). */
function cliFigure(grid: string[][]): BenchFigure {
  const dir = mkdtempSync(join(tmpdir(), 'skolanalys-ladder-'));
  try {
    const file = join(dir, 'lektioner-1m.csv');
    writeFileSync(file, grid.map((r) => r.join(';')).join('\r\n'), 'utf8');
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'bin/skolanalys.mjs'), 'attendance', file, '--json'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`attendance exited ${r.status}: ${r.stderr.split('\n')[0]}`);
      ms.push(performance.now() - t0);
    }
    return {
      name: 'attendance --json with the närvaroplan: whole CLI run, 1 000 000 lesson rows', value: median(ms), unit: 'ms', aim: '≤ 3000 ms',
      how: 'node bin/skolanalys.mjs attendance … --json on 5 000 pupils × 40 days × 5 lessons (rows by pupil), default plan evaluated per pupil, median of 3 runs',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchFigure[]> {
  const out: BenchFigure[] = [];
  {
    const grid = lessonGrid(5000, 40, 'pupil');
    const table = readAttendance({ sheet: 'Lektioner', values: grid }, { referenceYear: 2026 });
    const plan = defaultAttendancePlan('sv');
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      evaluateLadder(table, plan);
      ms.push(performance.now() - t0);
    }
    out.push({
      name: 'närvaroplan: ladder of the default plan for 5 000 pupils × 40 days', value: median(ms), unit: 'ms', aim: '≤ 100 ms',
      how: 'evaluateLadder over the lesson days of 1 000 000 rows (4 steps, 8 rules), median of 5 runs',
    });
    out.push(cliFigure(grid));
  }
  for (const order of ['pupil', 'date'] as const) {
    let grid: string[][] | null = lessonGrid(5000, 40, order); // 5 000 × 40 × 5 = 1 000 000 rows
    const runs = [time(grid), time(grid), time(grid)];
    grid = null;
    out.push({
      name: `attendance: core aggregation of 1 000 000 lesson rows (${runs[0].pupils} pupils × 40 days, rows by ${order})`,
      value: median(runs.map((r) => r.ms)), unit: 'ms', aim: '≤ 1000 ms',
      how: 'readAttendance over an in-memory grid of strings (as parsed from CSV), median of 3 runs',
    });
  }
  return out;
}
