/**
 * The one metadata table of custom functions (HyperFormula-style): name, descriptions,
 * parameters, an example and a host-free implementation for each. Excel's functions.json
 * (excel-addin/functions-meta.mjs), the Apps Script stubs and the pane's function catalogue are
 * generated from it. Errors are values (formulajs-style) with a message that names the argument
 * and cell that was wrong: `#VALUE!` for a wrong input, `#N/A` for nothing to compute from. Only
 * these two, because Excel shows a custom message only with them (see ./types.ts).
 */
import type { CellValue, Lang, ProgramCode, SubjectGrade } from '../types';
import { DEFAULT_SETTINGS, PROGRAM_CODES } from '../types';
import { parsePersonnummer } from '../personnummer';
import { absenceLevel } from '../attendance/level';
import { stepFromShares, type AttendancePlan } from '../attendance/ladder';
import { defaultAttendancePlan, readPlanSheet } from '../attendance/plan-sheet';
import { bandIndex, bandLabels } from '../attendance/bands';
import { comparisonOf, numberOf, targetStatus } from '../report/targets';
import { t } from '../i18n';
import { fnError, isBlank, isFunctionError, scalarArg, show, toNumber, toRows, where } from './args';
import { CORE_SUBJECTS, gradeEngine, type CoreSubject } from './grades-bridge';
import type { FunctionArg, FunctionError, FunctionParam, FunctionResult, FunctionSpec } from './types';

type Ctx = { lang: Lang; referenceYear: number };

/** English name of each parameter: Excel's English metadata and English error messages use it. */
const ARG_EN: Readonly<Record<string, string>> = {
  betyg: 'grades', ämnen: 'subjects', variant: 'variant', program: 'program', betygsmatris: 'gradeMatrix',
  frånvaro: 'absence', schemalagd: 'scheduled', andel: 'share', personnummer: 'personalId', värde: 'value', svar: 'answers',
  ogiltig: 'unexcusedShare', närvaroplan: 'attendancePlan', typ: 'kind',
  mål: 'target', jämförelse: 'comparison', marginal: 'margin', ämne: 'subject', provbetyg: 'testGrade',
};

/** A parameter's name in the message language (`betyg` → `grades` in English). */
const an = (lang: Lang, name: string): string => (lang === 'en' ? ARG_EN[name] ?? name : name);

const p = (name: string, sv: string, en: string, dimensionality: FunctionParam['dimensionality'], type: FunctionParam['type'], optional = false): FunctionParam =>
  ({ name, nameEn: ARG_EN[name], description: { sv, en }, dimensionality, type, ...(optional ? { optional: true } : {}) });

// ---------------------------------------------------------------- grades

/** Grades of one pupil: cells in `betyg`, subjects from the matching cells of `ämnen`. */
function readPupilGrades(
  grades: CellValue[],
  subjects: ({ subject: SubjectGrade['subject']; language?: string } | null)[] | null,
  label: (i: number) => string,
  lang: Lang,
): SubjectGrade[] | FunctionError {
  const out: SubjectGrade[] = [];
  for (let i = 0; i < grades.length; i++) {
    const v = grades[i];
    const entry = gradeEngine.parse(v);
    if (entry === null) return fnError('#VALUE!', lang, 'functions.grade.invalid', { where: label(i), value: show(v) });
    const s = subjects ? subjects[i] : null;
    if (subjects && !s) continue; // a blank header cell: not a subject column
    out.push({ subject: s?.subject ?? 'OVR', ...(s?.language ? { language: s.language } : {}), entry });
  }
  return out;
}

/** Subjects of a header range, flattened in the same order as a grade range. */
function readSubjects(arg: FunctionArg | undefined, lang: Lang) {
  const rows = toRows(arg);
  if (!rows) return null;
  const flat: CellValue[] = rows.flat();
  const out: ({ subject: SubjectGrade['subject']; language?: string } | null)[] = [];
  for (let i = 0; i < flat.length; i++) {
    const v = flat[i];
    if (isBlank(v)) { out.push(null); continue; }
    const s = gradeEngine.subject(v);
    if (!s) {
      const r = Math.floor(i / rows[0].length);
      return fnError('#VALUE!', lang, 'functions.subject.unknown', { where: where(lang, an(lang, 'ämnen'), r, i % rows[0].length, rows.length, rows[0].length), value: show(v) });
    }
    out.push(s);
  }
  return out;
}

function sizeMismatch(lang: Lang, a: number, b: number): FunctionError {
  return fnError('#VALUE!', lang, 'functions.size.mismatch', { grades: a, subjects: b });
}

function readProgram(arg: FunctionArg | undefined, lang: Lang): ProgramCode | FunctionError {
  const v = scalarArg(arg, an(lang, 'program'), lang);
  if (isFunctionError(v)) return v;
  if (isBlank(v)) return 'YRK';
  const code = String(v).trim().toUpperCase();
  return (PROGRAM_CODES as readonly string[]).includes(code) ? (code as ProgramCode) : fnError('#VALUE!', lang, 'functions.program.invalid', { value: show(v) });
}

