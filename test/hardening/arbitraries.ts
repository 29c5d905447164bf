/**
 * fast-check generators for the hardening tests: messy cells and grids the way users and
 * school systems deliver them, personnummer in every form, and random pupils.
 */
import fc from 'fast-check';
import type { SheetData } from '../../core/app';
import { luhnCheckDigit } from '../../core/personnummer';
import { parseAddress } from '../../core/table/address';
import type { CellValue, GradeEntry, GradeMark, Problem, PupilRecord, SubjectCode, SubjectGrade } from '../../core/types';

/** Known header texts (SCB names, Swedish/English names, codes) that the readers may map. */
export const HEADERS = [
  'Personnummer', 'PersonNr', 'Personnr', 'Elev-ID', 'Förnamn', 'Efternamn', 'Namn', 'Klass', 'Skola', 'Skolenhetskod', 'Kön',
  'Sv', 'Sva', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl', 'M1', 'M2', 'ML', 'Tn',
  'Svenska', 'Engelska', 'Matematik', 'English', 'Mathematics', 'M2 (språk)', 'M2 (betyg)', 'Moderna språk SPA', 'Ämne', 'Betyg',
  'Dispens engelska', 'System', 'Datum', 'Version', 'Provbetyg', 'Anteckning', 'Okänt ämne', 'Latin',
];

