/**
 * Lesson-level attendance (domain §7, input b): one row per pupil and lesson. Built for a million
 * rows: no object per row; per-pupil sums and per pupil-day slots in growable typed arrays (sorted
 * by a counting sort at the end, no Map per day), caches for repeated texts (ids, dates, statuses).
 * Rows can be fed in chunks (`lessonAggregator`), so a host may stream a file.
 *
 * Decisions [D], documented in docs/decisions.md ("Närvaro"):
 * - Sen ankomst: the late minutes are ogiltig absence, the rest of the lesson is presence; for the
 *   day rule the lesson counts as attended.
 * - Ej rapporterad: neither present nor absent; it lowers the reporting rate only.
 * - Absent day: at least one absent lesson and none attended [C: SchoolSoft].
 * - Consecutive absent school days run over the pupil's own lesson days in date order: weekends and
 *   weekdays on which the pupil has no lessons at all are not school days for that pupil, so they
 *   neither break nor lengthen a run (Fri + Mon = 2). A day with lessons that are only unregistered
 *   is not an absent day and ends a run.
 */
import type { CellValue, Gender, Grid, Settings } from '../types';
import { cellText } from '../table/header';
import { parseGenderValue } from '../table/aliases';
import { pupilAttendance, yearFromClass, type PupilTimes } from './level';
import type { MonthAbsence, PupilAttendance } from './types';
import { parseAmount, pupilIdentity, type ReadContext } from './cells';

export interface LessonColumnIndex {
  id: number;
  minutes: number;
  status: number;
  /** -1 when the column is absent. */
  date: number;
  late: number;
  className: number;
  school: number;
  gender: number;
  year: number;
  /** Subject (ämne) of the lesson, for the subject-pattern rule of a närvaroplan; -1 when absent. */
  subject?: number;
}

/** Lesson statuses after normalisation. */
export const LessonStatus = { Present: 0, Valid: 1, Invalid: 2, Late: 3, Unregistered: 4 } as const;
export type LessonStatus = (typeof LessonStatus)[keyof typeof LessonStatus];

const STATUS_NAMES: Record<string, LessonStatus> = {
  'narvarande': LessonStatus.Present, 'narvaro': LessonStatus.Present, 'n': LessonStatus.Present, 'present': LessonStatus.Present, 'närvarande': LessonStatus.Present, 'närvaro': LessonStatus.Present,
  'giltig franvaro': LessonStatus.Valid, 'giltig': LessonStatus.Valid, 'gf': LessonStatus.Valid, 'anmald franvaro': LessonStatus.Valid, 'valid absence': LessonStatus.Valid, 'excused': LessonStatus.Valid, 'excused absence': LessonStatus.Valid,
  'ogiltig franvaro': LessonStatus.Invalid, 'ogiltig': LessonStatus.Invalid, 'f': LessonStatus.Invalid, 'oanmald franvaro': LessonStatus.Invalid, 'invalid absence': LessonStatus.Invalid, 'unexcused': LessonStatus.Invalid, 'unexcused absence': LessonStatus.Invalid,
  'sen ankomst': LessonStatus.Late, 'sen': LessonStatus.Late, 'late': LessonStatus.Late, 'late arrival': LessonStatus.Late,
  'ej rapporterad': LessonStatus.Unregistered, 'ej registrerad': LessonStatus.Unregistered, 'ej reg': LessonStatus.Unregistered, 'ej rapporterat': LessonStatus.Unregistered, 'not reported': LessonStatus.Unregistered, 'unregistered': LessonStatus.Unregistered,
};

/**
 * A lesson status from its text (Swedish or English, any case); null when unknown.
 * @example lessonStatus('Sen ankomst') // 3 (Late)
 * @example lessonStatus('Sjuk') // null
 */
export function lessonStatus(text: string): LessonStatus | null {
  const k = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  const s = STATUS_NAMES[k];
  return s === undefined ? null : s;
}

const MS_DAY = 86_400_000;
// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in); serials from 1 Mar 1900 on.
const EXCEL_EPOCH_DAY = -25_569;

