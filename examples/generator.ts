/**
 * Seeded generator of the synthetic demo municipality (every person is invented).
 *
 * Pure TypeScript without Node built-ins or clocks, so benchmarks and tests can build big files in
 * memory: `generatePupils(count, seed)` gives pupil records; the `…Text` functions format them as the
 * files in examples/ (the SCB files, long and wide CSVs, attendance exports, survey). `generate.ts`
 * writes them to disk together with the demo workbook.
 */
import { SCB6_COLUMNS, SCB9_COLUMNS } from '../core/table/grades';
import { SCB_TEST3_COLUMNS, SCB_TEST6_COLUMNS, SCB_TEST9_COLUMNS } from '../core/table/tests';
import { luhnCheckDigit } from '../core/personnummer';

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast, seedable; the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed with a stream number so that each part of the data has its own sequence. */
function subSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

type Rng = () => number;

function normal(rng: Rng): number {
  // Box–Muller; 1 - u keeps log away from 0.
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function weighted<T>(rng: Rng, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1][0];
}

// ---------------------------------------------------------------------------------------------
// The municipality

export interface School {
  name: string;
  /** Skolverket's 8-digit skolenhetskod (invented). */
  code: string;
  /** The school system its exports come from (SCB field System). */
  system: string;
  version: string;
  /** Class sizes of åk 9, classes 9A, 9B, … */
  classSizes: number[];
}

/** The three schools of the demo: 300 pupils, Västerskolan 9D has exactly 7 (a masking test). */
export const DEMO_SCHOOLS: readonly School[] = [
  { name: 'Norrskolan', code: '12345678', system: 'Edlevo', version: '25.2.1', classSizes: [26, 25, 27, 24] },
  // SchoolSoft here writes the old language codes GER and FRE.
  { name: 'Söderskolan', code: '23456789', system: 'SchoolSoft', version: '2026.1', classSizes: [28, 27, 26, 25] },
  { name: 'Västerskolan', code: '34567890', system: 'Vklass', version: '8.14', classSizes: [28, 27, 30, 7] },
];

export const DEMO_SEED = 2026;
export const DEMO_PUPILS = 300;
/** Export date of the SCB files. */
export const EXPORT_DATE = '2026-06-12';

/** Schools for `count` pupils: the demo schools first, then numbered schools of 4 × 25. */
function schoolsFor(count: number): School[] {
  const schools = DEMO_SCHOOLS.map((s) => ({ ...s, classSizes: [...s.classSizes] }));
  let room = schools.reduce((s, x) => s + x.classSizes.reduce((a, b) => a + b, 0), 0);
  let n = 4;
  while (room < count) {
    schools.push({
      name: `Skola ${n}`,
      code: String(40000000 + n * 7919).padStart(8, '0'),
      system: 'Edlevo',
      version: '25.2.1',
      classSizes: [25, 25, 25, 25],
    });
    room += 100;
    n++;
  }
  return schools;
}

function classLabel(year: number, index: number): string {
  // 9A … 9Z, then 9AA, 9AB … for very large schools (not used by the demo).
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < 26 ? `${year}${letters[index]}` : `${year}${letters[Math.floor(index / 26) - 1]}${letters[index % 26]}`;
}

// ---------------------------------------------------------------------------------------------
// Names

const GIRLS = [
  'Alice', 'Maja', 'Elsa', 'Astrid', 'Wilma', 'Saga', 'Ebba', 'Alma', 'Selma', 'Agnes', 'Olivia', 'Ella', 'Vera',
  'Freja', 'Stella', 'Clara', 'Ellen', 'Signe', 'Tyra', 'Linnéa', 'Åsa', 'Märta', 'Hedda', 'Elvira', 'Ines',
  'Nora', 'Leia', 'Greta', 'Ida', 'Matilda', 'Amira', 'Sara', 'Hanna', 'Juni', 'Thea', 'Lova', 'Emilia', 'Siri',
];
const BOYS = [
  'William', 'Hugo', 'Liam', 'Noah', 'Lucas', 'Oscar', 'Elias', 'Adam', 'Vincent', 'Alexander', 'Nils', 'Leo',
  'Viktor', 'Axel', 'Ludvig', 'Björn', 'Olle', 'Måns', 'Sixten', 'Malte', 'Isak', 'Theo', 'Gustav', 'Anton',
  'Ali', 'Omar', 'Edvin', 'Melvin', 'Albin', 'Jökull', 'Göran', 'Sören', 'Arvid', 'Filip', 'Jonatan', 'Erik',
];
const SURNAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson',
  'Magnusson', 'Lindström', 'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg',
  'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Östlund', 'Åberg',
  'Sjöberg', 'Wallin', 'Ekström', 'Håkansson', 'Söderberg', 'Nyström', 'Holmström', 'Öberg', 'Åkesson',
  'Mohammed', 'Ali', 'Hassan', 'Nguyen', 'Kaya', 'Ahmadi', 'Nowak',
];

// ---------------------------------------------------------------------------------------------
// Subjects and grades

/** The 16 compulsory subject places plus Sva (one of Sv/Sva is '2'). */
export const CORE_SUBJECTS = [
  'Bl', 'En', 'Hkk', 'Idh', 'Ma', 'Mu', 'Bi', 'Fy', 'Ke', 'Ge', 'Hi', 'Re', 'Sh', 'Sl', 'Sv', 'Sva', 'Tk',
] as const;
export type CoreSubject = (typeof CORE_SUBJECTS)[number];
/** Subjects with a language code. */
export type LanguageSubject = 'M1' | 'M2' | 'ML';

/**
 * A grade cell as the SCB file holds it: 'A'–'F', '9' streck, '3' not studied (anpassad
 * studiegång), '2' not graded in a non-compulsory subject, '' not reported, or a bad value such as 'G'.
 */
export type GradeCell = string;

export interface LanguageGrade {
  /** Language code as the system writes it (ISO 639-3, or old GER/FRE from Söderskolan); '' if none. */
  lang: string;
  grade: GradeCell;
}

export type Gender = 'F' | 'M';

export interface Pupil {
  /** Running number, 0-based, in file order. */
  index: number;
  /** 12 characters as in the SCB file: `ååååmmddnnnk`, or `ååååmmddTFnn`. */
  personnummer: string;
  firstName: string;
  lastName: string;
  gender: Gender;
  schoolName: string;
  schoolCode: string;
  system: string;
  version: string;
  /** Class in åk 9, e.g. '9A'. */
  className: string;
  /** Studies svenska som andraspråk. */
  sva: boolean;
  /** Latent ability (standard normal); drives grades, tests and survey answers. */
  ability: number;
  /** Final grades åk 9 in the 17 core columns. */
  grades: Record<CoreSubject, GradeCell>;
  m1: LanguageGrade;
  m2: LanguageGrade;
  ml: LanguageGrade;
  tn: GradeCell;
  ovr: GradeCell;
  /** Share of scheduled time absent in VT2026 (0–1). */
  absence: number;
  /** Share of the absence that is ogiltig (unexcused). */
  unexcusedShare: number;
  /** Share of scheduled time that was never registered. */
  unregistered: number;
  /** Scheduled teaching minutes VT2026 so far. */
  scheduledMinutes: number;
  /** Per-pupil seed for the lesson rows, tests and åk 8 grades. */
  seed: number;
  /** What is special about the pupil (documentation and tests), e.g. 'bad-check-digit'. */
  tags: string[];
}