/** One pupil's grades from `betyg` (+ `ämnen`), with errors naming the bad cell. */
function pupilFromArgs(betyg: FunctionArg | undefined, amnen: FunctionArg | undefined, lang: Lang, needSubjects: boolean): SubjectGrade[] | FunctionError {
  const rows = toRows(betyg);
  if (!rows) return fnError('#N/A', lang, 'functions.empty', { arg: an(lang, 'betyg') });
  const cols = rows[0].length;
  const flat = rows.flat();
  const subjects = readSubjects(amnen, lang);
  if (isFunctionError(subjects)) return subjects;
  if (needSubjects && !subjects) return fnError('#VALUE!', lang, 'functions.subjects.required');
  if (subjects && subjects.length !== flat.length) return sizeMismatch(lang, flat.length, subjects.length);
  return readPupilGrades(flat, subjects, (i) => where(lang, an(lang, 'betyg'), Math.floor(i / cols), i % cols, rows.length, cols), lang);
}

/** Meritvärde 16/17 [C: Skolverket "17 ämnen ger nytt meritvärde"; D: without ämnen, 16 from the values]. */
function meritvarde(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const { lang } = ctx;
  const variantRaw = scalarArg(args[2], an(lang, 'variant'), lang);
  if (isFunctionError(variantRaw)) return variantRaw;
  const hasSubjects = toRows(args[1]) !== null;
  let variant: 16 | 17 = hasSubjects ? 17 : 16;
  if (!isBlank(variantRaw)) {
    const n = toNumber(variantRaw);
    if (n !== 16 && n !== 17) return fnError('#VALUE!', lang, 'functions.variant.invalid', { value: show(variantRaw) });
    variant = n;
  }
  if (variant === 17 && !hasSubjects) return fnError('#VALUE!', lang, 'functions.merit17.needsSubjects');
  const grades = pupilFromArgs(args[0], args[1], lang, false);
  if (isFunctionError(grades)) return grades;
  if (!hasSubjects) {
    // Without headers: the 16 best grade points of the values alone (no M2 to set aside).
    const pts = grades.map((g) => gradeEngine.points(g.entry)).sort((a, b) => b - a);
    return pts.slice(0, 16).reduce((s, x) => s + x, 0);
  }
  return variant === 16 ? gradeEngine.merit16(grades) : gradeEngine.merit17(grades);
}

/** Eligibility, rule set gy11 [C: Skolverket "Behörighetskrav till gymnasieskolan"]. */
function behorig(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const program = readProgram(args[2], ctx.lang);
  if (isFunctionError(program)) return program;
  const grades = pupilFromArgs(args[0], args[1], ctx.lang, true);
  if (isFunctionError(grades)) return grades;
  return gradeEngine.eligibility(grades, program).eligible;
}

/**
 * The principal's action text: which subjects must be passed and how many more passes beyond
 * them; `Behörig` when nothing is missing. [C: Skolverket "Behörighetskrav till gymnasieskolan";
 * D: the wording, domain §3 "what is missing"]
 * @example missingText('sv', ['Ma', 'Fy'], 3) // 'Saknar godkänt i Ma, Fy (1 ämne till)'
 */
export function missingText(lang: Lang, missing: readonly string[], morePassesNeeded: number): string {
  const extra = Math.max(0, morePassesNeeded - missing.length);
  if (missing.length === 0 && morePassesNeeded === 0) return t(lang, 'functions.missing.none');
  if (missing.length === 0) return t(lang, morePassesNeeded === 1 ? 'functions.missing.count1' : 'functions.missing.countN', { n: morePassesNeeded });
  const head = t(lang, 'functions.missing.subjects', { subjects: missing.join(', ') });
  if (extra === 0) return head;
  return `${head} ${t(lang, extra === 1 ? 'functions.missing.more1' : 'functions.missing.moreN', { n: extra })}`;
}

function saknas(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const program = readProgram(args[2], ctx.lang);
  if (isFunctionError(program)) return program;
  const grades = pupilFromArgs(args[0], args[1], ctx.lang, true);
  if (isFunctionError(grades)) return grades;
  const e = gradeEngine.eligibility(grades, program);
  // "En or Ma" (PRIV) is named as En/Ma.
  const named = e.eligible ? [] : [...e.missing, ...(e.missingOneOf ?? []).map((g) => g.join('/'))];
  return missingText(ctx.lang, named, e.eligible ? 0 : e.morePassesNeeded);
}