/**
 * Day number (days since 1970-01-01) of a date cell: `YYYY-MM-DD` (time part ignored), `YYYYMMDD`,
 * an Excel serial number, or a Date (rounded to the nearest midnight, so local and UTC midnight agree).
 * Null when it is no date.
 * @example dayNumber('2026-01-12') // 20465
 * @example dayNumber(46034) // 20465 (Excel serial of 2026-01-12)
 */
export function dayNumber(v: CellValue): number | null {
  if (v instanceof Date) {
    const ms = v.getTime();
    return Number.isNaN(ms) ? null : Math.round(ms / MS_DAY);
  }
  if (typeof v === 'number') {
    // A serial with a time part (46034.35) is still that day.
    return Number.isFinite(v) && v > 60 && v < 200_000 ? Math.floor(v) + EXCEL_EPOCH_DAY : null;
  }
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[ T].*)?$/.exec(v);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCDate() !== d) return null;
  return ms / MS_DAY;
}

/**
 * `YYYY-MM-DD` of a day number (days since 1970-01-01).
 * @example isoDate(20465) // '2026-01-12'
 */
export function isoDate(day: number): string {
  return new Date(day * MS_DAY).toISOString().slice(0, 10);
}

function addMonth(m: Map<number, [number, number]>, month: number, scheduled: number, absent: number): void {
  const acc = m.get(month);
  if (acc) {
    acc[0] += scheduled;
    acc[1] += absent;
  } else m.set(month, [scheduled, absent]);
}

/**
 * Month index (year × 12 + month − 1) of a day number, by arithmetic (Hinnant's days-to-civil).
 * @example monthIndex(20465) // 24312 (2026-01: 2026 × 12 + 0)
 */
export function monthIndex(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 12 + m - 1;
}
const F_ABSENT = 1;
const F_ATTENDED = 2;
const F_INVALID = 4;
/** Numbers per pupil-day slot: pupil, day, flags, scheduled, absent, ogiltig absent, unregistered. */
const SLOT = 7;

/** Growable numeric column (amortised doubling, no object per row). */
class Column {
  data: Float64Array;
  constructor(size = 1024) {
    this.data = new Float64Array(size);
  }
  ensure(n: number): void {
    if (n <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < n) size *= 2;
    const d = new Float64Array(size);
    d.set(this.data);
    this.data = d;
  }
}

export interface LessonResult {
  pupils: PupilAttendance[];
  months?: MonthAbsence[];
  firstDate?: string;
  lastDate?: string;
  days?: LessonDays;
}

/** Streaming aggregation of lesson rows: feed chunks of rows, then finish once. */
export interface LessonAggregator {
  /**
   * Adds rows `rows[start]…rows[end − 1]`; `rowOffset` is the 0-based grid row of `rows[0]` (for
   * addresses), so a caller streaming a file passes the number of lines read before the chunk.
   */
  add(rows: Grid, start?: number, end?: number, rowOffset?: number): void;
  finish(): LessonResult;
}

/**
 * A lesson-row aggregator. Rows with a bad id, minutes, status, date or late minutes are problems
 * and are not used. Memory is per pupil and per pupil-day, never per row, so a host can stream a
 * large file in chunks instead of holding the whole grid.
 * @example const agg = lessonAggregator(columns, ctx, DEFAULT_SETTINGS); agg.add(chunk, 0, chunk.length, 1); agg.finish().pupils.length // 1
 */
