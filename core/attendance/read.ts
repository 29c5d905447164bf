/**
 * Reads attendance exports (domain §7): per-pupil totals in minutes (Vklass) or hours (Skola24), or
 * lesson-level rows (pupil, date, minutes, status). Shares are always recomputed from time.
 */
import type { SheetData } from '../app';
import type { CellValue, Gender, Grid, Lang, Settings } from '../types';
import { DEFAULT_SETTINGS } from '../types';
import { cellText, findHeaderRow, isBlankRow } from '../table/header';
import { parseGenderValue } from '../table/aliases';
import { t } from '../i18n';
import { makeContext, parseAmount, pupilIdentity, type ReadContext } from './cells';
import { attendanceColumn, type AttendanceRole, type TimeUnit } from './columns';
import { pupilAttendance, yearFromClass, type PupilTimes } from './level';
import { lessonAggregator, readLessons, type LessonColumnIndex } from './lessons';
import type { AttendanceTable } from './types';

export interface ReadAttendanceOptions {
  /** Year for the century of 10-digit personnummer (core reads no clock). */
  referenceYear: number;
  lang?: Lang;
  /** Thresholds for levels and flags; default DEFAULT_SETTINGS. */
  settings?: Settings;
  /** Unit of totals when the headers do not state it. */
  unit?: TimeUnit;
}

type Cols = Partial<Record<AttendanceRole, { index: number; unit: TimeUnit | null }>>;

function mapColumns(header: readonly CellValue[]): Cols {
  const cols: Cols = {};
  header.forEach((v, i) => {
    const m = attendanceColumn(cellText(v));
    if (m && !cols[m.role]) cols[m.role] = { index: i, unit: m.unit };
  });
  return cols;
}

/**
 * Reads an attendance sheet: finds the header, detects per-pupil totals (minutes or hours) or
 * lesson-level rows, and returns one record per pupil with shares recomputed from time. Exported
 * percentages are never trusted [C: domain §7]. Bad cells become problems with their address.
 * @example readAttendance({ sheet: 'Frånvaro', values: [['Personnummer', 'Klass', 'Undv. tid', 'N min', 'GF min', 'F min', 'Ej reg tid'], ['20100130-3799', '9A', 1000, 850, 60, 40, 50]] }, { referenceYear: 2026 }).pupils[0].absenceShare // 0.1 ((60 + 40) / 1000)
 */
export function readAttendance(data: SheetData, options: ReadAttendanceOptions): AttendanceTable {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const lang = options.lang ?? settings.lang;
  const ctx = makeContext(data, lang, options.referenceYear);
  const grid = data.values;
  const found = findHeaderRow(grid, (h) => attendanceColumn(h) !== null, { minScore: 3 });
  if (!found) {
    ctx.problem(0, 0, grid[0]?.[0] ?? null, 'attendance.noHeader', 'error');
    return { sheet: data.sheet, source: 'minutes', headerRow: null, pupils: [], problems: ctx.problems };
  }
  const hr = found.row;
  const cols = mapColumns(grid[hr]);
  const headerRow = ctx.row0 + hr + 1;
  const need = (role: AttendanceRole, label: string): boolean => {
    if (cols[role]) return true;
    ctx.problem(hr, 0, null, 'attendance.missingColumn', 'error', { column: label });
    return false;
  };
  if (cols.status || cols.date) {
    const ok = [need('id', 'Personnummer'), need('minutes', 'Minuter'), need('status', 'Status')].every(Boolean);
    if (!ok) return { sheet: data.sheet, source: 'lessons', headerRow, pupils: [], problems: ctx.problems };
    const res = readLessons(grid, hr, lessonIndex(cols), ctx, settings);
    return { sheet: data.sheet, source: 'lessons', headerRow, pupils: res.pupils, problems: ctx.problems, ...(res.months ? { months: res.months, firstDate: res.firstDate, lastDate: res.lastDate, days: res.days } : {}) };
  }
  const okId = need('id', 'Personnummer');
  const okSched = need('scheduled', 'Schemalagd tid');
  // Both kinds are needed: a total alone cannot be split into giltig and ogiltig without guessing.
  const okValid = need('valid', 'Giltig frånvaro');
  const okInvalid = need('invalid', 'Ogiltig frånvaro');
  if (!okId || !okSched || !okValid || !okInvalid) return { sheet: data.sheet, source: 'minutes', headerRow, pupils: [], problems: ctx.problems };
  return readTotals(grid, hr, cols, ctx, settings, options.unit, headerRow);
}