/** Grade points A 20 … E 10, F and streck 0 [C: Skolverket; prop. 2008/09:66 for streck]. */
function betygspoang(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const v = scalarArg(args[0], an(ctx.lang, 'betyg'), ctx.lang);
  if (isFunctionError(v)) return v;
  if (isBlank(v)) return fnError('#N/A', ctx.lang, 'functions.empty', { arg: an(ctx.lang, 'betyg') });
  const entry = gradeEngine.parse(v);
  if (entry === null) return fnError('#VALUE!', ctx.lang, 'functions.grade.invalid', { where: an(ctx.lang, 'betyg'), value: show(v) });
  if (entry.kind !== 'grade' && entry.kind !== 'streck') return fnError('#N/A', ctx.lang, 'functions.grade.noPoints', { value: show(v) });
  return gradeEngine.points(entry);
}

/** Andel behöriga: eligible / all pupil rows [C: Skolverket, national figures use all leavers]. */
function andelBehoriga(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const { lang } = ctx;
  const program = readProgram(args[2], lang);
  if (isFunctionError(program)) return program;
  const rows = toRows(args[0]);
  if (!rows) return fnError('#N/A', lang, 'functions.empty', { arg: an(lang, 'betygsmatris') });
  const subjects = readSubjects(args[1], lang);
  if (isFunctionError(subjects)) return subjects;
  if (!subjects) return fnError('#VALUE!', lang, 'functions.subjects.required');
  const cols = rows[0].length;
  if (subjects.length !== cols) return sizeMismatch(lang, cols, subjects.length);
  let pupils = 0;
  let eligible = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    // A wholly blank row is no pupil (ranges are often drawn larger than the list).
    if (row.every(isBlank)) continue;
    const grades = readPupilGrades(row, subjects, (c) => where(lang, an(lang, 'betygsmatris'), r, c, rows.length, cols), lang);
    if (isFunctionError(grades)) return grades;
    pupils++;
    if (gradeEngine.eligibility(grades, program).eligible) eligible++;
  }
  if (pupils === 0) return fnError('#N/A', lang, 'functions.matrix.noPupils');
  return eligible / pupils;
}

// ---------------------------------------------------------------- åk 6 and åk 9, per pupil (issue 15)

/**
 * Godkända betyg i alla ämnen with the indicator's own rule (core/grades `allSubjectsPassed`); a pupil
 * outside its denominator (no A–F and no streck anywhere) is #N/A, not FALSE. [D: docs/decisions.md]
 */
function godkandalla(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const grades = pupilFromArgs(args[0], args[1], ctx.lang, true);
  if (isFunctionError(grades)) return grades;
  const f = gradeEngine.pupilFacts(grades);
  return f.assessed ? f.allPassed : fnError('#N/A', ctx.lang, 'functions.notAssessed');
}

/** E or better in Sv (or Sva), En and Ma, or in one of them: the bits of `subjectPassShare` [D: docs/decisions.md]. */
function karnamnen(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const { lang } = ctx;
  const grades = pupilFromArgs(args[0], args[1], lang, true);
  if (isFunctionError(grades)) return grades;
  const which = scalarArg(args[2], an(lang, 'ämne'), lang);
  if (isFunctionError(which)) return which;
  let subjects: readonly CoreSubject[] = CORE_SUBJECTS;
  if (!isBlank(which)) {
    const code = CORE_SUBJECTS.find((c) => c.toLowerCase() === String(which).trim().toLowerCase());
    if (!code) return fnError('#VALUE!', lang, 'functions.core.subject', { value: show(which) });
    subjects = [code];
  }
  const f = gradeEngine.pupilFacts(grades);
  // F or streck in one of them decides, whatever the others hold.
  if (subjects.some((c) => f.core[c].assessed && !f.core[c].passed)) return false;
  const missing = subjects.filter((c) => !f.core[c].assessed);
  return missing.length ? fnError('#N/A', lang, 'functions.core.notAssessed', { subjects: missing.join(', ') }) : true;
}

/** Mean grade points over the A–F cells (F 0); streck, codes and blanks apart, as the subject table [D, spec §5]. */
function medelbetygspoang(args: FunctionArg[], ctx: Ctx): FunctionResult {
  // Streck and codes are no grade points: left out, as in the subject table.
  return meanOfCells(args, ctx, 'betyg', 'functions.grade.invalid', 'functions.mean.noGrades', (v) => {
    const entry = gradeEngine.parse(v);
    return entry === null ? undefined : entry.kind === 'grade' ? gradeEngine.points(entry) : null;
  });
}

/**
 * The mean of a range's cells as `score` reads them: a number counts, null is left out (a streck, "vet
 * ej"), undefined is an invalid cell (#VALUE! naming it); blanks are left out; #N/A when nothing counts.
 */
function meanOfCells(args: FunctionArg[], ctx: Ctx, arg: string, invalidKey: string, noneKey: string, score: (v: CellValue) => number | null | undefined): FunctionResult {
  const { lang } = ctx;
  const rows = toRows(args[0]);
  if (!rows) return fnError('#N/A', lang, 'functions.empty', { arg: an(lang, arg) });
  const cols = rows[0].length;
  let sum = 0;
  let n = 0;
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < rows[r].length; c++) {
      const v = rows[r][c];
      if (isBlank(v)) continue;
      const x = score(v);
      if (x === undefined) return fnError('#VALUE!', lang, invalidKey, { where: where(lang, an(lang, arg), r, c, rows.length, cols), value: show(v) });
      if (x === null) continue;
      sum += x;
      n++;
    }
  }
  return n === 0 ? fnError('#N/A', lang, noneKey) : sum / n;
}

