/**
 * Attendance core bench: 1 000 000 lesson rows, already parsed to a grid of strings (as a CSV reader
 * delivers them), aggregated by `readAttendance`. Core only; the CLI run is measured by bench/cli.
 */
import { readAttendance } from '../core/attendance';
import { luhnCheckDigit } from '../core/personnummer';
import { median, type BenchFigure } from './types';

const STATUSES = ['Närvarande', 'Närvarande', 'Närvarande', 'Närvarande', 'Närvarande', 'Närvarande', 'Närvarande', 'Närvarande', 'Giltig frånvaro', 'Ogiltig frånvaro', 'Sen ankomst', 'Ej rapporterad'];

/** `pupils × days × 5` lesson rows over school days from Mon 2026-01-12 (weekends skipped). */
export function lessonGrid(pupils: number, days: number): string[][] {
  const dates: string[] = [];
  for (let d = 0, day = Date.UTC(2026, 0, 12); dates.length < days; d++, day += 86_400_000) {
    const wd = new Date(day).getUTCDay();
    if (wd !== 0 && wd !== 6) dates.push(new Date(day).toISOString().slice(0, 10));
  }
  const grid: string[][] = [['Personnummer', 'Klass', 'Datum', 'Starttid', 'Minuter', 'Status', 'Sen min']];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let p = 0; p < pupils; p++) {
    const nine = `1001${String(p % 10000).padStart(4, '0').slice(0, 2)}${String(p).padStart(5, '0').slice(-3)}`;
    // A valid-looking 10-digit id born 2010 (the date part may not be real; that costs a warning per pupil at most).
    const id = `20${nine}${luhnCheckDigit(nine)}`;
    const cls = `9${'ABCD'[p % 4]}`;
    for (const date of dates) {
      for (const [start, min] of [['08:15', '60'], ['09:25', '55'], ['10:30', '50'], ['12:10', '60'], ['13:20', '55']]) {
        const s = STATUSES[Math.floor(rnd() * STATUSES.length)];
        grid.push([id, cls, date, start, min, s, s === 'Sen ankomst' ? String(1 + Math.floor(rnd() * 20)) : '']);
      }
    }
  }
  return grid;
}

export async function run(): Promise<BenchFigure[]> {
  const grid = lessonGrid(5000, 40); // 5 000 × 40 × 5 = 1 000 000 rows
  const times: number[] = [];
  let pupils = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const t = readAttendance({ sheet: 'Lektioner', values: grid }, { referenceYear: 2026 });
    times.push(performance.now() - t0);
    pupils = t.pupils.length;
  }
  // Worst case: the same rows in random order (no run of one pupil's lessons to exploit).
  const shuffled = grid.slice(1);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(((i * 2654435761) % 4294967296) / 4294967296 * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  shuffled.unshift(grid[0]);
  const timesShuffled: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    readAttendance({ sheet: 'Lektioner', values: shuffled }, { referenceYear: 2026 });
    timesShuffled.push(performance.now() - t0);
  }
  return [
    { name: `attendance: core aggregation of 1 000 000 lesson rows (${pupils} pupils × 40 days, export order)`, value: median(times), unit: 'ms', aim: '≤ 1000 ms', how: 'readAttendance over an in-memory grid of strings, median of 3 runs' },
    { name: 'attendance: the same 1 000 000 rows shuffled', value: median(timesShuffled), unit: 'ms', aim: '≤ 1000 ms', how: 'as above, rows in random order, median of 3 runs' },
  ];
}