function lessonIndex(cols: Cols): LessonColumnIndex {
  return {
    id: cols.id!.index, minutes: cols.minutes!.index, status: cols.status!.index,
    date: cols.date?.index ?? -1, late: cols.late?.index ?? -1, className: cols.class?.index ?? -1,
    school: cols.school?.index ?? -1, gender: cols.gender?.index ?? -1, year: cols.year?.index ?? -1,
    subject: cols.subject?.index ?? -1,
  };
}

/** A streaming reader of lesson rows (see `lessonReader`). */
export interface LessonReader {
  /** Adds data rows; `rowOffset` = 0-based sheet row of `rows[0]` (the header is row `headerRow`). */
  add(rows: Grid, rowOffset: number): void;
  finish(): AttendanceTable;
}

/**
 * Lesson-level attendance read in chunks, for files too large to hold as one grid (the CLI streams
 * lines): give it the header row, feed data rows, finish once. Same rules and problems as
 * `readAttendance`; null when the header lacks the personnummer, minutes or status column.
 * @example lessonReader('Lektioner', ['Personnummer', 'Datum', 'Minuter', 'Status'], 0, { referenceYear: 2026 })?.finish().pupils // []
 */
export function lessonReader(sheet: string, header: readonly CellValue[], headerRow: number, options: ReadAttendanceOptions): LessonReader | null {
  const cols = mapColumns(header);
  if (!cols.id || !cols.minutes || !cols.status) return null;
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const ctx = makeContext({ sheet, values: [] }, options.lang ?? settings.lang, options.referenceYear);
  const agg = lessonAggregator(lessonIndex(cols), ctx, settings);
  return {
    add: (rows, rowOffset) => agg.add(rows, 0, rows.length, rowOffset),
    finish: () => {
      const res = agg.finish();
      return { sheet, source: 'lessons', headerRow: headerRow + 1, pupils: res.pupils, problems: ctx.problems, ...(res.months ? { months: res.months, firstDate: res.firstDate, lastDate: res.lastDate, days: res.days } : {}) };
    },
  };
}

const TIME_ROLES = ['scheduled', 'present', 'valid', 'invalid', 'unregistered', 'late'] as const;