const STEPS = ['F', 'E', 'D', 'C', 'B', 'A'] as const;
/** Thresholds on the latent subject score for E, D, C, B, A (F below the first). */
const THRESHOLDS = [-1.7, -0.55, -0.07, 0.56, 1.06];

/** Subject difficulty: negative = harder (more F, fewer A). */
const SUBJECT_OFFSET: Record<CoreSubject, number> = {
  Bl: 0.25, En: 0.2, Hkk: 0.3, Idh: 0.35, Ma: -0.25, Mu: 0.25, Bi: -0.05, Fy: -0.15, Ke: -0.2, Ge: 0,
  Hi: 0, Re: 0.05, Sh: 0, Sl: 0.3, Sv: 0.05, Sva: -0.1, Tk: 0.05,
};

function gradeFromScore(score: number): GradeCell {
  let i = 0;
  while (i < THRESHOLDS.length && score >= THRESHOLDS[i]) i++;
  return STEPS[i];
}

function subjectGrade(rng: Rng, p: { ability: number; gender: Gender; absence: number }, offset: number): GradeCell {
  // Much absence gives streck (no basis for assessment) rather than a grade.
  const streck = p.absence > 0.5 ? 0.5 : p.absence > 0.2 ? 0.12 : p.absence > 0.1 ? 0.015 : 0.002;
  if (rng() < streck) return '9';
  const score = 0.85 * p.ability + 0.5 * normal(rng) + offset + (p.gender === 'F' ? 0.12 : -0.12);
  return gradeFromScore(score);
}

const M2_LANGS = [['SPA', 45], ['DEU', 30], ['FRA', 25]] as const;
const ML_LANGS = [['ARA', 35], ['SOM', 20], ['FAS', 12], ['TIR', 10], ['POL', 8], ['BOS', 8], ['SQI', 7]] as const;
const M1_LANGS = ['ITA', 'ZHO'] as const;
const OLD_CODES: Record<string, string> = { DEU: 'GER', FRA: 'FRE' };