/** Provbetyg at least E: A–E TRUE, F FALSE; 99, 88, 77 and blank are no result (#N/A saying which) [C: SCB np6/np9 2026]. */
function provgodkant(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const { lang } = ctx;
  const v = scalarArg(args[0], an(lang, 'provbetyg'), lang);
  if (isFunctionError(v)) return v;
  const g = gradeEngine.testGrade(v);
  if (!g) return fnError('#VALUE!', lang, 'functions.test.invalid', { value: show(v) });
  if (g.mark) return g.mark !== 'F';
  return g.code === 'blank' || !g.code
    ? fnError('#N/A', lang, 'functions.test.blank', { arg: an(lang, 'provbetyg') })
    : fnError('#N/A', lang, `functions.test.code${g.code}`);
}

// ---------------------------------------------------------------- targets (issue 14)

/** A number as the Mål sheet reads one (`0,85`, `85 %`, 230); blank → null. */
function targetNumber(arg: FunctionArg | undefined, name: string, lang: Lang): number | null | FunctionError {
  const v = scalarArg(arg, an(lang, name), lang);
  if (isFunctionError(v)) return v;
  const n = numberOf(v, false);
  if (n === null) return null;
  return n === undefined || !Number.isFinite(n) ? fnError('#VALUE!', lang, 'functions.target.notNumber', { arg: an(lang, name), value: show(v) }) : n;
}

/** Status of a value against a target: the Mål sheet's and the Nämndrapport's rule (core/report `targetStatus`). */
function malstatus(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const { lang } = ctx;
  const raw = scalarArg(args[0], an(lang, 'värde'), lang);
  if (isFunctionError(raw)) return raw;
  // A hidden (..) or missing (.) figure has no status and stays what it is, as in the reports.
  if (typeof raw === 'string' && (raw.trim() === '..' || raw.trim() === '.')) return raw.trim();
  const value = targetNumber(args[0], 'värde', lang);
  if (isFunctionError(value)) return value;
  if (value === null) return fnError('#N/A', lang, 'functions.empty', { arg: an(lang, 'värde') });
  const target = targetNumber(args[1], 'mål', lang);
  if (isFunctionError(target)) return target;
  if (target === null) return fnError('#N/A', lang, 'functions.empty', { arg: an(lang, 'mål') });
  const cmp = scalarArg(args[2], an(lang, 'jämförelse'), lang);
  if (isFunctionError(cmp)) return cmp;
  const comparison = isBlank(cmp) || typeof cmp === 'string' ? comparisonOf(cmp) : undefined;
  if (!comparison) return fnError('#VALUE!', lang, 'functions.target.comparison', { value: show(cmp) });
  const margin = targetNumber(args[3], 'marginal', lang);
  if (isFunctionError(margin)) return margin;
  if (margin !== null && margin < 0) return fnError('#VALUE!', lang, 'functions.negative', { arg: an(lang, 'marginal'), value: margin });
  // A blank margin is 0, as a blank "Delvis inom" on the Mål sheet.
  return t(lang, `report.targets.status.${targetStatus(value, { target, comparison, margin: margin ?? 0 })!}`);
}

// ---------------------------------------------------------------- attendance

function numberArg(arg: FunctionArg | undefined, name: string, lang: Lang): number | FunctionError {
  const v = scalarArg(arg, name, lang);
  if (isFunctionError(v)) return v;
  if (isBlank(v)) return fnError('#N/A', lang, 'functions.empty', { arg: name });
  const n = toNumber(v);
  if (n === null) return fnError('#VALUE!', lang, 'functions.notNumber', { arg: name, value: show(v) });
  return n;
}

/** Frånvaroandel = absent / scheduled time [C: Skola24, LearnPoint definitions]. */
function franvaro(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const { lang } = ctx;
  const absent = numberArg(args[0], an(lang, 'frånvaro'), lang);
  if (isFunctionError(absent)) return absent;
  const scheduled = numberArg(args[1], an(lang, 'schemalagd'), lang);
  if (isFunctionError(scheduled)) return scheduled;
  if (absent < 0) return fnError('#VALUE!', lang, 'functions.negative', { arg: an(lang, 'frånvaro'), value: absent });
  if (scheduled < 0) return fnError('#VALUE!', lang, 'functions.negative', { arg: an(lang, 'schemalagd'), value: scheduled });
  // No scheduled time: no share to compute (#N/A, not #DIV/0!, so the message reaches the cell).
  if (scheduled === 0) return fnError('#N/A', lang, 'functions.divZero', { arg: an(lang, 'schemalagd') });
  if (absent > scheduled) return fnError('#VALUE!', lang, 'functions.absenceOverScheduled', { absent, scheduled });
  return absent / scheduled;
}