function readTotals(grid: SheetData['values'], hr: number, cols: Cols, ctx: ReadContext, settings: Settings, unitOption: TimeUnit | undefined, headerRow: number): AttendanceTable {
  // Unit: stated in a header, else the option, else by size (a term is far below 2 000 hours), flagged.
  let unit: TimeUnit | null = TIME_ROLES.map((r) => cols[r]?.unit ?? null).find((u) => u) ?? unitOption ?? null;
  if (!unit) {
    const sc = cols.scheduled!.index;
    const values: number[] = [];
    for (let r = hr + 1; r < grid.length; r++) {
      const n = parseAmount(grid[r]?.[sc]);
      if (n !== null && Number.isFinite(n)) values.push(n);
    }
    values.sort((a, b) => a - b);
    const med = values.length ? values[Math.floor(values.length / 2)] : 0;
    unit = med > 2000 ? 'minutes' : 'hours';
    ctx.problem(hr, sc, grid[hr][sc], 'attendance.unitAssumed', 'warning', { unit: t(ctx.lang, unit === 'minutes' ? 'attendance.unit.minutes' : 'attendance.unit.hours') });
  }
  const factor = unit === 'hours' ? 60 : 1;
  // Rounding of exported hours (2 decimals, 4 terms) may leave up to ~1.2 min; minutes are whole.
  const tolerance = unit === 'hours' ? 2 : 0.5;
  const pupils: ReturnType<typeof pupilAttendance>[] = [];
  const seen = new Map<string, number>();
  for (let r = hr + 1; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row)) continue;
    const idCol = cols.id!.index;
    const who = pupilIdentity(ctx, row[idCol], r, idCol);
    if (!who) {
      ctx.problem(r, idCol, row[idCol], 'attendance.missingId', 'error');
      continue;
    }
    const prev = seen.get(who.id);
    if (prev !== undefined) {
      ctx.problem(r, idCol, row[idCol], 'attendance.duplicatePupil', 'error', { row: prev });
      continue;
    }
    const time: Partial<Record<(typeof TIME_ROLES)[number], number | null>> = {};
    let bad = false;
    for (const role of TIME_ROLES) {
      const col = cols[role];
      if (!col) continue;
      const raw = row[col.index];
      const n = parseAmount(raw);
      if (n === null) {
        time[role] = null;
        if (role === 'scheduled') {
          ctx.problem(r, col.index, raw, 'attendance.badNumber', 'error');
          bad = true;
        }
      } else if (Number.isNaN(n)) {
        ctx.problem(r, col.index, raw, 'attendance.badNumber', 'error');
        bad = true;
      } else if (n < 0) {
        ctx.problem(r, col.index, raw, 'attendance.negative', 'error');
        bad = true;
      } else time[role] = n * factor;
    }
    if (bad) continue;
    const scheduled = time.scheduled!;
    const late = time.late ?? null;
    const valid = time.valid ?? 0;
    // A separate late-arrival column counts as ogiltig (domain §7, [D]).
    const invalid = (time.invalid ?? 0) + (late ?? 0);
    const absent = valid + invalid;
    if (absent > scheduled + tolerance) {
      ctx.problem(r, cols.scheduled!.index, row[cols.scheduled!.index], 'attendance.absentOverScheduled', 'error', { absent: round1(absent), scheduled: round1(scheduled) });
      continue;
    }
    const present = time.present ?? null;
    const unregistered = time.unregistered ?? null;
    if (present !== null) {
      const sum = present + (time.valid ?? 0) + (time.invalid ?? 0) + (unregistered ?? 0);
      if (Math.abs(sum - scheduled) > tolerance) {
        ctx.problem(r, cols.scheduled!.index, row[cols.scheduled!.index], 'attendance.inconsistent', 'warning', { sum: round1(sum), scheduled: round1(scheduled) });
      }
    }
    const cls = cols.class ? cellText(row[cols.class.index]) || null : null;
    let gender: Gender = who.gender;
    if (cols.gender) {
      const g = parseGenderValue(row[cols.gender.index]);
      if (g === undefined) ctx.problem(r, cols.gender.index, row[cols.gender.index], 'attendance.badGender', 'warning');
      else if (g !== null) gender = g;
    }
    const yearCell = cols.year ? parseAmount(row[cols.year.index]) : null;
    const times: PupilTimes = {
      row: ctx.row0 + r + 1,
      id: who.id,
      personnummer: who.personnummer,
      className: cls,
      school: cols.school ? cellText(row[cols.school.index]) || null : null,
      gender,
      year: yearCell !== null && Number.isInteger(yearCell) ? yearCell : yearFromClass(cls),
      scheduledMinutes: scheduled,
      // Skola24's Närvaro includes unregistered time: registered presence is unknown without Ej reg.
      presentMinutes: unregistered !== null ? present : null,
      validMinutes: valid,
      invalidMinutes: invalid,
      lateMinutes: late,
      unregisteredMinutes: unregistered,
    };
    if (cols.name) times.name = cellText(row[cols.name.index]);
    const pupil = pupilAttendance(times, settings);
    if (scheduled <= 0) ctx.problem(r, cols.scheduled!.index, row[cols.scheduled!.index], 'attendance.zeroScheduled', 'warning');
    if (cols.percent && pupil.absenceShare !== null) {
      const exported = parseAmount(row[cols.percent.index]);
      // Exports round to whole percent: more than one point off is worth a look.
      if (exported !== null && Number.isFinite(exported) && Math.abs(exported - pupil.absenceShare * 100) > 1) {
        ctx.problem(r, cols.percent.index, row[cols.percent.index], 'attendance.exportedPercent', 'warning', { computed: round1(pupil.absenceShare * 100) });
      }
    }
    seen.set(who.id, ctx.row0 + r + 1);
    pupils.push(pupil);
  }
  return { sheet: ctx.sheet, source: unit, headerRow, pupils, problems: ctx.problems };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