function personnummer(rng: Rng, gender: Gender, used: Set<string>): string {
  for (;;) {
    const month = 1 + Math.floor(rng() * 12);
    const day = 1 + Math.floor(rng() * [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]);
    // Birth numbers 001–979; the third digit carries the legal gender (odd = man).
    let serial = Math.floor(rng() * 98) * 10 + Math.floor(rng() * 5) * 2 + (gender === 'M' ? 1 : 0);
    if (serial === 0) serial = 2;
    const nine = `10${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
    const pnr = `20${nine}${luhnCheckDigit(nine)}`;
    if (!used.has(pnr)) {
      used.add(pnr);
      return pnr;
    }
  }
}

/** Indices of the pupils with planted features (all below 300, so the demo has each one). */
export const PLANTED = {
  badCheckDigit: 5,
  temporaryId: 17,
  onlyFailing: [40, 141],
  over50Absence: 40,
  nearEligibleOneShort: 60,
  nearEligibleNoMath: 161,
  code3: [80, 181, 262],
  badCellG: 100,
  badCellY: 150,
  emptyCell: 230,
  highAbsence: [12, 77, 133, 210, 255],
  ovrGraded: 33,
} as const;

/**
 * Generates `count` synthetic åk 9 pupils (born 2010) of the demo municipality, deterministically
 * for a seed. The first 300 are the demo: three schools, a class of 7 and the planted cases in
 * `PLANTED`. Larger counts add numbered schools of 4 × 25 pupils.
 */
export function generatePupils(count: number, seed: number): Pupil[] {
  const used = new Set<string>();
  const pupils: Pupil[] = [];
  for (const school of schoolsFor(count)) {
    for (let c = 0; c < school.classSizes.length && pupils.length < count; c++) {
      for (let k = 0; k < school.classSizes[c] && pupils.length < count; k++) {
        // Each pupil draws from its own stream, so changing one rule leaves the other pupils alone.
        const rng = mulberry32(subSeed(seed, 1000 + pupils.length));
        pupils.push(makePupil(rng, pupils.length, school, classLabel(9, c), used));
      }
    }
  }
  for (const p of pupils) plant(p);
  return pupils;
}

function absenceFor(rng: Rng): number {
  const r = rng();
  if (r < 0.9) return 0.015 + 0.065 * rng();
  if (r < 0.99) return 0.1 + 0.1 * rng();
  return 0.2 + 0.15 * rng();
}

function makePupil(rng: Rng, index: number, school: School, className: string, used: Set<string>): Pupil {
  const gender: Gender = rng() < 0.49 ? 'F' : 'M';
  const firstName = pick(rng, gender === 'F' ? GIRLS : BOYS);
  const lastName = pick(rng, SURNAMES);
  const sva = rng() < 0.1;
  const absence = absenceFor(rng);
  // Much absence and a short time in Swedish school go with lower grades.
  const ability = normal(rng) - (sva ? 0.45 : 0) - (absence > 0.1 ? 0.5 : 0) - (absence > 0.2 ? 0.5 : 0);
  const base = { ability, gender, absence };
  const grades = {} as Record<CoreSubject, GradeCell>;
  for (const s of CORE_SUBJECTS) grades[s] = subjectGrade(rng, base, SUBJECT_OFFSET[s]);
  if (sva) grades.Sv = '2';
  else grades.Sva = '2';

  const noLang: LanguageGrade = { lang: '', grade: '2' };
  let m2 = noLang;
  if (rng() < (sva ? 0.45 : 0.74)) {
    const lang = weighted(rng, M2_LANGS);
    const written = school.system === 'SchoolSoft' ? OLD_CODES[lang] ?? lang : lang;
    m2 = { lang: written, grade: subjectGrade(rng, base, 0.0) };
  }
  let ml = noLang;
  if (rng() < (sva ? 0.55 : 0.05)) ml = { lang: weighted(rng, ML_LANGS), grade: subjectGrade(rng, { ...base, ability: base.ability + 0.8 }, 0.2) };
  let m1 = noLang;
  if (rng() < 0.02) m1 = { lang: pick(rng, M1_LANGS), grade: subjectGrade(rng, base, 0.1) };

  const unexcusedShare = absence > 0.15 ? 0.3 + 0.5 * rng() : 0.05 + 0.35 * rng();
  const unregistered = rng() < 0.6 ? 0.012 * rng() : 0;
  // Scheduled minutes for the term so far: the timetable differs a little per pupil (choices).
  const scheduledMinutes = 27000 + Math.round(rng() * 60) * 50;

  return {
    index,
    personnummer: personnummer(rng, gender, used),
    firstName,
    lastName,
    gender,
    schoolName: school.name,
    schoolCode: school.code,
    system: school.system,
    version: school.version,
    className,
    sva,
    ability,
    grades,
    m1,
    m2,
    ml,
    tn: '2',
    ovr: '2',
    absence,
    unexcusedShare,
    unregistered,
    scheduledMinutes,
    seed: Math.floor(rng() * 2 ** 32),
    tags: [],
  };
}

/** Applies the planted cases (documented in README.md) to the pupils that exist. */
function plant(p: Pupil): void {
  const i = p.index;
  const set = (s: CoreSubject, g: GradeCell) => {
    // Never overwrite the '2' of the Swedish subject the pupil does not study.
    if (p.grades[s] !== '2') p.grades[s] = g;
  };
  if (i === PLANTED.badCheckDigit) {
    const last = Number(p.personnummer[11]);
    p.personnummer = p.personnummer.slice(0, 11) + String((last + 3) % 10);
    p.tags.push('bad-check-digit');
  }
  if (i === PLANTED.temporaryId) {
    // SCB temporary id ååååmmddTFnn; first digit of nn odd = man.
    p.personnummer = `${p.personnummer.slice(0, 8)}TF${p.gender === 'M' ? '1' : '2'}${(i % 10)}`;
    p.tags.push('temporary-id');
  }
  if ((PLANTED.onlyFailing as readonly number[]).includes(i)) {
    let k = 0;
    for (const s of CORE_SUBJECTS) set(s, k++ % 3 === 0 ? 'F' : '9');
    if (p.m2.lang) p.m2 = { ...p.m2, grade: '9' };
    if (p.ml.lang) p.ml = { ...p.ml, grade: 'F' };
    if (p.m1.lang) p.m1 = { ...p.m1, grade: '9' };
    p.ability = -2.2;
    p.tags.push('only-f-or-streck');
  }
  if (i === PLANTED.over50Absence) {
    p.absence = 0.56;
    p.unexcusedShare = 0.7;
    p.tags.push('absence-over-50');
  }
  if ((PLANTED.highAbsence as readonly number[]).includes(i)) {
    p.absence = 0.22 + 0.02 * (i % 5);
    p.unexcusedShare = 0.55;
    // So much absence leaves teachers without basis in some subjects.
    set('Idh', '9');
    set('Mu', '9');
    p.tags.push('high-absence');
  }
  if (i === PLANTED.nearEligibleOneShort) {
    // Sv/Sva, En, Ma + 4 other passes: one pass short of yrkesprogram.
    const keep = new Set<CoreSubject>(['Sv', 'Sva', 'En', 'Ma', 'Bl', 'Idh', 'Hkk', 'Sl']);
    for (const s of CORE_SUBJECTS) set(s, keep.has(s) ? 'E' : 'F');
    p.m2 = { lang: '', grade: '2' };
    p.ml = { lang: '', grade: '2' };
    p.m1 = { lang: '', grade: '2' };
    p.tags.push('near-eligible-one-short');
  }
  if (i === PLANTED.nearEligibleNoMath) {
    // Passes everything but Ma: short of the core subject only.
    for (const s of CORE_SUBJECTS) set(s, s === 'Ma' ? 'F' : p.grades[s] === 'F' || p.grades[s] === '9' ? 'E' : p.grades[s]);
    p.tags.push('near-eligible-no-math');
  }
  if ((PLANTED.code3 as readonly number[]).includes(i)) {
    // Anpassad timplan: a subject not studied.
    set(i === PLANTED.code3[0] ? 'Sl' : i === PLANTED.code3[1] ? 'Mu' : 'Hkk', '3');
    if (i === PLANTED.code3[2]) p.m2 = { lang: '', grade: '3' };
    p.tags.push('code-3');
  }
  if (i === PLANTED.badCellG) {
    set('Bi', 'G');
    p.tags.push('bad-cell-G');
  }
  if (i === PLANTED.badCellY) {
    set('Mu', 'Y');
    p.tags.push('bad-cell-Y');
  }
  if (i === PLANTED.emptyCell) {
    set('Idh', '');
    p.tags.push('empty-cell');
  }
  if (i === PLANTED.ovrGraded) {
    p.ovr = 'C';
    p.tags.push('ovr-graded');
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers over records (used by tests and the long/wide layouts)

/** Passing grade A–E. */
export function isPass(g: GradeCell): boolean {
  return g === 'A' || g === 'B' || g === 'C' || g === 'D' || g === 'E';
}

/** All graded subjects of a pupil (code 2 left out) as [label, grade], label like 'Sv' or 'M2 SPA'. */
export function subjectEntries(p: Pupil): [string, GradeCell][] {
  const out: [string, GradeCell][] = [];
  for (const s of CORE_SUBJECTS) if (p.grades[s] !== '2') out.push([s, p.grades[s]]);
  for (const [code, lg] of [['M1', p.m1], ['M2', p.m2], ['ML', p.ml]] as const) {
    if (lg.grade !== '2') out.push([lg.lang ? `${code} ${lg.lang}` : code, lg.grade]);
  }
  if (p.tn !== '2') out.push(['Tn', p.tn]);
  if (p.ovr !== '2') out.push(['OVR', p.ovr]);
  return out;
}

/** Written `ååååmmdd-nnnn` (or the temporary id unchanged), as attendance systems show it. */
export function hyphenated(pnr: string): string {
  return /^\d{12}$/.test(pnr) ? `${pnr.slice(0, 8)}-${pnr.slice(8)}` : pnr;
}

// ---------------------------------------------------------------------------------------------
// 1. SCB slutbetyg åk 9 (headerless, 33 columns)

/** The 33 columns of the SCB slutbetyg åk 9 file, spring 2026 (datafilsbeskrivning). */
/** The 33 SCB grade columns: the readers' list (core/table), so the demo file cannot drift from it. */
export const SCB_GRADE_COLUMNS = SCB9_COLUMNS;

/** One SCB grade row as its 33 fields. */
export function scbGradeFields(p: Pupil): string[] {
  const g = p.grades;
  return [
    p.system, EXPORT_DATE, p.version, p.personnummer, p.schoolCode, p.className, p.firstName, p.lastName,
    g.Bl, g.En, g.Hkk, g.Idh, g.Ma, p.m1.lang, p.m1.grade, p.m2.lang, p.m2.grade, p.ml.lang, p.ml.grade,
    g.Mu, g.Bi, g.Fy, g.Ke, g.Ge, g.Hi, g.Re, g.Sh, g.Sl, g.Sv, g.Sva, p.tn, g.Tk, p.ovr,
  ];
}

/** The SCB slutbetyg file as text: no header, `;`, CRLF (encode as Windows-1252 to write it). */
export function scbGradeFileText(pupils: readonly Pupil[]): string {
  let out = '';
  for (const p of pupils) out += scbGradeFields(p).join(';') + '\r\n';
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2. SCB nationella prov åk 9 (headerless, 32 columns)

/** The 32 columns of the SCB national-test file åk 9, spring 2026 (datafilsbeskrivning). */
export const SCB_TEST_COLUMNS = SCB_TEST9_COLUMNS;

/** A test outcome: a provbetyg 'A'–'F' or the codes '99' (not all sub-tests), '88' (lost), '77' (replacement). */
type TestOutcome = string;

/** Test grade beside a final grade: mostly the same, some a step lower (final higher), few higher. */
function testGrade(rng: Rng, final: GradeCell): TestOutcome {
  const r = rng();
  if (r < 0.012) return '88';
  if (r < 0.025) return '77';
  if (final === '9' || final === '3' || final === '' || !STEPS.includes(final as (typeof STEPS)[number])) {
    return rng() < 0.8 ? '99' : 'F';
  }
  if (r < 0.055) return '99';
  let i = STEPS.indexOf(final as (typeof STEPS)[number]);
  const d = rng();
  if (d < 0.27) i -= 1;
  else if (d < 0.33) i -= 2;
  else if (d < 0.42) i += 1;
  return STEPS[Math.max(0, Math.min(5, i))];
}

/** Sub-test participation fields for an outcome ('1' each; one '99' for 99; all 88/77). */
function deltFields(rng: Rng, outcome: TestOutcome, n: number, firstHas77: boolean): string[] {
  if (outcome === '88') return Array(n).fill('88');
  if (outcome === '77') return Array.from({ length: n }, (_, k) => (k === 0 && !firstHas77 ? '99' : '77'));
  const f = Array(n).fill('1');
  if (outcome === '99') f[Math.floor(rng() * n)] = '99';
  return f;
}

/** Sub-test scores for an outcome: SV 0–18, EN 1–9 (datafilsbeskrivning), scaled by the grade. */
function scoreFields(rng: Rng, outcome: TestOutcome, max: number, min: number): string[] {
  if (outcome === '88') return ['88', '88', '88'];
  // Sub-test A has no code 77 in the specification: the replacement test covers B and C.
  if (outcome === '77') return ['99', '77', '77'];
  const level = STEPS.indexOf(outcome as (typeof STEPS)[number]);
  const out: string[] = [];
  for (let k = 0; k < 3; k++) {
    const base = level < 0 ? rng() * 0.5 : (level + 0.4 + rng() * 0.8) / 6;
    out.push(String(Math.max(min, Math.min(max, Math.round(base * max)))));
  }
  if (outcome === '99') out[Math.floor(rng() * 3)] = '99';
  return out;
}

/** One NP row as its 32 fields; the randomness comes from the pupil's own seed. */
export function scbTestFields(p: Pupil): string[] {
  const rng = mulberry32(subSeed(p.seed, 2));
  const swedish = p.sva ? p.grades.Sva : p.grades.Sv;
  const ma = testGrade(rng, p.grades.Ma);
  const sv = testGrade(rng, swedish);
  const en = testGrade(rng, p.grades.En);
  const noSubject = pick(rng, ['BI', 'FY', 'KE'] as const);
  const soSubject = pick(rng, ['GE', 'HI', 'RE', 'SH'] as const);
  const no = testGrade(rng, p.grades[({ BI: 'Bi', FY: 'Fy', KE: 'Ke' } as const)[noSubject]]);
  const so = testGrade(rng, p.grades[({ GE: 'Ge', HI: 'Hi', RE: 'Re', SH: 'Sh' } as const)[soSubject]]);
  const group = p.className;
  return [
    p.system, EXPORT_DATE, p.version, p.personnummer, p.schoolCode,
    `Ma${group}`, ...deltFields(rng, ma, 4, false), ma,
    p.sva ? 'Sva9' : `Sv${group}`, p.sva ? '2' : '1', ...scoreFields(rng, sv, 18, 0), sv,
    `En${group}`, ...scoreFields(rng, en, 9, 1), en,
    noSubject, ...deltFields(rng, no, 2, true), `${noSubject === 'BI' ? 'Bi' : noSubject === 'FY' ? 'Fy' : 'Ke'}${group}`, no,
    soSubject, ...deltFields(rng, so, 2, true), `${soSubject[0]}${soSubject[1].toLowerCase()}${group}`, so,
  ];
}

/** The SCB national-test file as text: no header, `;`, CRLF (write as UTF-8 with BOM). */
export function scbTestFileText(pupils: readonly Pupil[]): string {
  let out = '';
  for (const p of pupils) out += scbTestFields(p).join(';') + '\r\n';
  return out;
}

// ---------------------------------------------------------------------------------------------
// 3. Long layout

/** `Personnummer;Klass;Ämne;Betyg`, one row per pupil and graded subject; streck as `-`. */
export function longGradeText(pupils: readonly Pupil[]): string {
  let out = 'Personnummer;Klass;Ämne;Betyg\r\n';
  for (const p of pupils) {
    for (const [subject, grade] of subjectEntries(p)) {
      out += `${p.personnummer};${p.className};${subject};${grade === '9' ? '-' : grade}\r\n`;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 4. Åk 8 terminsbetyg VT2025 (progression)

export const AK8_COLUMNS = [
  'Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Sv', 'Sva', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re',
  'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl', 'M2', 'ML',
] as const;

/** Pupils in åk 9 who were not at the schools in åk 8 (last 8 of the demo's first 300, spread). */
export const NEW_IN_AK9 = [7, 48, 95, 119, 176, 203, 247, 288] as const;
/** The pupil written `ååmmdd-nnnk` in the åk 8 file. */
export const SHORT_ID_IN_AK8 = 22;
/** Pupils who were in åk 8 and had left before åk 9. */
export const LEFT_AFTER_AK8 = 10;

/** An earlier grade: mostly the same, on average a little lower (grades rise towards åk 9). */
function earlierGrade(rng: Rng, g: GradeCell): GradeCell {
  const i = STEPS.indexOf(g as (typeof STEPS)[number]);
  if (g === '9') return rng() < 0.5 ? '-' : 'F';
  if (i < 0) return g === '3' || g === '2' ? '' : 'E';
  const r = rng();
  let j = i;
  if (r < 0.24) j = i - 1;
  else if (r < 0.28) j = i - 2;
  else if (r < 0.37) j = i + 1;
  return STEPS[Math.max(0, Math.min(5, j))];
}

/** Rows of the åk 8 file as field arrays (header first), shared by the CSV and the workbook. */
export function ak8Rows(pupils: readonly Pupil[], seed: number): string[][] {
  const rows: string[][] = [[...AK8_COLUMNS]];
  const newSet = new Set<number>(NEW_IN_AK9);
  const row = (p: Pupil, rng: Rng, id: string): string[] => {
    const cell = (s: CoreSubject) => (p.grades[s] === '2' ? '' : earlierGrade(rng, p.grades[s]));
    const m2 = p.m2.grade === '2' ? '' : earlierGrade(rng, p.m2.grade);
    const ml = p.ml.grade === '2' ? '' : earlierGrade(rng, p.ml.grade);
    return [
      id, p.firstName, p.lastName, p.className.replace(/^9/, '8'),
      cell('Sv'), cell('Sva'), cell('En'), cell('Ma'), cell('Bi'), cell('Fy'), cell('Ke'), cell('Tk'), cell('Ge'),
      cell('Hi'), cell('Re'), cell('Sh'), cell('Bl'), cell('Hkk'), cell('Idh'), cell('Mu'), cell('Sl'), m2, ml,
    ];
  };
  for (const p of pupils) {
    if (newSet.has(p.index)) continue;
    const rng = mulberry32(subSeed(p.seed, 3));
    const id = p.index === SHORT_ID_IN_AK8 && /^\d{12}$/.test(p.personnummer)
      ? `${p.personnummer.slice(2, 8)}-${p.personnummer.slice(8)}`
      : p.personnummer;
    rows.push(row(p, rng, id));
  }
  // Pupils who moved away before åk 9: fresh records, never in the åk 9 files.
  const leavers = generatePupils(DEMO_PUPILS + LEFT_AFTER_AK8, subSeed(seed, 4)).slice(-LEFT_AFTER_AK8);
  const taken = new Set(pupils.map((p) => p.personnummer));
  leavers.forEach((p, k) => {
    if (taken.has(p.personnummer)) return;
    const rng = mulberry32(subSeed(p.seed, 3));
    const demoClass = pupils.length ? pupils[(k * 31) % pupils.length].className : '9A';
    rows.push(row({ ...p, className: demoClass }, rng, p.personnummer));
  });
  return rows;
}

/** The åk 8 terminsbetyg VT2025 file, `;`, CRLF, UTF-8. */
export function ak8GradeText(pupils: readonly Pupil[], seed: number): string {
  return ak8Rows(pupils, seed).map((r) => r.join(';')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// 5–6. Attendance totals

export interface AttendanceTotals {
  scheduled: number;
  present: number;
  excused: number;
  unexcused: number;
  unregistered: number;
}

/** Minutes of the term for a pupil: present + excused + unexcused + unregistered = scheduled. */
export function attendanceTotals(p: Pupil): AttendanceTotals {
  const scheduled = p.scheduledMinutes;
  const absent = Math.round(scheduled * p.absence);
  const unexcused = Math.round(absent * p.unexcusedShare);
  const excused = absent - unexcused;
  const unregistered = Math.round(scheduled * p.unregistered);
  return { scheduled, present: scheduled - absent - unregistered, excused, unexcused, unregistered };
}

export const VKLASS_HEADER = 'Personnummer;Elev;Klass;Undv. tid;N min;GF min;F min;Ej reg tid';

/** Rows of the Vklass totals (header first). */
export function vklassRows(pupils: readonly Pupil[]): (string | number)[][] {
  const rows: (string | number)[][] = [VKLASS_HEADER.split(';')];
  for (const p of pupils) {
    const a = attendanceTotals(p);
    rows.push([hyphenated(p.personnummer), `${p.firstName} ${p.lastName}`, p.className, a.scheduled, a.present, a.excused, a.unexcused, a.unregistered]);
  }
  return rows;
}

/** Vklass-like totals in minutes, `;`, CRLF (write as UTF-8 with BOM). */
export function vklassText(pupils: readonly Pupil[]): string {
  return vklassRows(pupils).map((r) => r.join(';')).join('\r\n') + '\r\n';
}

function hours(minutes: number): string {
  return (minutes / 60).toFixed(2).replace('.', ',');
}

/**
 * Skola24-like totals in hours with decimal commas. Närvaro counts unregistered time as present (as
 * Skola24 does); Frånvaro (%) is rounded to a whole percent as exported.
 */
export function skola24Text(pupils: readonly Pupil[]): string {
  let out = 'Personnummer;Namn;Klass;Schemalagd tid (h);Närvaro (h);Giltig frånvaro (h);Ogiltig frånvaro (h);Frånvaro (%)\r\n';
  for (const p of pupils) {
    const a = attendanceTotals(p);
    const pct = Math.round((100 * (a.excused + a.unexcused)) / a.scheduled);
    out += [
      hyphenated(p.personnummer), `${p.lastName}, ${p.firstName}`, p.className,
      hours(a.scheduled), hours(a.present + a.unregistered), hours(a.excused), hours(a.unexcused), String(pct),
    ].join(';') + '\r\n';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 7. Lesson rows

export const LESSON_STATUSES = ['Närvarande', 'Giltig frånvaro', 'Ogiltig frånvaro', 'Sen ankomst', 'Ej rapporterad'] as const;

/** First lesson day of the lesson file (a Monday). */
export const LESSON_START = '2026-01-12';
/** School days in the demo lesson file: 12 Jan – 6 Mar 2026. */
export const LESSON_DAYS = 40;

/** The `days` school days (Mon–Fri) from 2026-01-12, as `åååå-mm-dd`. */
export function schoolDays(days: number): string[] {
  const out: string[] = [];
  // UTC date arithmetic only; no clock is read.
  let t = Date.UTC(2026, 0, 12);
  while (out.length < days) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(new Date(t).toISOString().slice(0, 10));
    t += 86_400_000;
  }
  return out;
}

/** A class timetable: per weekday the lessons as [start, minutes]; 4–6 lessons a day. */
function timetable(className: string, schoolCode: string): [string, number][][] {
  const rng = mulberry32(subSeed(Number(schoolCode) || 1, className.charCodeAt(1) * 31 + className.length));
  const slots: [string, number][] = [['08:15', 60], ['09:25', 55], ['10:30', 50], ['12:10', 60], ['13:20', 55], ['14:25', 45]];
  const week: [string, number][][] = [];
  for (let d = 0; d < 5; d++) {
    const n = 4 + Math.floor(rng() * 3);
    week.push(slots.slice(0, n));
  }
  return week;
}

/** Whole-day absence streaks planted in the lesson file: [pupil index, first day index, days]. */
export const ABSENCE_STREAKS: readonly (readonly [number, number, number])[] = [
  // Friday 2026-01-23 → Tuesday 2026-01-27: across a weekend.
  [3, 9, 3],
  // A whole week, Monday 2026-02-02 → Friday 2026-02-06.
  [120, 15, 5],
  // Wednesday → Friday 2026-01-14 … 01-16.
  [215, 2, 3],
];

/**
 * Pupils planted in the lesson file so that the default närvaroplan (core/attendance/plan-sheet.ts)
 * reaches every step; otherwise they attend every lesson. Day numbers count school days from Mon
 * 12 Jan 2026 (0), so d % 5 is the weekday (0 Monday … 4 Friday).
 */
export const LADDER_CASES = {
  /** Absent Tue 17 and Thu 19 Feb: the second occasion in a month → step 1 on 19 Feb; 2 of 29 days stays under 10 %. */
  occasions: 21,
  /** Absent Mondays 16 and 23 Feb and 2 Mar: three on one weekday within six weeks → step 2 on 2 Mar (3 of 36 days, under 10 %). */
  weekday: 45,
  /** Absent Tue 20 – Thu 22 Jan: above 10 % on 26 Jan (step 2) and still on 9 Feb (step 3), below it by 2 Mar. */
  step3: 60,
  /** Ogiltig absence every Friday (20 %): step 2 on 26 Jan, step 3 on 9 Feb, step 4 on 2 Mar. */
  step4: 90,
  /** Absent Wed 11 – Wed 18 Feb, six school days in a row → step 1 by the run (and above 10 %: steps 2 and 3). */
  longRun: 110,
} as const;

/** The class whose second lesson of the day is never registered: rapporteringsgrad under 95 %. */
export const POORLY_REGISTERED = { schoolCode: '23456789', className: '9C' } as const;

function ladderDay(index: number, d: number): 'Giltig frånvaro' | 'Ogiltig frånvaro' | 'Närvarande' | null {
  const c = LADDER_CASES;
  const absent = index === c.occasions ? d === 26 || d === 28
    : index === c.weekday ? d === 25 || d === 30 || d === 35
      : index === c.step3 ? d >= 6 && d <= 8
        : index === c.step4 ? d % 5 === 4
          : index === c.longRun ? d >= 22 && d <= 27
            : null;
  if (absent === null) return null;
  return absent ? (index === c.step4 ? 'Ogiltig frånvaro' : 'Giltig frånvaro') : 'Närvarande';
}

/**
 * Lesson-level attendance rows over `days` school days from 2026-01-12:
 * `Personnummer;Klass;Datum;Starttid;Minuter;Status;Sen min`. The pupils of `LADDER_CASES` follow
 * their planted days; the class of `POORLY_REGISTERED` misses registrations.
 */
export function lessonRowsText(pupils: readonly Pupil[], days: number): string {
  const dates = schoolDays(days);
  const parts: string[] = ['Personnummer;Klass;Datum;Starttid;Minuter;Status;Sen min\r\n'];
  const streaks = new Map<number, [number, number]>();
  for (const [i, from, n] of ABSENCE_STREAKS) streaks.set(i, [from, n]);
  const timetables = new Map<string, [string, number][][]>();
  for (const p of pupils) {
    const key = `${p.schoolCode}/${p.className}`;
    let tt = timetables.get(key);
    if (!tt) timetables.set(key, (tt = timetable(p.className, p.schoolCode)));
    const rng = mulberry32(subSeed(p.seed, 5));
    const streak = streaks.get(p.index);
    // Whole sick days make up most of the excused absence; single lessons the rest.
    const dayAbsence = p.absence * (1 - p.unexcusedShare) * 0.8;
    const lessonAbsence = p.absence - dayAbsence;
    let lines = '';
    const prefix = `${p.personnummer};${p.className};`;
    dates.forEach((date, d) => {
      const lessons = tt![d % 5];
      const sickDay = streak ? d >= streak[0] && d < streak[0] + streak[1] : rng() < dayAbsence;
      for (let l = 0; l < lessons.length; l++) {
        const [start, minutes] = lessons[l];
        // A lesson the teacher forgot to report: the same lesson for the whole class.
        const classUnreported = (d * 7 + l * 3 + lessons.length + p.className.charCodeAt(1)) % 97 === 0;
        let status: string;
        let late = '';
        if (classUnreported) status = 'Ej rapporterad';
        else if (sickDay) status = 'Giltig frånvaro';
        else {
          const r = rng();
          if (r < lessonAbsence * p.unexcusedShare * 1.4) status = 'Ogiltig frånvaro';
          else if (r < lessonAbsence) status = 'Giltig frånvaro';
          else if (r < lessonAbsence + 0.03) {
            status = 'Sen ankomst';
            late = String(3 + Math.floor(rng() * 18));
          } else if (r < lessonAbsence + 0.03 + p.unregistered) status = 'Ej rapporterad';
          else status = 'Närvarande';
        }
        // Planted cases replace the drawn status (the draws still happen, so other pupils keep theirs).
        const planted = classUnreported ? null : ladderDay(p.index, d);
        if (planted) {
          status = planted;
          late = '';
        }
        if (p.schoolCode === POORLY_REGISTERED.schoolCode && p.className === POORLY_REGISTERED.className && l === 1) {
          status = 'Ej rapporterad';
          late = '';
        }
        lines += `${prefix}${date};${start};${minutes};${status};${late}\r\n`;
      }
    });
    parts.push(lines);
  }
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// 8. Survey

export const SURVEY_ANSWERS = ['Stämmer helt och hållet', 'Stämmer ganska bra', 'Stämmer ganska dåligt', 'Stämmer inte alls'] as const;

export interface SurveyQuestion {
  id: string;
  text: string;
  area: 'Trygghet' | 'Studiero' | 'Stimulans' | 'Stöd' | 'Bemötande';
  reversed: boolean;
}

export const SURVEY_QUESTIONS: readonly SurveyQuestion[] = [
  { id: 'F01', text: 'Jag känner mig trygg i skolan.', area: 'Trygghet', reversed: false },
  { id: 'F02', text: 'De vuxna på skolan reagerar om någon blir illa behandlad.', area: 'Trygghet', reversed: false },
  { id: 'F03', text: 'Jag har arbetsro på lektionerna.', area: 'Studiero', reversed: false },
  { id: 'F04', text: 'Det är ofta stökigt på lektionerna.', area: 'Studiero', reversed: true },
  { id: 'F05', text: 'Lärarna ser till att det är ordning på lektionerna.', area: 'Studiero', reversed: false },
  { id: 'F06', text: 'Skolarbetet gör mig nyfiken på att lära mig mer.', area: 'Stimulans', reversed: false },
  { id: 'F07', text: 'Jag tycker att skolarbetet oftast är tråkigt.', area: 'Stimulans', reversed: true },
  { id: 'F08', text: 'Lärarna förväntar sig att jag ska nå så långt som möjligt.', area: 'Stimulans', reversed: false },
  { id: 'F09', text: 'Jag får den hjälp jag behöver av lärarna.', area: 'Stöd', reversed: false },
  { id: 'F10', text: 'Lärarna förklarar vad som krävs för de olika betygen.', area: 'Stöd', reversed: false },
  { id: 'F11', text: 'Lärarna behandlar mig med respekt.', area: 'Bemötande', reversed: false },
  { id: 'F12', text: 'Eleverna på skolan behandlar varandra med respekt.', area: 'Bemötande', reversed: false },
];

/** `Fråga;Text;Område;Omvänd`. */
export function surveyQuestionsText(): string {
  return ['Fråga;Text;Område;Omvänd', ...SURVEY_QUESTIONS.map((q) => `${q.id};${q.text};${q.area};${q.reversed ? 'ja' : 'nej'}`)].join('\r\n') + '\r\n';
}

/** Per area and school a small shift, so schools differ (Söderskolan has less studiero). */
function surveyShift(school: string, area: SurveyQuestion['area']): number {
  if (school === 'Söderskolan' && area === 'Studiero') return -0.6;
  if (school === 'Västerskolan' && area === 'Trygghet') return 0.3;
  if (school === 'Norrskolan' && area === 'Stöd') return -0.25;
  return 0;
}

/** Survey rows (header first): about 85 % of the åk 9 pupils answer, plus åk 8 respondents, shuffled. */
export function surveyRows(pupils: readonly Pupil[], seed: number): string[][] {
  const rng = mulberry32(subSeed(seed, 6));
  type Resp = { school: string; className: string; gender: string; year: number; wellbeing: number };
  const resp: Resp[] = [];
  for (const p of pupils) {
    if (rng() > 0.86) continue;
    const gender = rng() < 0.03 ? '' : p.gender === 'F' ? 'Flicka' : 'Pojke';
    resp.push({ school: p.schoolName, className: p.className, gender, year: 9, wellbeing: 0.35 * p.ability + normal(rng) * 0.8 });
  }
  // Åk 8 classes answer too (no link to any record).
  const schools = [...new Set(pupils.map((p) => p.schoolName))];
  for (const school of schools) {
    for (const letter of ['A', 'B', 'C']) {
      const n = 18 + Math.floor(rng() * 8);
      for (let k = 0; k < n; k++) {
        const gender = rng() < 0.03 ? '' : rng() < 0.5 ? 'Flicka' : 'Pojke';
        resp.push({ school, className: `8${letter}`, gender, year: 8, wellbeing: normal(rng) * 0.9 + 0.1 });
      }
    }
  }
  // Shuffle within the file so row order says nothing about who answered.
  for (let i = resp.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [resp[i], resp[j]] = [resp[j], resp[i]];
  }
  resp.sort((a, b) => (a.school + a.className).localeCompare(b.school + b.className, 'sv'));
  const rows: string[][] = [['Skola', 'Klass', 'Kön', 'Årskurs', ...SURVEY_QUESTIONS.map((q) => q.id)]];
  for (const r of resp) {
    const answers = SURVEY_QUESTIONS.map((q) => {
      const u = rng();
      if (u < 0.025) return '';
      if (u < 0.06) return 'Vet ej';
      // Positive score → agreement; reversed items are worded negatively, so agreement flips.
      let s = r.wellbeing + 0.45 + surveyShift(r.school, q.area) + normal(rng) * 0.7;
      if (q.reversed) s = -s + 0.2;
      const k = s > 0.9 ? 0 : s > 0 ? 1 : s > -0.8 ? 2 : 3;
      return SURVEY_ANSWERS[k];
    });
    rows.push([r.school, r.className, r.gender, String(r.year), ...answers]);
  }
  return rows;
}

/** The survey file, `;`, CRLF, UTF-8. */
export function surveyText(pupils: readonly Pupil[], seed: number): string {
  return surveyRows(pupils, seed).map((r) => r.join(';')).join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// Encoding

const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** Encodes text as Windows-1252; a character outside it throws (the generator never writes one). */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else if (CP1252_HIGH[c] !== undefined) out[i] = CP1252_HIGH[c];
    else throw new Error(`Not in Windows-1252: U+${c.toString(16)} at ${i}`);
  }
  return out;
}

/** UTF-8 bytes, with a byte-order mark when asked. */
export function encodeUtf8(text: string, bom: boolean): Uint8Array {
  return new TextEncoder().encode((bom ? '\ufeff' : '') + text);
}

/** Name and bytes of every text file in examples/ for a seed (the workbook is in workbook.ts). */
export function demoTextFiles(seed: number = DEMO_SEED): [string, Uint8Array][] {
  const pupils = generatePupils(DEMO_PUPILS, seed);
  return [
    ['betyg-ak9-vt2026.txt', encodeWindows1252(scbGradeFileText(pupils))],
    ['np-ak9-vt2026.txt', encodeUtf8(scbTestFileText(pupils), true)],
    ['betyg-ak9-long.csv', encodeUtf8(longGradeText(pupils), false)],
    ['betyg-ak8-vt2025.csv', encodeUtf8(ak8GradeText(pupils, seed), false)],
    ['franvaro-vklass-vt2026.csv', encodeUtf8(vklassText(pupils), true)],
    ['franvaro-skola24-vt2026.csv', encodeUtf8(skola24Text(pupils), true)],
    // 40 school days (12 Jan – 6 Mar): long enough for step 4 of the default närvaroplan.
    ['franvaro-lektioner-vt2026.csv', encodeUtf8(lessonRowsText(pupils, LESSON_DAYS), false)],
    ['elevenkat-2026.csv', encodeUtf8(surveyText(pupils, seed), false)],
    ['elevenkat-fragor.csv', encodeUtf8(surveyQuestionsText(), false)],
    // The same cohort earlier on (issue 15): åk 3 test, åk 6 grades and test, åk 7 term grades.
    ['np-ak3-vt2020.txt', encodeUtf8(np3Text(pupils), true)],
    ['betyg-ak6-vt2023.txt', encodeWindows1252(ak6GradeText(pupils))],
    ['np-ak6-vt2023.txt', encodeUtf8(np6Text(pupils), true)],
    ['betyg-ak7-vt2024.txt', encodeWindows1252(ak7GradeText(pupils))],
  ];
}

// ---------------------------------------------------------------------------------------------
// The same cohort in åk 3, 6 and 7 (issue 15): earlier grades are the åk 9 grades stepped back.

/** Pupils who came after åk 6 (not in the åk 6 and åk 7 files, nor the åk 3 test): every 23rd. */
export const NEW_AFTER_AK6 = (p: Pupil) => p.index % 23 === 11 || (NEW_IN_AK9 as readonly number[]).includes(p.index);

/** A grade `steps` years earlier as the åk 8 file makes it (grades rise towards åk 9); its own random stream per year. */
function gradeBack(p: Pupil, g: GradeCell, steps: number, stream: number): GradeCell {
  const rng = mulberry32(subSeed(p.seed, stream));
  let x = g;
  for (let k = 0; k < steps; k++) x = earlierGrade(rng, x === '-' ? '9' : x);
  return x === '-' ? '9' : x;
}

/** The åk 6 grade row (SCB's 35 columns): No/So `2` (graded in the single subjects), M1/M2 `2`, a few `Z`. */
function ak6Fields(p: Pupil): string[] {
  const g = (s: CoreSubject) => (p.grades[s] === '2' ? '2' : p.grades[s] === '3' ? '3' : gradeBack(p, p.grades[s], 1, 60 + s.length * 7 + s.charCodeAt(0)));
  // Hkk not yet taught to some pupils in åk 6: SCB code Z (åk 6 only).
  const hkk = p.index % 29 === 4 ? 'Z' : g('Hkk');
  const ml = p.ml.grade === '2' ? '2' : gradeBack(p, p.ml.grade, 1, 70);
  return [
    p.system, '2023-06-09', p.version, p.personnummer, p.schoolCode, p.className.replace(/^9/, '6'), p.firstName, p.lastName,
    g('Bl'), g('En'), hkk, g('Idh'), g('Ma'), '', '2', '', '2', p.ml.lang, ml,
    g('Mu'), '2', g('Bi'), g('Fy'), g('Ke'), '2', g('Ge'), g('Hi'), g('Re'), g('Sh'), g('Sl'), g('Sv'), g('Sva'), '2', g('Tk'), '2',
  ];
}

/** The SCB terminsbetyg åk 6 file (vt 2023) as text: no header, 35 columns, `;`, CRLF. */
export function ak6GradeText(pupils: readonly Pupil[]): string {
  if (SCB6_COLUMNS.length !== 35) throw new Error('SCB6_COLUMNS changed');
  let out = '';
  for (const p of pupils) if (!NEW_AFTER_AK6(p)) out += ak6Fields(p).join(';') + '\r\n';
  return out;
}

/** Åk 7 terminsbetyg (vt 2024) in the 33-column SCB form, classes 7X: two terms before åk 8. */
export function ak7GradeText(pupils: readonly Pupil[]): string {
  let out = '';
  for (const p of pupils) {
    if (NEW_AFTER_AK6(p)) continue;
    const f = scbGradeFields(p);
    f[1] = '2024-06-10';
    f[5] = p.className.replace(/^9/, '7');
    // Grade columns of the 33: 8–12, 14, 16, 18, 19–29, 31, 32 (language cells and codes kept as they are).
    for (const i of [8, 9, 10, 11, 12, 14, 16, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 31]) {
      if (/^[A-F9]$/.test(f[i])) f[i] = gradeBack(p, f[i], 1, 80 + i);
    }
    out += f.join(';') + '\r\n';
  }
  return out;
}

/** The ämnesprov åk 6 file (vt 2023, SCB's 29 columns): Ma on paper, Sv/En some digital (blank). */
export function np6Text(pupils: readonly Pupil[]): string {
  let out = '';
  for (const p of pupils) {
    if (NEW_AFTER_AK6(p)) continue;
    const rng = mulberry32(subSeed(p.seed, 90));
    const ma = testGrade(rng, gradeBack(p, p.grades.Ma, 1, 60 + 2 * 7 + 77));
    const sv = testGrade(rng, gradeBack(p, p.sva ? p.grades.Sva : p.grades.Sv, 1, 91));
    const en = testGrade(rng, gradeBack(p, p.grades.En, 1, 60 + 2 * 7 + 69));
    const digital = rng() < 0.3;
    const delt = (o: string, n: number) => (o === '88' ? Array(n).fill('88') : Array.from({ length: n }, (_, k) => (o === '99' && k === 0 ? '99' : '1')));
    const prp = (o: string, max: number) => (digital ? ['', '', ''] : Array.from({ length: 3 }, () => (o === '99' || o === '88' ? o : String(Math.round(max * (0.3 + 0.7 * rng()))))));
    const g6 = p.className.replace(/^9/, '6');
    const mk = (o: string) => (o === '77' ? '99' : o); // no replacement test in åk 6
    const fields = [
      p.system, '2023-05-20', p.version, p.personnummer, p.schoolCode,
      `Ma${g6}`, ...delt(mk(ma), 5), mk(ma),
      digital ? '' : p.sva ? 'Sva6' : `Sv${g6}`, digital ? '' : p.sva ? '2' : '1', ...delt(mk(sv), 3), ...prp(mk(sv), 18), digital ? '' : mk(sv),
      digital ? '' : `En${g6}`, ...delt(mk(en), 3), ...prp(mk(en), 6), digital ? '' : mk(en),
    ];
    if (fields.length !== SCB_TEST6_COLUMNS.length) throw new Error('np6 row width');
    out += fields.join(';') + '\r\n';
  }
  return out;
}

/** The ämnesprov åk 3 file (vt 2020, SCB's 35 columns): sub-test results 1/0, a few 99 and 88; G1/G2 not given. */
export function np3Text(pupils: readonly Pupil[]): string {
  let out = '';
  for (const p of pupils) {
    if (NEW_AFTER_AK6(p)) continue;
    const rng = mulberry32(subSeed(p.seed, 95));
    const sub = () => {
      const r = rng();
      if (r < 0.015) return '99';
      if (r < 0.02) return '88';
      return 0.8 * p.ability + normal(rng) * 0.8 > -1.6 ? '1' : '0';
    };
    const points = (max: number, v: string) => (v === '99' || v === '88' ? v : String(Math.round(max * (v === '1' ? 0.6 + 0.4 * rng() : 0.5 * rng()))));
    const ma = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map(sub);
    const sv = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map(sub);
    const g3 = p.className.replace(/^9/, '3');
    const fields = [
      p.system, '2020-05-15', p.version, p.personnummer, p.schoolCode,
      `Ma${g3}`, ...ma, '', '',
      points(17, ma[1]), points(19, ma[2]), points(14, ma[3]), points(16, ma[4]), points(23, ma[5]), points(15, ma[6]), '', '',
      `Sv${g3}`, p.sva ? '2' : '1', ...sv, points(18, sv[1]), points(18, sv[2]),
    ];
    if (fields.length !== SCB_TEST3_COLUMNS.length) throw new Error('np3 row width');
    out += fields.join(';') + '\r\n';
  }
  return out;
}