/** Levels at ≥ 10 / 20 / 50 % of scheduled time [D: domain §7 defaults]. */
function franvaroniva(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const { lang } = ctx;
  const share = numberArg(args[0], an(lang, 'andel'), lang);
  if (isFunctionError(share)) return share;
  if (share < 0 || share > 1) return fnError('#VALUE!', lang, 'functions.shareRange', { value: share });
  return t(lang, `functions.level.${absenceLevel(share, DEFAULT_SETTINGS)}`);
}

// ---------------------------------------------------------------- närvaroplan (issue 16)

/** A share 0–1 argument; blank gives null when optional. */
function shareArg(arg: FunctionArg | undefined, name: string, lang: Lang, optional: boolean): number | null | FunctionError {
  if (optional && isBlank(arg)) return null;
  const v = numberArg(arg, an(lang, name), lang);
  if (isFunctionError(v)) return v;
  return v < 0 || v > 1 ? fnError('#VALUE!', lang, 'functions.shareRange', { value: v }) : v;
}

/** The plan of a `närvaroplan` range (the Närvaroplan sheet's cells), or the default plan without one. */
function planArg(arg: FunctionArg | undefined, lang: Lang): AttendancePlan | FunctionError {
  const rows = toRows(arg);
  if (!rows) return defaultAttendancePlan(lang);
  const read = readPlanSheet({ sheet: an(lang, 'närvaroplan'), values: rows }, lang);
  if (read.from === 'default') return fnError('#VALUE!', lang, 'attendance.fn.noPlan', { arg: an(lang, 'närvaroplan') });
  const bad = read.problems.find((x) => x.severity === 'error');
  return bad ? { error: '#VALUE!', message: `${bad.cell}: ${bad.message}` } : read.plan;
}

/** The närvaroplan step of a pupil's shares (from totals: share rules of steps that need no earlier step) [D]. */
function narvarosteg(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const { lang } = ctx;
  const total = shareArg(args[0], 'andel', lang, false);
  if (isFunctionError(total)) return total;
  const invalid = shareArg(args[1], 'ogiltig', lang, true);
  if (isFunctionError(invalid)) return invalid;
  const plan = planArg(args[2], lang);
  if (isFunctionError(plan)) return plan;
  return stepFromShares(plan, total, invalid)?.index ?? 0;
}

/** The absence band of a share: Sävsjö's bands by default, or the närvaroplan's [S: Sävsjö]. */
function franvaroband(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const { lang } = ctx;
  const share = shareArg(args[0], 'andel', lang, false);
  if (isFunctionError(share)) return share;
  const kindRaw = scalarArg(args[1], an(lang, 'typ'), lang);
  if (isFunctionError(kindRaw)) return kindRaw;
  const kind = isBlank(kindRaw) ? 'total' : String(kindRaw).trim().toLowerCase();
  const which = kind === 'total' ? 'total' : ['ogiltig', 'unexcused', 'invalid'].includes(kind) ? 'invalid' : null;
  if (!which) return fnError('#VALUE!', lang, 'attendance.fn.badKind', { value: show(kindRaw) });
  const plan = planArg(args[2], lang);
  if (isFunctionError(plan)) return plan;
  const bounds = plan.bands[which];
  return bandLabels(bounds, lang)[bandIndex(share, bounds)!];
}

// ---------------------------------------------------------------- personnummer

function readPnr(args: FunctionArg[], ctx: Ctx) {
  const v = scalarArg(args[0], an(ctx.lang, 'personnummer'), ctx.lang);
  if (isFunctionError(v)) return v;
  if (isBlank(v)) return fnError('#N/A', ctx.lang, 'functions.empty', { arg: an(ctx.lang, 'personnummer') });
  const p = parsePersonnummer(v, ctx.referenceYear);
  if (!p) return fnError('#VALUE!', ctx.lang, 'functions.pnr.invalid', { value: show(v) });
  if (!p.checksumValid) return fnError('#VALUE!', ctx.lang, 'functions.pnr.checksum', { value: show(v) });
  if (!p.dateValid) return fnError('#VALUE!', ctx.lang, 'functions.pnr.date', { value: show(v) });
  return p;
}

/** Legal gender: second-to-last digit odd = man [C: Skatteverket]. */
function kon(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const p = readPnr(args, ctx);
  if (isFunctionError(p)) return p;
  return p.gender ?? fnError('#N/A', ctx.lang, 'functions.pnr.invalid', { value: p.normalized });
}

/** Normalised 12-character personnummer; Luhn check [C: Skatteverket SKV 704; SCB temporary ids]. */
function personnummer(args: FunctionArg[], ctx: Ctx): FunctionResult {
  const p = readPnr(args, ctx);
  return isFunctionError(p) ? p : p.normalized;
}