export function lessonAggregator(c: LessonColumnIndex, ctx: ReadContext, settings: Settings): LessonAggregator {
  const idSlot = new Map<string, number>();
  const pupilIdOf = new Map<string, number>(); // normalised id → slot (two spellings of one pupil)
  const info: { row: number; id: string; personnummer: string | null; className: string | null; school: string | null; gender: Gender; year: number | null }[] = [];
  // Per pupil, interleaved: scheduled, present, valid, invalid, late, unregistered.
  const sums = new Column(6 * 1024);
  let ps = sums.data;
  const dateCache = new Map<string, number>();
  const statusCache = new Map<string, number>();
  // Per pupil-day slot, interleaved (SLOT numbers): pupil, day, flags, scheduled, absent, ogiltig
  // absent, unregistered. A pupil's rows for one day usually come together; a day seen again out of
  // order gets another slot, merged in finish().
  const dayCol = new Column(SLOT * 4096);
  // Absent lessons with their subject (only when the export has a subject column): pupil, day, subject, ogiltig.
  const subjectCol = c.subject ?? -1;
  const subjectIds = new Map<string, number>();
  const subjectNames: string[] = [];
  const absCol = new Column(subjectCol >= 0 ? 4 * 4096 : 4);
  let absCount = 0;
  // Kept out of the row loop: only exports with a subject column get here.
  function addAbsence(p: number, day: number, subject: CellValue, invalid: boolean): void {
    const name = cellText(subject);
    let sid = subjectIds.get(name);
    if (sid === undefined) {
      sid = subjectNames.length;
      subjectNames.push(name);
      subjectIds.set(name, sid);
    }
    absCol.ensure(4 * (absCount + 1));
    const e = 4 * absCount++;
    absCol.data[e] = p;
    absCol.data[e + 1] = day;
    absCol.data[e + 2] = sid;
    absCol.data[e + 3] = invalid ? 1 : 0;
  }
  let dd = dayCol.data;
  // Per pupil: the day and slot of its latest row.
  const lastOf = new Column(2 * 1024);
  let lo = lastOf.data;
  let days = 0;
  let anyLate = false;
  let minDay = Infinity;
  let maxDay = -Infinity;
  const useDate = c.date >= 0;
  let lastIdKey: string | null = null;
  let lastP = -1;
  let lastDate: unknown = undefined;
  let lastDay = -1;

  function add(rows: Grid, start = 0, end = rows.length, rowOffset = 0): void {
    for (let k = start; k < end; k++) {
      const row = rows[k];
      const r = k + rowOffset;
      if (!row) continue;
      const idCell = row[c.id];
      const idKey = typeof idCell === 'string' ? idCell : cellText(idCell);
      // Exports list a pupil's lessons together: the previous row's pupil is the likeliest hit.
      let p = idKey === lastIdKey ? lastP : idSlot.get(idKey);
      if (p === undefined) {
        if (idKey.trim() === '') {
          if (row.every((v) => cellText(v) === '')) continue;
          ctx.problem(r, c.id, idCell, 'attendance.missingId', 'error');
          continue;
        }
        const who = pupilIdentity(ctx, idCell, r, c.id)!;
        const existing = pupilIdOf.get(who.id);
        if (existing !== undefined) p = existing;
        else {
          p = info.length;
          const cls = c.className >= 0 ? cellText(row[c.className]) || null : null;
          let gender = who.gender;
          if (c.gender >= 0) {
            const g = parseGenderValue(row[c.gender]);
            if (g === undefined) ctx.problem(r, c.gender, row[c.gender], 'attendance.badGender', 'warning');
            else if (g) gender = g;
          }
          const yc = c.year >= 0 ? parseAmount(row[c.year]) : null;
          info.push({
            row: ctx.row0 + r + 1, id: who.id, personnummer: who.personnummer, className: cls,
            school: c.school >= 0 ? cellText(row[c.school]) || null : null, gender,
            year: yc !== null && Number.isInteger(yc) ? yc : yearFromClass(cls),
          });
          pupilIdOf.set(who.id, p);
          sums.ensure(6 * (p + 1));
          ps = sums.data;
          lastOf.ensure(2 * (p + 1));
          lo = lastOf.data;
          lo[2 * p] = -1;
        }
        idSlot.set(idKey, p);
      }
      lastIdKey = idKey;
      lastP = p;
      // Minutes
      const mv = row[c.minutes];
      let minutes: number;
      if (typeof mv === 'number') minutes = mv;
      else if (typeof mv === 'string' && mv.length > 0 && mv.length < 5 && (mv.charCodeAt(0) - 48) >>> 0 < 10 && (mv.charCodeAt(mv.length - 1) - 48) >>> 0 < 10) minutes = +mv;
      else {
        const n = parseAmount(mv);
        minutes = n === null ? NaN : n;
      }
      if (!(minutes >= 0) || !Number.isFinite(minutes)) {
        ctx.problem(r, c.minutes, mv, minutes < 0 ? 'attendance.negative' : 'attendance.badNumber', 'error');
        continue;
      }
      // Status
      const sv = row[c.status];
      const sKey = typeof sv === 'string' ? sv : cellText(sv);
      let status = statusCache.get(sKey);
      if (status === undefined) {
        const st = lessonStatus(sKey);
        status = st === null ? -1 : st;
        statusCache.set(sKey, status);
      }
      if (status < 0) {
        ctx.problem(r, c.status, sv, 'attendance.unknownStatus', 'error');
        continue;
      }
      // Late minutes
      let late = 0;
      if (c.late >= 0) {
        const lv = row[c.late];
        if (lv !== null && lv !== undefined && lv !== '') {
          const n = typeof lv === 'number' ? lv : parseAmount(lv);
          if (n === null) late = 0;
          else if (!(n >= 0) || !Number.isFinite(n)) {
            ctx.problem(r, c.late, lv, n < 0 ? 'attendance.negative' : 'attendance.badNumber', 'error');
            continue;
          } else if (n > minutes) {
            ctx.problem(r, c.late, lv, 'attendance.lateOverLesson', 'error', { late: n, minutes });
            continue;
          } else if (n > 0 && status !== LessonStatus.Late && status !== LessonStatus.Present) {
            ctx.problem(r, c.late, lv, 'attendance.lateIgnored', 'warning');
          } else late = n;
        }
      }
      if (status === LessonStatus.Late && late === 0 && (c.late < 0 || cellText(row[c.late]) === '')) {
        ctx.problem(r, c.status, sv, 'attendance.lateMissing', 'warning');
      }
      // Date
      let day = -1;
      if (useDate) {
        const dv = row[c.date];
        if (dv === lastDate) day = lastDay;
        else if (typeof dv === 'string') {
          let d = dateCache.get(dv);
          if (d === undefined) {
            d = dayNumber(dv) ?? -1;
            dateCache.set(dv, d);
          }
          day = d;
        } else day = dayNumber(dv) ?? -1;
        if (day < 0) {
          ctx.problem(r, c.date, dv, 'attendance.badDate', 'error');
          continue;
        }
        if (typeof dv === 'string') {
          lastDate = dv;
          lastDay = day;
        }
      }
      // Sums
      const i = p * 6;
      ps[i] += minutes;
      let absentHere = 0;
      let invalidHere = 0;
      let flag = 0;
      switch (status) {
        case LessonStatus.Present:
        case LessonStatus.Late:
          ps[i + 1] += minutes - late;
          ps[i + 3] += late;
          if (late > 0) {
            ps[i + 4] += late;
            anyLate = true;
          }
          absentHere = late;
          invalidHere = late;
          flag = F_ATTENDED;
          break;
        case LessonStatus.Valid:
          ps[i + 2] += minutes;
          absentHere = minutes;
          flag = F_ABSENT;
          break;
        case LessonStatus.Invalid:
          ps[i + 3] += minutes;
          absentHere = minutes;
          invalidHere = minutes;
          flag = F_ABSENT | F_INVALID;
          break;
        default:
          ps[i + 5] += minutes;
      }
      if (useDate) {
        let s: number;
        if (lo[2 * p] === day) s = lo[2 * p + 1];
        else {
          s = days++;
          dayCol.ensure(SLOT * days);
          dd = dayCol.data;
          dd[SLOT * s] = p;
          dd[SLOT * s + 1] = day;
          lo[2 * p] = day;
          lo[2 * p + 1] = s;
          if (day < minDay) minDay = day;
          if (day > maxDay) maxDay = day;
        }
        const j = SLOT * s;
        dd[j + 2] = dd[j + 2] | flag;
        dd[j + 3] += minutes;
        dd[j + 4] += absentHere;
        dd[j + 5] += invalidHere;
        dd[j + 6] += flag === 0 ? minutes : 0;
        if (subjectCol >= 0 && (flag & F_ABSENT) !== 0) addAbsence(p, day, row[subjectCol], status === LessonStatus.Invalid);
      }
    }
  }

  function finish(): LessonResult {
    const n = info.length;
    const absentDays = new Int32Array(n);
    const longest = new Int32Array(n);
    const monthsOf: { month: number; scheduled: number; absent: number }[][] = [];
    const allMonths = new Map<number, [number, number]>();
    let out: LessonDays | undefined;
    if (useDate && days > 0) {
      // The merged days of every pupil in date order, for the närvaroplan's rules (ladder.ts).
      // Plain local arrays in the loop (property loads of a `let` object cost ~0.3 s on 200 000 days).
      const oStart = new Int32Array(n + 1);
      const oDay = new Int32Array(days);
      const oFlags = new Uint8Array(days);
      const oMonth = new Int32Array(days);
      const oSched = new Float64Array(days);
      const oAbs = new Float64Array(days);
      const oInv = new Float64Array(days);
      const oUnreg = new Float64Array(days);
      let k = 0;
      // Counting sort of the slots by pupil, then each pupil's slots by day (insertion sort: exports
      // are nearly always in date order already). Linear in the slots, no Map.
      const start = new Int32Array(n + 1);
      for (let s = 0; s < days; s++) start[dd[SLOT * s] + 1]++;
      for (let i = 0; i < n; i++) start[i + 1] += start[i];
      const fill = start.slice(0, n);
      const order = new Int32Array(days);
      for (let s = 0; s < days; s++) order[fill[dd[SLOT * s]]++] = s;
      for (let i = 0; i < n; i++) {
        const from = start[i];
        const to = start[i + 1];
        for (let x = from + 1; x < to; x++) {
          const v = order[x];
          const d = dd[SLOT * v + 1];
          let y = x - 1;
          while (y >= from && dd[SLOT * order[y] + 1] > d) {
            order[y + 1] = order[y];
            y--;
          }
          order[y + 1] = v;
        }
        let run = 0;
        let x = from;
        oStart[i] = k;
        const months: { month: number; scheduled: number; absent: number }[] = [];
        while (x < to) {
          // Merge the slots of one day (a day met again out of order has two).
          const day = dd[SLOT * order[x] + 1];
          let flags = 0;
          let sched = 0;
          let abs = 0;
          let inv = 0;
          let unreg = 0;
          while (x < to && dd[SLOT * order[x] + 1] === day) {
            const j = SLOT * order[x];
            flags |= dd[j + 2];
            sched += dd[j + 3];
            abs += dd[j + 4];
            inv += dd[j + 5];
            unreg += dd[j + 6];
            x++;
          }
          const mi = monthIndex(day);
          oDay[k] = day;
          oFlags[k] = flags;
          oMonth[k] = mi;
          oSched[k] = sched;
          oAbs[k] = abs;
          oInv[k] = inv;
          oUnreg[k] = unreg;
          k++;
          if ((flags & (F_ABSENT | F_ATTENDED)) === F_ABSENT) {
            absentDays[i]++;
            run++;
            if (run > longest[i]) longest[i] = run;
          } else run = 0;
          const last = months[months.length - 1];
          if (last && last.month === mi) {
            last.scheduled += sched;
            last.absent += abs;
          } else months.push({ month: mi, scheduled: sched, absent: abs });
          addMonth(allMonths, mi, sched, abs);
        }
        monthsOf[i] = months;
      }
      oStart[n] = k;
      // Trimmed to the merged days (slots met twice were merged).
      const cut = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => (k < days ? (a.subarray(0, k) as T) : a);
      out = { start: oStart, day: cut(oDay), flags: cut(oFlags), month: cut(oMonth), scheduled: cut(oSched), absent: cut(oAbs), invalid: cut(oInv), unregistered: cut(oUnreg) };
      if (subjectCol >= 0) out.absences = sortAbsences(absCol.data, absCount, n, subjectNames);
    }
    const monthLabel = (mi: number) => `${Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;
    const month = (mi: number, sc: number, ab: number): MonthAbsence => ({ month: monthLabel(mi), scheduledMinutes: sc, absentMinutes: ab, absenceShare: sc > 0 ? ab / sc : null });
    const toMonths = (m: Map<number, [number, number]>): MonthAbsence[] => [...m.entries()].sort((a, b) => a[0] - b[0]).map(([mi, [sc, ab]]) => month(mi, sc, ab));

    const pupils: PupilAttendance[] = [];
    for (let i = 0; i < n; i++) {
      const inf = info[i];
      const times: PupilTimes = {
        ...inf,
        scheduledMinutes: ps[6 * i],
        presentMinutes: ps[6 * i + 1],
        validMinutes: ps[6 * i + 2],
        invalidMinutes: ps[6 * i + 3],
        lateMinutes: c.late >= 0 || anyLate ? ps[6 * i + 4] : null,
        unregisteredMinutes: ps[6 * i + 5],
        absentDays: useDate ? absentDays[i] : null,
        longestAbsentStreakDays: useDate ? longest[i] : null,
      };
      if (useDate) times.months = (monthsOf[i] ?? []).map((m) => month(m.month, m.scheduled, m.absent));
      pupils.push(pupilAttendance(times, settings));
    }
    if (!useDate || days === 0) return { pupils };
    return { pupils, months: toMonths(allMonths), firstDate: isoDate(minDay), lastDate: isoDate(maxDay), days: out };
  }

  return { add, finish };
}

/**
 * A pupil's lesson days in date order, as typed arrays (no object per day): pupil i (its index in
 * `pupils`) owns entries `start[i]` … `start[i + 1] − 1`. Flags per day: 1 an absent lesson, 2 an
 * attended lesson (present or late), 4 an ogiltig absent lesson. Minutes: scheduled, absent (giltig,
 * ogiltig and late minutes), ogiltig absent (ogiltig and late minutes) and unregistered.
 */
export interface LessonDays {
  start: Int32Array;
  day: Int32Array;
  flags: Uint8Array;
  /** Month index (year × 12 + month − 1) of each day, see `monthIndex`. */
  month: Int32Array;
  scheduled: Float64Array;
  absent: Float64Array;
  invalid: Float64Array;
  unregistered: Float64Array;
  /** Absent lessons by subject (only when the export has a subject column), per pupil in date order. */
  absences?: { start: Int32Array; day: Int32Array; subject: Int32Array; invalid: Uint8Array; subjects: string[] };
}

/** Day flags of LessonDays. */
export const DayFlag = { Absent: F_ABSENT, Attended: F_ATTENDED, Invalid: F_INVALID } as const;

function sortAbsences(data: Float64Array, count: number, n: number, subjects: string[]): NonNullable<LessonDays['absences']> {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) start[data[4 * e] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const order = new Int32Array(count);
  for (let e = 0; e < count; e++) order[fill[data[4 * e]]++] = e;
  const day = new Int32Array(count);
  const subject = new Int32Array(count);
  const invalid = new Uint8Array(count);
  for (let i = 0; i < n; i++) {
    // Insertion sort by day within the pupil (exports are nearly in order).
    for (let x = start[i] + 1; x < start[i + 1]; x++) {
      const v = order[x];
      let y = x - 1;
      while (y >= start[i] && data[4 * order[y] + 1] > data[4 * v + 1]) {
        order[y + 1] = order[y];
        y--;
      }
      order[y + 1] = v;
    }
  }
  for (let x = 0; x < count; x++) {
    const e = 4 * order[x];
    day[x] = data[e + 1];
    subject[x] = data[e + 2];
    invalid[x] = data[e + 3];
  }
  return { start, day, subject, invalid, subjects };
}

/**
 * Aggregates the lesson rows below header row `hr` of a grid.
 * @example readLessons(grid, 0, columns, ctx, DEFAULT_SETTINGS).firstDate // '2026-01-12'
 */
export function readLessons(grid: Grid, hr: number, c: LessonColumnIndex, ctx: ReadContext, settings: Settings): LessonResult {
  const agg = lessonAggregator(c, ctx, settings);
  agg.add(grid, hr + 1, grid.length, 0);
  return agg.finish();
}