/** Six digits of a real date of birth, and the century. */
const birth = fc.record({
  year: fc.integer({ min: 1990, max: 2015 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  serial: fc.integer({ min: 0, max: 999 }),
  samordning: fc.boolean(),
});

/** A personnummer with a valid check digit, in one of the forms users type. */
export const personnummerArb: fc.Arbitrary<string> = fc
  .tuple(birth, fc.constantFrom('12', '12-', '10-', '10', '10+', '12 ', 'spaced'))
  .map(([b, form]) => {
    const day = b.samordning ? b.day + 60 : b.day;
    const yy = String(b.year % 100).padStart(2, '0');
    const nine = `${yy}${String(b.month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(b.serial).padStart(3, '0')}`;
    const ten = nine + luhnCheckDigit(nine);
    const cc = String(Math.floor(b.year / 100));
    switch (form) {
      case '12': return cc + ten;
      case '12-': return `${cc}${ten.slice(0, 6)}-${ten.slice(6)}`;
      case '10-': return `${ten.slice(0, 6)}-${ten.slice(6)}`;
      case '10': return ten;
      case '10+': return `${ten.slice(0, 6)}+${ten.slice(6)}`;
      case '12 ': return ` ${cc}${ten} `;
      default: return `${cc}${ten.slice(0, 6)} - ${ten.slice(6)}`;
    }
  });

/** 10/12-digit runs that are not valid personnummer (bad check digit or date). */
export const badPersonnummerArb = fc.oneof(
  fc.stringMatching(/^\d{10}$/),
  fc.stringMatching(/^\d{12}$/),
  fc.stringMatching(/^\d{6}-\d{4}$/),
  fc.stringMatching(/^\d{8}-TF\d{2}$/),
);

const gradeText = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'a', ' c ', 'e ', '-', '–', '2', '3', '9', 'MVG', 'VG', 'G', 'IG', 'X', 'Z', 'F*', 'E+', '');

/** One messy cell: grades with case/space noise, numbers, decimal commas, dates, serials, ids, names. */
export const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: gradeText },
  { weight: 2, arbitrary: personnummerArb },
  { weight: 1, arbitrary: badPersonnummerArb },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 400 }) },
  { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e15, 201001012383) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a},${b}`) },
  { weight: 1, arbitrary: fc.integer({ min: 36000, max: 47000 }) /* Excel serial dates */ },
  { weight: 1, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constantFrom('9A', '9B', '9 c', 'Norrskolan', '12345678', 'Flicka', 'Pojke', 'F', 'M', 'ja', 'nej', 'Anna', 'Åsa Öberg') },
  { weight: 1, arbitrary: fc.constantFrom(HEADERS[0], HEADERS[11], HEADERS[13], 'Betyg vt 2026', 'Sammanställning') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, '   ', '\t', '=SUMMA(A1:A3)', '#N/A', '#REF!') },
);

/** A header text, sometimes mutated (case, stray spaces, a character dropped or added). */
export const headerArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HEADERS) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...HEADERS), fc.constantFrom('upper', 'lower', 'spaces', 'drop', 'add', 'nbsp')).map(([h, how]) => {
      switch (how) {
        case 'upper': return h.toUpperCase();
        case 'lower': return h.toLowerCase();
        case 'spaces': return `  ${h} `;
        case 'drop': return h.slice(0, -1);
        case 'add': return `${h}x`;
        default: return h.replace(/ /g, '\u00a0');
      }
    }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

/** A sheet name, with the awkward ones (spaces, quotes, Swedish letters, `!`). */
export const sheetNameArb = fc.constantFrom('Betyg', 'Vt 2026', "Elev's lista", 'Åk9 betyg', 'Blad1', 'a!b', '2026');

/** A grid shaped like a grade sheet gone wrong: optional title rows, a (mutated) header, rows, blank rows. */
export const gradeGridArb: fc.Arbitrary<CellValue[][]> = fc
  .record({
    title: fc.array(fc.array(cellArb, { maxLength: 3 }), { maxLength: 2 }),
    header: fc.array(headerArb, { minLength: 0, maxLength: 14 }),
    rows: fc.array(fc.array(cellArb, { maxLength: 16 }), { maxLength: 25 }),
    blankAt: fc.array(fc.nat(30), { maxLength: 3 }),
    dupAt: fc.array(fc.nat(30), { maxLength: 3 }),
  })
  .map(({ title, header, rows, blankAt, dupAt }) => {
    const body = rows.map((r) => [...r]);
    // Duplicate pupils, identical and (by a changed cell) conflicting.
    for (const i of dupAt) {
      if (!body.length) break;
      const copy = [...body[i % body.length]];
      if (i % 2 && copy.length > 3) copy[copy.length - 1] = copy[copy.length - 1] === 'A' ? 'F' : 'A';
      body.push(copy);
    }
    for (const i of blankAt) body.splice(Math.min(i, body.length), 0, []);
    return [...title, header, ...body];
  });

/** A well-formed wide grade sheet of random pupils, where mapping must work (for report-level checks). */
export const wideSheetArb = (opts: { minPupils?: number; maxPupils?: number } = {}) =>
  fc
    .array(
      fc.record({
        pnr: personnummerArb,
        first: fc.constantFrom('Anna', 'Bo', 'Cecilia', 'David', 'Elin', 'Fredrik', 'Göran', 'Hanna'),
        last: fc.constantFrom('Andersson', 'Berg', 'Öberg', 'Lind', 'Nilsson'),
        klass: fc.constantFrom('9A', '9B', '9C'),
        school: fc.constantFrom('Norrskolan', 'Söderskolan'),
        gender: fc.constantFrom('F', 'M', 'Flicka', 'Pojke', ''),
        grades: fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'F', 'E', '-', '3', ''), { minLength: 17, maxLength: 17 }),
      }),
      { minLength: opts.minPupils ?? 0, maxLength: opts.maxPupils ?? 40 },
    )
    .map((pupils) => {
      const header = ['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Skola', 'Kön', ...WIDE_SUBJECTS];
      return [header, ...pupils.map((p) => [p.pnr, p.first, p.last, p.klass, p.school, p.gender, ...p.grades])] as CellValue[][];
    });

export const WIDE_SUBJECTS = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl', 'M2'];

const MARKS: GradeMark[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const entryArb: fc.Arbitrary<GradeEntry> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...MARKS).map((mark) => ({ kind: 'grade' as const, mark })) },
  { weight: 1, arbitrary: fc.constantFrom<GradeEntry>({ kind: 'streck' }, { kind: 'notStudied' }, { kind: 'notApplicable' }, { kind: 'missing' }) },
);
const PUPIL_SUBJECTS: SubjectCode[] = ['Sv', 'Sva', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl', 'M1', 'M2', 'ML'];

/** A pupil with a random subset of subjects (Sv or Sva, rarely both), random entries, random exemption. */
export const pupilArb: fc.Arbitrary<PupilRecord> = fc
  .record({
    subjects: fc.subarray(PUPIL_SUBJECTS, { minLength: 0 }),
    entries: fc.array(entryArb, { minLength: PUPIL_SUBJECTS.length, maxLength: PUPIL_SUBJECTS.length }),
    exemption: fc.boolean(),
    gender: fc.constantFrom<'F' | 'M' | null>('F', 'M', null),
    school: fc.constantFrom<string | null>('Norrskolan', 'Söderskolan', 'Västerskolan', null),
    className: fc.constantFrom<string | null>('9A', '9B', '9C', '9D', null),
  })
  .map(({ subjects, entries, exemption, gender, school, className }, ) => {
    const grades: SubjectGrade[] = subjects.map((s, i) => ({
      subject: s,
      ...(s === 'M1' || s === 'M2' || s === 'ML' ? { language: s === 'ML' ? 'ARA' : 'SPA' } : {}),
      entry: entries[i],
    }));
    return { row: 2, id: 'x', personnummer: null, className, school, gender, englishExemption: exemption || undefined, grades };
  });

/**
 * Checks a problem's address: parses, names the input's sheet, and lies inside the input
 * (origin applied; an empty input may point at its top-left cell). Returns a reason or null.
 */
export function badProblemAddress(p: Problem, data: SheetData): string | null {
  const a = parseAddress(p.cell);
  if (!a) return `unparseable address ${JSON.stringify(p.cell)}`;
  if (a.sheet !== data.sheet) return `sheet ${JSON.stringify(a.sheet)} ≠ ${JSON.stringify(data.sheet)} in ${p.cell}`;
  const r0 = data.origin?.row ?? 0;
  const c0 = data.origin?.col ?? 0;
  const rows = Math.max(1, data.values.length);
  const cols = Math.max(1, ...data.values.map((r) => r.length));
  if (a.row < r0 || a.row >= r0 + rows) return `row ${a.row + 1} outside ${r0 + 1}..${r0 + rows} in ${p.cell}`;
  if (a.col < c0 || a.col >= c0 + cols) return `column ${a.col} outside ${c0}..${c0 + cols - 1} in ${p.cell}`;
  return null;
}

/** A figure that must be a share: a number in [0, 1], `..` or `.`. */
export function isShareFigure(v: unknown): boolean {
  return v === '..' || v === '.' || (typeof v === 'number' && v >= 0 && v <= 1);
}

/** Runs a fast-check property with a fixed seed in CI, so failures reproduce. */
export function check<T>(arb: fc.Arbitrary<T>, pred: (v: T) => void | boolean, numRuns = 200): void {
  fc.assert(fc.property(arb, pred), { numRuns, seed: Number(process.env.HARDENING_SEED ?? 20260615), endOnFailure: true });
}