// ---------------------------------------------------------------- survey

/** Index 0–10, four steps 10/6.67/3.33/0, vet ej excluded [S: Skolenkäten technical report; domain §10]. */
function enkatindex(args: FunctionArg[], ctx: Ctx): FunctionResult {
  // "Vet ej" (null) is left out of the mean.
  return meanOfCells(args, ctx, 'svar', 'functions.survey.invalid', 'functions.survey.noAnswers', (v) => gradeEngine.likert(v));
}

// ---------------------------------------------------------------- the table

const BETYG_ROW = p('betyg', 'Elevens betyg, en rad (eller kolumn) med A–F, - för streck', "The pupil's grades: one row (or column) of A–F, - for streck", 'matrix', 'any');
const AMNEN = (optional: boolean) =>
  p('ämnen', 'Ämnena för betygen, lika stort område (t.ex. rubrikraden: Sv, En, Ma, M2 …)', 'Subjects of the grades, a range of the same size (e.g. the header row: Sv, En, Ma, M2 …)', 'matrix', 'any', optional);
const PROGRAM = p('program', 'YRK (standard), ES, EK, HU, SA, NA, TE eller PRIV', 'YRK (default), ES, EK, HU, SA, NA, TE or PRIV', 'scalar', 'string', true);

/**
 * Every custom function, declared once. Hosts register `name` under their namespace
 * (Excel `SKOLA.MERITVARDE`, Sheets `SKOLA_MERITVARDE`) and call `impl`.
 * @example FUNCTIONS.find((f) => f.name === 'BETYGSPOANG')!.impl(['B'], { lang: 'sv', referenceYear: 2026 }) // 17.5
 */
export const FUNCTIONS: FunctionSpec[] = [
  {
    name: 'MERITVARDE',
    description: {
      sv: 'Meritvärde (16 eller 17 ämnen) ur en elevs betyg. Utan ämnen: summan av de 16 bästa betygspoängen.',
      en: 'Merit value (16 or 17 subjects) from one pupil’s grades. Without subjects: the sum of the 16 best grade points.',
    },
    params: [
      BETYG_ROW,
      AMNEN(true),
      p('variant', '16 eller 17 (standard 17 med ämnen, annars 16)', '16 or 17 (default 17 with subjects, else 16)', 'scalar', 'number', true),
    ],
    result: { type: 'number', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.MERITVARDE(C2:S2; $C$1:$S$1; 17)', result: '245' },
    impl: meritvarde,
  },
  {
    name: 'BEHORIG',
    description: {
      sv: 'SANT om eleven är behörig till programmet (regelverk gy11).',
      en: 'TRUE if the pupil is eligible for the programme (rule set gy11).',
    },
    params: [BETYG_ROW, AMNEN(false), PROGRAM],
    result: { type: 'boolean', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.BEHORIG(C2:S2; $C$1:$S$1; "NA")', result: 'FALSKT' },
    impl: behorig,
  },
  {
    name: 'SAKNAS',
    description: {
      sv: 'Vad eleven saknar för behörighet till programmet, som text.',
      en: 'What the pupil lacks for eligibility for the programme, as text.',
    },
    params: [BETYG_ROW, AMNEN(false), PROGRAM],
    result: { type: 'string', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.SAKNAS(C2:S2; $C$1:$S$1; "NA")', result: 'Saknar godkänt i Fy' },
    impl: saknas,
  },
  {
    name: 'BETYGSPOANG',
    description: {
      sv: 'Betygspoäng för ett betyg: A 20, B 17,5, C 15, D 12,5, E 10, F och streck 0.',
      en: 'Grade points of one grade: A 20, B 17.5, C 15, D 12.5, E 10, F and streck 0.',
    },
    params: [p('betyg', 'Ett betyg A–F eller - (streck)', 'One grade A–F or - (streck)', 'scalar', 'any')],
    result: { type: 'number', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.BETYGSPOANG("B")', result: '17,5' },
    impl: betygspoang,
  },
  {
    name: 'ANDELBEHORIGA',
    description: {
      sv: 'Andel behöriga elever (0–1) i en betygsmatris, en rad per elev; tomma rader räknas inte.',
      en: 'Share of eligible pupils (0–1) in a grade matrix, one row per pupil; blank rows are skipped.',
    },
    params: [
      p('betygsmatris', 'Betygen, en rad per elev', 'The grades, one row per pupil', 'matrix', 'any'),
      p('ämnen', 'Ämnena för kolumnerna (rubrikraden)', 'Subjects of the columns (the header row)', 'matrix', 'any'),
      PROGRAM,
    ],
    result: { type: 'number', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.ANDELBEHORIGA(C2:S101; C1:S1; "YRK")', result: '0,85' },
    impl: andelBehoriga,
  },
  {
    name: 'GODKANDALLA',
    description: {
      sv: 'SANT om eleven har minst E i alla ämnen med betyg (inget F, inget streck, ingen 3:a i obligatoriskt ämne), åk 6 eller åk 9. #N/A för en elev utan betyg A–F eller streck: hen räknas inte i andelen.',
      en: 'TRUE if the pupil has at least E in every graded subject (no F, no streck, no code 3 in a compulsory subject), year 6 or 9. #N/A for a pupil with no A–F grade or streck: not counted in the share.',
    },
    params: [BETYG_ROW, AMNEN(false)],
    result: { type: 'boolean', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.GODKANDALLA(C2:S2; $C$1:$S$1)', result: 'FALSKT' },
    impl: godkandalla,
  },
  {
    name: 'KARNAMNEN',
    description: {
      sv: 'SANT om eleven har minst E i svenska (Sv eller Sva), engelska och matematik, eller i ett av dem med ämne. #N/A om eleven saknar betyg i ämnet.',
      en: 'TRUE if the pupil has at least E in Swedish (Sv or Sva), English and mathematics, or in one of them with subject. #N/A when the pupil has no grade in the subject.',
    },
    params: [BETYG_ROW, AMNEN(false), p('ämne', 'Sv, En eller Ma (valfri; utan: alla tre)', 'Sv, En or Ma (optional; without: all three)', 'scalar', 'string', true)],
    result: { type: 'boolean', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.KARNAMNEN(C2:S2; $C$1:$S$1)', result: 'SANT' },
    impl: karnamnen,
  },
  {
    name: 'MEDELBETYGSPOANG',
    description: {
      sv: 'Genomsnittliga betygspoäng för betygen A–F i ett område, t.ex. en klass betyg i ett ämne (F ger 0). Streck, koder och tomma celler räknas inte.',
      en: 'Mean grade points of the A–F grades in a range, e.g. a class’s grades in one subject (F gives 0). Streck, codes and blank cells are not counted.',
    },
    params: [p('betyg', 'Betygen, t.ex. en kolumn med elevernas betyg i ett ämne', 'The grades, e.g. a column of the pupils’ grades in one subject', 'matrix', 'any')],
    result: { type: 'number', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.MEDELBETYGSPOANG(E2:E31)', result: '13,75' },
    impl: medelbetygspoang,
  },
  {
    name: 'PROVGODKANT',
    description: {
      sv: 'SANT om provbetyget på det nationella provet är minst E, FALSKT för F. Koderna 99, 88, 77 och tom cell är inga resultat (#N/A).',
      en: 'TRUE if the national test grade is at least E, FALSE for F. The codes 99, 88, 77 and a blank cell are no results (#N/A).',
    },
    params: [p('provbetyg', 'Provbetyget A–F, eller 99, 88, 77 som i SCB:s provfil', 'The test grade A–F, or 99, 88, 77 as in SCB’s test file', 'scalar', 'any')],
    result: { type: 'boolean', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.PROVGODKANT("C")', result: 'SANT' },
    impl: provgodkant,
  },
  {
    name: 'FRANVARO',
    description: {
      sv: 'Frånvaroandel: frånvarande tid delat med schemalagd tid (samma enhet, t.ex. minuter).',
      en: 'Absence share: absent time divided by scheduled time (same unit, e.g. minutes).',
    },
    params: [
      p('frånvaro', 'Frånvarande tid', 'Absent time', 'scalar', 'number'),
      p('schemalagd', 'Schemalagd (erbjuden) undervisningstid', 'Scheduled (offered) teaching time', 'scalar', 'number'),
    ],
    result: { type: 'number', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.FRANVARO(120; 1000)', result: '0,12' },
    impl: franvaro,
  },
  {
    name: 'FRANVARONIVA',
    description: {
      sv: 'Frånvaronivå för en andel: Ingen, Problematisk (≥ 10 %), Hög (≥ 20 %), Mycket hög (≥ 50 %).',
      en: 'Absence level of a share: None, Problematic (≥ 10%), High (≥ 20%), Very high (≥ 50%).',
    },
    params: [p('andel', 'Frånvaroandel 0–1', 'Absence share 0–1', 'scalar', 'number')],
    result: { type: 'string', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.FRANVARONIVA(0,12)', result: 'Problematisk' },
    impl: franvaroniva,
  },
  {
    name: 'NARVAROSTEG',
    description: {
      sv: 'Steget i närvaroplanen (0 = inget) för en elevs frånvaroandel och ogiltiga andel; planen ur bladet Närvaroplan eller standardplanen. Bara andelsregler prövas.',
      en: 'The attendance plan step (0 = none) of a pupil’s absence share and unexcused share; the plan from the Närvaroplan sheet or the default. Only share rules are tested.',
    },
    params: [
      p('andel', 'Frånvaroandel 0–1', 'Absence share 0–1', 'scalar', 'number'),
      p('ogiltig', 'Andel ogiltig frånvaro 0–1 (valfri)', 'Unexcused absence share 0–1 (optional)', 'scalar', 'number', true),
      p('närvaroplan', 'Bladet Närvaroplan (t.ex. Närvaroplan!A1:K30); utan: standardplanen', 'The Närvaroplan sheet (e.g. Närvaroplan!A1:K30); without: the default plan', 'matrix', 'any', true),
    ],
    result: { type: 'number', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.NARVAROSTEG(0,12; 0,02)', result: '2' },
    impl: narvarosteg,
  },
  {
    name: 'FRANVAROBAND',
    description: {
      sv: 'Frånvarobandet för en andel: total (5, 15, 30, 50 %) eller ogiltig (1, 5, 15 %) som i Sävsjös analys, eller närvaroplanens band.',
      en: 'The absence band of a share: total (5, 15, 30, 50%) or unexcused (1, 5, 15%) as in Sävsjö’s analysis, or the attendance plan’s bands.',
    },
    params: [
      p('andel', 'Frånvaroandel 0–1', 'Absence share 0–1', 'scalar', 'number'),
      p('typ', '"total" (standard) eller "ogiltig"', '"total" (default) or "ogiltig" (unexcused)', 'scalar', 'string', true),
      p('närvaroplan', 'Bladet Närvaroplan; utan: standardbanden', 'The Närvaroplan sheet; without: the default bands', 'matrix', 'any', true),
    ],
    result: { type: 'string', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.FRANVAROBAND(0,12)', result: '5–15 %' },
    impl: franvaroband,
  },
  {
    name: 'KON',
    description: {
      sv: 'Juridiskt kön ur personnumret: F (flicka) eller M (pojke).',
      en: 'Legal gender from the personnummer: F (girl) or M (boy).',
    },
    params: [p('personnummer', 'Personnummer i valfri form', 'Personnummer in any form', 'scalar', 'any')],
    result: { type: 'string', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.KON("19121212-1212")', result: 'M' },
    impl: kon,
  },
  {
    name: 'PERSONNUMMER',
    description: {
      sv: 'Personnumret normaliserat till 12 tecken (ÅÅÅÅMMDDNNNN), eller fel om det är ogiltigt.',
      en: 'The personnummer normalised to 12 characters (YYYYMMDDNNNN), or an error when invalid.',
    },
    params: [p('värde', 'Personnummer i valfri form', 'Personnummer in any form', 'scalar', 'any')],
    result: { type: 'string', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.PERSONNUMMER("121212-1212")', result: '201212121212' },
    impl: personnummer,
  },
  {
    name: 'ENKATINDEX',
    description: {
      sv: 'Index 0–10 (Skolenkäten-modell) ur svar i fyra steg; vet ej och tomma räknas inte.',
      en: 'Index 0–10 (Skolenkäten model) from four-step answers; don’t know and blanks are excluded.',
    },
    params: [p('svar', 'Svaren som text: Stämmer helt och hållet … Stämmer inte alls, Vet ej', 'The answers as text: Stämmer helt och hållet … Stämmer inte alls, Vet ej', 'matrix', 'any')],
    result: { type: 'number', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.ENKATINDEX(B2:B31)', result: '6,67' },
    impl: enkatindex,
  },
  {
    name: 'MALSTATUS',
    description: {
      sv: 'Status för ett värde mot ett mål, med samma regel som bladet Mål och Nämndrapporten: uppfyllt, delvis (missar med högst marginalen) eller ej uppfyllt.',
      en: 'Status of a value against a target, by the same rule as the Mål sheet and the Nämndrapport: met, partly (misses by at most the margin) or not met.',
    },
    params: [
      p('värde', 'Utfallet, t.ex. 0,86 eller 86 % för en andel, 231 för meritvärde; .. ger ..', 'The outcome, e.g. 0.86 or 86% for a share, 231 for a merit value; .. gives ..', 'scalar', 'any'),
      p('mål', 'Målvärdet i samma enhet', 'The target value in the same unit', 'scalar', 'any'),
      p('jämförelse', '">=" (standard: högre är bättre) eller "<=" (lägre är bättre)', '">=" (default: higher is better) or "<=" (lower is better)', 'scalar', 'string', true),
      p('marginal', 'Hur långt från målet som ännu är delvis (standard 0), t.ex. 0,02 eller 5', 'How far from the target still counts as partly (default 0), e.g. 0.02 or 5', 'scalar', 'any', true),
    ],
    result: { type: 'string', dimensionality: 'scalar' },
    example: { formula: '=SKOLA.MALSTATUS(0,86; 0,9; ">="; 0,05)', result: 'delvis' },
    impl: malstatus,
  },
];

/**
 * Looks up a function by name (without namespace, any case).
 * @example functionByName('meritvarde')?.params.length // 3
 */
export function functionByName(name: string): FunctionSpec | undefined {
  const n = name.toUpperCase();
  return FUNCTIONS.find((f) => f.name === n);
}
