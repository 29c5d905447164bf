/**
 * The CLI host: reads files into SheetData, calls core, prints summaries or JSON, and writes
 * report workbooks through the xlsx writer. It holds no school rules; the clock is read here
 * (core reads none) and passed in as `now` / `referenceYear`.
 */
import { mkdir, readFile, writeFile, stat, realpath } from 'node:fs/promises';
import { dirname, resolve, basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { buildReport, detect, REPORT_KINDS, type ReportInputs, type SheetData } from '../core/app';
import { checkReportInputs, foundIn, gradedPupilIn, sharesPupils } from '../core/report/readiness';
import { findOwned } from '../core/report/create-once';
import type { XlsxPackage } from './xlsx/package';
import { latestEarlier } from '../core/report/history-model';
import { trendJson, trendPeriodJson, type TrendPeriodJson } from '../core/report/history-json';
import { findPeriod, headValues, periodKey, type FoundPeriod, type Period } from '../core/report/period';
import { KoladaError, fetchKolada, koladaRequest } from '../core/report/kolada';
import { analyseGrades, gradesJson, gradesJsonChunks, gradesJsonText, type GradeAnalysis, type GradesJson, type GradesTermJson } from '../core/grades';
import { readGradeSheet, readGradeTable, readGradeText, type ReadGradeOptions } from '../core/table/grades';
import { isTest3Sheet, readTest3Table, readTestTable } from '../core/table/tests';
import { subtest3Figures, testResultFigures } from '../core/grades/tests';
import { attendanceJson, readAttendance, readPlanSheet, type AttendanceJson } from '../core/attendance';
import { cohortJson, compareTerms, followCohort, progressionJson, type CohortJson, type ProgressionJson } from '../core/progression';
import { readSurvey, surveyJson, type SurveyJson } from '../core/survey';
import { PROGRAM_CODES } from '../core/types';
import { DEFAULT_SETTINGS, type CellValue, type GradeTable, type Lang, type Settings } from '../core/types';
import type { PlanValue } from '../core/report/plan';
import { formatNumber, formatPercent, t } from '../core/i18n';
import { parseArgs, yearGroupOption } from './args';
import { backgroundColumns } from '../core/grades/background';
import { headlineTable } from './headline';
import { CliError, readInput, sheetData, type InputFile } from './io';
import { dataSheet, newPackage, textRows, writeReportPackage } from './xlsx/writer';
import { readBenchmarkInput } from './benchmark-files';

/** Where output goes; tests may pass their own. */
export interface Output {
  out(text: string): void;
  /** Text as it is, no newline added (for output written in pieces); without it, pieces go to `out` joined. */
  write?(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (s) => process.stdout.write(`${s}\n`),
  write: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(`${s}\n`),
};

interface Context {
  lang: Lang;
  settings: Settings;
  now: Date;
  io: Output;
}

/** Milliseconds per step of the last command (for `npm run bench`), see `phase`. */
const phases: [string, number][] = [];
let phaseStart = 0; // performance.now() counts from the start of the process

/** Ends a measured step: the time since the previous step (or since the process began). */
function phase(name: string): void {
  const now = performance.now();
  phases.push([name, now - phaseStart]);
  phaseStart = now;
}

/**
 * Runs one command and returns the exit code: 0 done (problems in cells are not failures),
 * 1 the run failed, 2 bad arguments or unreadable files.
 */
export async function main(argv: string[], io: Output = processOutput): Promise<number> {
  let lang: Lang = 'sv';
  phases.length = 0; // steps of this command only (tests call main more than once)
  try {
    const args = parseArgs(argv);
    lang = args.lang;
    const now = new Date();
    // --arskurs: the user's year group for the grade file (grades, report), over what the file says.
    const ctx: Context = { lang, settings: { ...DEFAULT_SETTINGS, lang, yearGroup: yearGroupOption(args.options) ?? null }, now, io };
    if (args.help || args.command === null) {
      io.out(t(lang, 'cli.help'));
      return args.help ? 0 : 2;
    }
    const L = (k: string, p: Record<string, string | number> = {}) => t(lang, k, p);
    const one = (what = 'cli.what.file') => {
      if (!args.positionals.length) throw new CliError('cli.error.missingFile', { what: L(what) });
      if (args.positionals.length > 1) throw new CliError('cli.error.tooManyFiles', { command: args.command!, files: args.positionals.join(', ') });
      return args.positionals[0];
    };
    switch (args.command) {
      case 'grades':
        return await grades(ctx, one(), args.options, args.switches.has('json'));
      case 'attendance':
        return await attendance(ctx, one(), args.options, args.switches.has('json'));
      case 'progression':
        if (args.positionals.length !== 2) throw new CliError('cli.error.missingFile', { what: L('cli.what.twoFiles') });
        return await progression(ctx, args.positionals[0], args.positionals[1], args.options, args.switches.has('json'));
      case 'cohort':
        return await cohort(ctx, args.positionals, args.options, args.switches.has('json'));
      case 'survey':
        return await survey(ctx, one(), args.options, args.switches.has('json'));
      case 'report': {
        const file = one();
        if (!args.options.out) throw new CliError('cli.error.outMissing');
        return await report(ctx, file, args.options, args.lists.previous ?? [], args.lists.benchmarks ?? []);
      }
      case 'trend':
        if (!args.positionals.length) throw new CliError('cli.error.missingFile', { what: L('cli.what.file') });
        return await trend(ctx, args.positionals, args.options, args.switches.has('json'));
      case 'tests':
        return await nationalTests(ctx, one(), args.options, args.switches.has('json'));
      case 'benchmark':
        return await benchmark(ctx, args.options);
      case 'demo':
        return await demo(ctx, args.options.out);
      default:
        throw new CliError('cli.error.unknownCommand', { command: args.command });
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`${t(lang, 'cli.error.prefix')}: ${t(lang, e.key, e.params)}`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`${t(lang, 'cli.error.prefix')}: ${t(lang, 'cli.error.unexpected', { message })}`);
    if (process.env.SKOLANALYS_DEBUG && e instanceof Error) io.err(e.stack ?? '');
    return 1;
  } finally {
    // The bench measures peak memory of whole runs, and where the time went, through this.
    if (process.env.SKOLANALYS_REPORT_RSS === '1') {
      process.stderr.write(`maxRSS_KB=${process.resourceUsage().maxRSS}\n`);
      if (phases.length) process.stderr.write(`phases_ms=${phases.map(([k, v]) => `${k}:${v.toFixed(0)}`).join(',')}\n`);
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** `--np` etc.: a file, or else the name of a sheet in the grades workbook. */
async function secondaryInput(option: string, value: string, main: InputFile): Promise<{ data: SheetData; file?: InputFile }> {
  if (await exists(value)) {
    const f = await readInput(value);
    return { data: f.sheets[0], file: f };
  }
  const ws = main.pkg?.sheet(value);
  if (ws?.isWorksheet) return { data: sheetData(main.pkg!, ws, main.path) };
  throw new CliError('cli.error.inputMissing', { value, option: `--${option}`, file: main.path });
}

/** Same file? (an output over its own input would lose the original if anything went wrong). */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    return (await realpath(a)) === (await realpath(resolve(b)));
  } catch {
    return false;
  }
}

/** A sheet of the school's that a report reads back, by marker or by its name in either language (core's rule). */
function ownSheet(pkg: XlsxPackage, key: string, lang: Lang, path: string): SheetData | undefined {
  const markers = new Map([...pkg.markers()].map(([k, name]) => [name, k]));
  const names = [lang, ...(['sv', 'en'] as const).filter((l) => l !== lang)].map((l) => t(l, `report.sheet.${key}`));
  const name = findOwned(key, names, pkg.sheets.map((x) => ({ name: x.name, key: markers.get(x.name) ?? null })));
  return name === undefined ? undefined : sheetData(pkg, pkg.sheet(name)!, path);
}

async function report(ctx: Context, file: string, options: Record<string, string>, previousList = options.previous ? [options.previous] : [], benchmarkFiles: string[] = []): Promise<number> {
  const { io, lang } = ctx;
  const L = (k: string, p: Record<string, string | number> = {}) => t(lang, k, p);
  const out = options.out;
  const outExt = extname(out).toLowerCase();
  if (outExt !== '.xlsx' && outExt !== '.xlsm') throw new CliError('cli.error.outNotXlsx', { file: out });
  if (await sameFile(file, out)) throw new CliError('cli.error.outIsInput', { file: out });
  phase('start');
  const main = await readInput(file, { sheet: options.sheet });
  // Macros survive only in .xlsm (Excel refuses an .xlsx with a vbaProject part): the extension follows the input.
  const macros = !!main.pkg?.zip.entries.some((e) => /vbaProject\.bin$/i.test(e.name));
  if (macros !== (outExt === '.xlsm')) {
    throw new CliError('cli.error.outExtension', { file: out, ext: macros ? '.xlsm' : '.xlsx', why: L(macros ? 'cli.error.outKeepsMacros' : 'cli.error.outNoMacros') });
  }
  const grades = pickSheet(main, 'grades', ctx);
  phase('parse');
  const inputs: ReportInputs = { grades, sources: [main.kind === 'xlsx' ? `${basename(file)} (${grades.sheet})` : basename(file)], gradesFile: basename(file) };
  const textSheets: SheetData[] = main.kind === 'text' ? [grades] : [];
  const extra: [keyof ReportInputs, string][] = [['tests', 'np'], ['attendance', 'attendance'], ['survey', 'survey'], ['surveyQuestions', 'questions']];
  for (const [field, option] of extra) {
    const value = options[option];
    if (!value) continue;
    const got = await secondaryInput(option, value, main);
    (inputs as unknown as Record<string, SheetData>)[field] = got.data;
    inputs.sources!.push(got.file ? basename(value) : got.data.sheet);
    if (got.file?.kind === 'text') textSheets.push(got.data);
  }
  // Every --previous (files or sheets) feeds the Historik; the latest before this period is "previous".
  const earlier: NonNullable<ReportInputs['earlier']> = [];
  for (const value of previousList) {
    const got = await secondaryInput('previous', value, main);
    earlier.push({ grades: got.data, file: got.file ? basename(value) : undefined });
    inputs.sources!.push(got.file ? basename(value) : got.data.sheet);
    // An earlier file is not copied in: its figures go to the Historik (its name as the source), and
    // four years of a large municipality would otherwise make the workbook five times its size.
  }
  if (earlier.length) {
    inputs.earlier = earlier;
    inputs.previous = latestEarlier(earlier, { sheet: grades, file: basename(file), option: options.period })?.grades;
    // Another year's pupils (an earlier cohort) feed the Historik only: progression needs the same pupils.
    // A previous sheet that is no grade sheet at all stays, for refuseUnfit to name.
    const prev = inputs.previous;
    if (prev && !sharesPupils(prev, grades, ctx.settings, ctx.now, inputs.mapping) && gradedPupilIn(prev, ctx.settings, ctx.now)) inputs.previous = undefined;
  }
  if (options.period) inputs.period = options.period;
  // The school's sheets the report reads back (made once by an earlier report, or typed by the school):
  // the Närvaroplan and Mål, the Historik (rows a principal typed included) and the Jämförelsetal.
  const own = (key: string) => main.pkg && ownSheet(main.pkg, key, lang, main.path);
  const attendancePlan = own('narvaroplan');
  if (attendancePlan) inputs.attendancePlan = attendancePlan;
  const history = own('historik');
  if (history) inputs.history = history;
  const targets = own('mal');
  if (targets) inputs.targets = targets;
  const benchmarks = own('jamforelse');
  if (benchmarks) inputs.benchmarks = benchmarks;
  // JSON and CSV as text, .xlsx as sheets; core tells Kolada's and Skolverket's formats apart.
  if (benchmarkFiles.length) inputs.benchmarkFiles = await Promise.all(benchmarkFiles.map(readBenchmarkInput));
  refuseUnfit(inputs, main, ctx);

  let result;
  try {
    result = buildReport(inputs, REPORT_KINDS, ctx.settings, ctx.now);
  } catch (e) {
    throw new CliError('cli.error.core', { message: e instanceof Error ? e.message : String(e) }, 1);
  }
  // The earlier files (their texts and the tables read from them) are done with: free them before writing.
  earlier.length = 0;
  inputs.earlier = undefined;
  inputs.previous = undefined;
  phase('report');

  const pkg = main.pkg ?? (await newPackage(ctx.now));
  // A text export goes into a sheet of its own, as the text it was, so the report keeps its source.
  // Rows of text (all of a text file) go as they are: '' is a blank cell; no 3-million-cell copy.
  const planRow = (r: readonly CellValue[]): PlanValue[] =>
    r.every((v) => typeof v === 'string') ? (r as string[]) : r.map((v) => (v === '' || v === undefined ? null : v instanceof Date ? v.toISOString() : v));
  // A text without quotes is split line by line as it is written: never a grid of every cell.
  const data = textSheets.map((d) => dataSheet(d.sheet, (d.text !== undefined && textRows(d.text)) || d.values.map(planRow)));
  const written = await writeReportPackage(pkg, result.plan, data, ctx.now);
  phase('xlsx');
  try {
    await mkdir(dirname(resolve(out)), { recursive: true });
    await writeFile(out, written.bytes);
  } catch (e) {
    throw new CliError('cli.error.writeFailed', { file: out, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  phase('write');

  const headline = headlineTable(result.plan, lang);
  if (headline.length) {
    io.out(L('cli.report.headline'));
    io.out(headline.join('\n'));
    io.out('');
  }
  io.out(L('cli.report.written', { file: out }));
  if (written.added.length) io.out(L('cli.report.added', { sheets: written.added.join(', ') }));
  if (written.replaced.length) io.out(L('cli.report.replaced', { sheets: written.replaced.join(', ') }));
  if (written.userSheets.length) io.out(L('cli.report.kept', { sheets: written.userSheets.join(', ') }));
  if (written.keptGenerated.length) io.out(L('cli.report.keptGenerated', { sheets: written.keptGenerated.join(', ') }));
  if (written.keptOwned.length) io.out(L('cli.report.keptOwned', { sheets: written.keptOwned.join(', ') }));
  const check = written.names.get('kontroll') ?? t(lang, 'report.sheet.kontroll');
  io.out(result.problems.length ? L('cli.report.problems', { n: result.problems.length, sheet: check }) : L('cli.report.noProblems'));
  return 0;
}

/**
 * Refuses, before anything is written, a report whose input is not what it needs (a survey
 * given as grades): exit 2 with what the sheet looks like instead.
 */
function refuseUnfit(inputs: ReportInputs, main: InputFile, ctx: Context): void {
  // Närvaro and Progression are made only when their input is given: not asking for them is no refusal.
  const kinds = REPORT_KINDS.filter((k) => (k !== 'narvaro' || inputs.attendance) && (k !== 'progression' || inputs.previous));
  const others = main.sheets.filter((s) => s !== inputs.grades);
  const refusals = checkReportInputs(inputs, kinds, ctx.settings, ctx.now, others);
  if (refusals.length) throw new CliError('cli.error.refused', { reason: refusals.map((r) => r.message).join(' ') });
}

/**
 * The sheet of a workbook to analyse when --sheet is not given: the first that core's detect()
 * takes for `kind` (the demo workbook starts with a "Läs mig" sheet); failing that, the first
 * where the kind's reader finds records; else the first sheet.
 */
function pickSheet(input: InputFile, kind: 'grades' | 'attendance' | 'survey', ctx: Context): SheetData {
  if (input.sheets.length === 1) return input.sheets[0];
  try {
    for (const s of input.sheets) if (detect(s, { settings: ctx.settings, now: ctx.now }).kind === kind) return s;
  } catch {
    // detect() failed on some sheet: fall through to the readers.
  }
  const referenceYear = ctx.now.getFullYear();
  const lang = ctx.lang;
  const probe: Record<typeof kind, (s: SheetData) => number> = {
    grades: (s) => readGradeTable(s, { referenceYear, lang }).pupils.length,
    attendance: (s) => readAttendance(s, { referenceYear, lang }).pupils.length,
    // Answers alone do not make a survey (a grade sheet has rows too): it needs recognised items.
    survey: (s) => readSurvey(s, { lang }).items.length,
  };
  for (const s of input.sheets) {
    try {
      if (probe[kind](s) > 0) return s;
    } catch {
      // A reader that throws on a foreign sheet just means "not this one".
    }
  }
  return input.sheets[0];
}

/** The grade table of an input: a text file straight from its text (no grid), a workbook's grade sheet. */
function readGrades(input: InputFile, ctx: Context): GradeTable {
  const options = gradeOptions(ctx);
  if (input.kind === 'text' && input.text !== undefined) return readGradeText(input.text, input.sheets[0].sheet, options);
  // A workbook's one sheet may have been read as it was inflated (readInput's `grades`): found here.
  return readGradeSheet(pickSheet(input, 'grades', ctx), options);
}

/** How `readGrades` reads a grade sheet; readInput is given the same to read it as it arrives. */
function gradeOptions(ctx: Context): ReadGradeOptions {
  return { referenceYear: ctx.now.getFullYear(), scale: ctx.settings.scale, lang: ctx.lang };
}

/** One file of a trend: its period and its figures (only this small summary is kept). */
interface TrendEntry {
  period: FoundPeriod;
  json: TrendPeriodJson;
  file: string;
}

async function trendEntry(file: string, options: Record<string, string>, ctx: Context): Promise<TrendEntry> {
  const input = await readInput(file, { sheet: options.sheet });
  const table = readGrades(input, ctx);
  const found = findPeriod({ sheet: input.kind === 'xlsx' ? table.sheet : undefined, file: basename(file), values: headValues(input.sheets[0]) });
  if (!found) throw new CliError('cli.error.trendNoPeriod', { file });
  let analysis: GradeAnalysis;
  try {
    analysis = analyseGrades(table, ctx.settings);
  } catch (e) {
    throw new CliError('cli.error.core', { message: e instanceof Error ? e.message : String(e) }, 1);
  }
  const source = basename(file) + (input.kind === 'xlsx' ? ` (${table.sheet})` : '');
  return { period: found, json: trendPeriodJson(analysis, found, source), file };
}

const TREND_JOB = 'skolanalys-trend-file';
type TrendReply = { i: number; entry?: TrendEntry; error?: { key: string; params: Record<string, string | number>; exitCode: number } };

/**
 * The trend's files, each read and analysed once, on as many threads as there are cores (at most
 * four): each thread holds one file at a time. A file's error takes its place in the list, so the
 * caller meets errors in the files' order. The unbuilt sources (tests importing cli/main.ts) read on this thread.
 */
async function trendEntries(files: string[], options: Record<string, string>, ctx: Context): Promise<(TrendEntry | CliError)[]> {
  const self = fileURLToPath(import.meta.url);
  const threads = Math.min(availableParallelism(), files.length, 4);
  if (threads < 2 || !self.endsWith('.mjs')) {
    const out: (TrendEntry | CliError)[] = [];
    for (const f of files) {
      const e = await trendEntry(f, options, ctx).catch((x: unknown) => x);
      if (!(e instanceof CliError) && e instanceof Error) throw e;
      out.push(e as TrendEntry | CliError);
      if (e instanceof CliError) break;
    }
    return out;
  }
  const replies: TrendReply[] = new Array(files.length);
  let next = 0;
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((done, fail) => {
    const w = new Worker(self, { workerData: { job: TREND_JOB, options, lang: ctx.lang, settings: ctx.settings, now: ctx.now } });
    const give = () => {
      if (next < files.length) {
        const i = next++;
        w.postMessage({ i, file: files[i] });
      } else {
        void w.terminate().then(() => done());
      }
    };
    w.on('message', (m: TrendReply) => {
      replies[m.i] = m;
      give();
    });
    w.on('error', fail);
    give();
  })));
  return replies.map((r) => (r.error ? new CliError(r.error.key, r.error.params, r.error.exitCode) : r.entry!));
}

/** On a trend's worker thread: reads the files it is given, one at a time. */
if (!isMainThread && (workerData as { job?: string } | null)?.job === TREND_JOB) {
  const d = workerData as { options: Record<string, string>; lang: Lang; settings: Settings; now: Date };
  const ctx: Context = { lang: d.lang, settings: d.settings, now: d.now, io: { out() {}, err() {} } };
  parentPort!.on('message', ({ i, file }: { i: number; file: string }) => {
    trendEntry(file, d.options, ctx).then(
      (entry) => parentPort!.postMessage({ i, entry } satisfies TrendReply),
      (e: unknown) => parentPort!.postMessage({
        i, error: e instanceof CliError ? { key: e.key, params: e.params, exitCode: e.exitCode } : { key: 'cli.error.core', params: { message: e instanceof Error ? e.message : String(e) }, exitCode: 1 },
      } satisfies TrendReply),
    );
  });
}

/**
 * `trend`: each file read and analysed alone (only its small summary is kept), its period from its
 * names or SCB's Datum; the periods in time order.
 */
async function trend(ctx: Context, files: string[], options: Record<string, string>, json: boolean): Promise<number> {
  const { lang, io } = ctx;
  phase('start');
  const entries: TrendEntry[] = [];
  for (const e of await trendEntries(files, options, ctx)) {
    if (e instanceof CliError) throw e;
    const same = entries.find((x) => periodKey(x.period) === periodKey(e.period));
    if (same) throw new CliError('cli.error.trendSamePeriod', { period: periodKey(e.period), first: same.file, second: e.file });
    entries.push(e);
  }
  phase('files');
  const result = trendJson(entries);
  if (json) {
    io.out(JSON.stringify(result));
    return 0;
  }
  const share = (f: number | string | undefined) => (typeof f === 'number' ? formatPercent(lang, f) : f ?? '.');
  const points = (f: number | string | undefined) => (typeof f === 'number' ? formatNumber(lang, f, 1) : f ?? '.');
  const lines = [t(lang, 'cli.trend.title', { n: result.periods.length }), ''];
  for (const p of result.periods) {
    const x = p as Partial<GradesJson['summary']> & TrendPeriodJson;
    lines.push(t(lang, 'cli.trend.line', { period: p.period, pupils: p.pupils, yrk: share(x.eligibleShare?.YRK), merit: points(x.meanMeritValue17), all: share(x.allSubjectsPassedShare), source: p.source }));
  }
  io.out(lines.join('\n'));
  return 0;
}

/**
 * `tests`: a national-test file on its own. Åk 3: per subject the share who took and who passed every
 * sub-test given; åk 6 and 9: per subject the share with provbetyg A–E; codes (99, 88, 77, blank) apart.
 * A file with no test result is refused (exit 2) with what it looks like instead.
 */
async function nationalTests(ctx: Context, file: string, options: Record<string, string>, json: boolean): Promise<number> {
  const { lang, settings, now, io } = ctx;
  const L = (k: string, p: Record<string, string | number> = {}) => t(lang, k, p);
  const input = await readInput(file, { sheet: options.sheet });
  const data = input.sheets[0];
  const opts = { referenceYear: now.getFullYear(), lang };
  const threshold = settings.suppressionThreshold;
  if (isTest3Sheet(data.values)) {
    const t3 = readTest3Table(data, opts);
    const subtests = subtest3Figures(t3, threshold);
    if (json) io.out(JSON.stringify({ yearGroup: 3, subtests, problems: t3.problems.map(problemJson) }));
    else {
      io.out(L('cli.tests.title3', { sheet: data.sheet }));
      for (const x of subtests) io.out(L('cli.tests.line3', { subject: x.subject, pupils: x.pupils, took: shareText(lang, x.tookAllShare), passed: shareText(lang, x.passedAllShare), n: x.subtests.length }));
      io.out(problemLines(t3.problems, lang).join('\n'));
    }
    return 0;
  }
  const table = readTestTable(data, opts);
  if (!table.records.some((r) => r.results.some((x) => x.mark || x.code))) {
    throw new CliError('cli.error.noTests', { sheet: data.sheet, found: L(`report.refuse.found.${foundIn(data, settings, now)}`) });
  }
  const subjects = testResultFigures(table, threshold);
  if (json) io.out(JSON.stringify({ yearGroup: table.yearGroup ?? null, subjects, problems: table.problems.map(problemJson) }));
  else {
    io.out(L('cli.tests.title', { sheet: data.sheet, year: table.yearGroup ?? '?' }));
    for (const x of subjects) io.out(L('cli.tests.line', { subject: x.subject, graded: x.graded, pass: shareText(lang, x.passShare), notTaken: x.notTaken }));
    io.out(problemLines(table.problems, lang).join('\n'));
  }
  return 0;
}

function shareText(lang: Lang, f: number | string): string {
  return typeof f === 'number' ? formatPercent(lang, f) : f;
}

function problemJson(p: { cell: string; value: unknown; message: string; severity: string }) {
  return { cell: p.cell, value: p.value ?? null, message: p.message, severity: p.severity };
}

/**
 * `benchmark`: the one network call of the CLI, opt-in. Says on screen what will be sent (KPI ids,
 * the municipality code, years; nothing about pupils) before it asks Kolada, follows Kolada's
 * next page on the same host (core/report/kolada.ts), and saves the response for `report --benchmarks`.
 */
async function benchmark(ctx: Context, options: Record<string, string>): Promise<number> {
  const { io, lang } = ctx;
  // The request is core's, the same the pane shows before its fetch.
  const req = koladaRequest({ kommun: options.kommun ?? '', years: options.years ?? '', group: options.group, base: options.url });
  if ('error' in req) {
    const [key, value] = req.error === 'kommun' ? ['cli.error.benchmarkKommun', options.kommun] : req.error === 'years' ? ['cli.error.benchmarkYears', options.years] : ['cli.error.benchmarkGroup', options.group];
    throw new CliError(key, { value: value ?? '' });
  }
  if (!options.out) throw new CliError('cli.error.outMissing');
  io.out(t(lang, 'cli.benchmark.before', { url: req.origin, kpis: req.kpis.join(', '), units: req.units.join(', '), years: req.years.join(', ') }));
  let saved: string;
  try {
    saved = await fetchKolada(req, async (url) => {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      return { status: res.status, text: await res.text() };
    });
  } catch (e) {
    if (e instanceof KoladaError) throw new CliError('cli.error.benchmarkHttp', { status: e.status, url: e.url }, 1);
    throw new CliError('cli.error.benchmarkNetwork', { url: req.url, reason: e instanceof Error ? e.message : String(e) }, 1);
  }
  const values = (JSON.parse(saved) as { values: unknown[] }).values;
  try {
    await mkdir(dirname(resolve(options.out)), { recursive: true });
    await writeFile(options.out, saved);
  } catch (e) {
    throw new CliError('cli.error.writeFailed', { file: options.out, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  io.out(t(lang, 'cli.benchmark.done', { n: values.length, file: options.out }));
  return 0;
}

/** How many problems the summary lists before pointing to --json. */
const SUMMARY_PROBLEMS = 5;

async function grades(ctx: Context, file: string, options: Record<string, string>, json: boolean): Promise<number> {
  const { lang, settings, now, io } = ctx;
  const referenceYear = now.getFullYear();
  phase('start');
  // The pupils are read as the sheet is inflated: `parse` includes most of `read`.
  const main = await readInput(file, { sheet: options.sheet, grades: gradeOptions(ctx) });
  phase('parse');
  const table = readGrades(main, ctx);
  phase('read');
  let tests;
  if (options.np) {
    const np = await secondaryInput('np', options.np, main);
    tests = readTestTable(np.data, { referenceYear, lang });
  }
  // Arrival dates are read against the grades' term (--period, the names, SCB's Datum); the grid only if needed.
  const sheet = main.sheets.find((s) => s.sheet === table.sheet) ?? main.sheets[0];
  const term = backgroundColumns(table).dates
    ? findPeriod({ option: options.period, sheet: main.kind === 'xlsx' ? table.sheet : undefined, file: basename(file), get values() { return sheet.values; } })
    : null;
  let analysis: GradeAnalysis;
  try {
    analysis = analyseGrades(table, settings, tests, { period: term, yearGroupOverride: settings.yearGroup });
  } catch (e) {
    throw new CliError('cli.error.core', { message: e instanceof Error ? e.message : String(e) }, 1);
  }
  phase('analyse');
  if (json) {
    // Written in pieces as made: the contract object of 100 000 pupils costs more than the analysis.
    if (io.write) {
      for (const piece of gradesJsonChunks(analysis, 1 << 16)) io.write(piece);
      io.write('\n');
    } else io.out(gradesJsonText(analysis));
    phase('json');
    return 0;
  }
  io.out(gradesSummary(gradesJson(analysis), basename(file) + (main.kind === 'xlsx' ? ` (${table.sheet})` : ''), lang).join('\n'));
  return 0;
}

/** The readable Swedish (or English) summary of `grades` without --json. */
export function gradesSummary(r: GradesJson | GradesTermJson, source: string, lang: Lang): string[] {
  const L = (k: string, p: Record<string, string | number> = {}) => t(lang, k, p);
  const share = (f: number | string) => (typeof f === 'number' ? formatPercent(lang, f) : f);
  const points = (f: number | string) => (typeof f === 'number' ? formatNumber(lang, f, 1) : f);
  // Terminsbetyg (åk 6–8) have no eligibility or meritvärde: only the pass share (issue 15).
  if (r.gradeKind === 'terminsbetyg') {
    return [L('cli.summary.title', { file: source }), '', L('cli.summary.pupils', { n: r.summary.pupils }), L('cli.summary.allPassed', { value: share(r.summary.allSubjectsPassedShare) }), '', ...problemLines(r.problems, lang)];
  }
  const lines = [L('cli.summary.title', { file: source }), '', L('cli.summary.pupils', { n: r.summary.pupils }), L('cli.summary.eligibility')];
  const names = PROGRAM_CODES.map((c) => {
    const name = t(lang, `report.program.${c}`);
    return name === c ? c : `${c} (${name})`;
  });
  const width = Math.max(...names.map((n) => n.length));
  PROGRAM_CODES.forEach((c, i) => lines.push(`  ${names[i].padEnd(width)}  ${share(r.summary.eligibleShare[c]).padStart(8)}`));
  lines.push(L('cli.summary.merit16', { value: points(r.summary.meanMeritValue16) }));
  lines.push(L('cli.summary.merit17', { value: points(r.summary.meanMeritValue17) }));
  lines.push(L('cli.summary.allPassed', { value: share(r.summary.allSubjectsPassedShare) }));
  lines.push('');
  lines.push(...problemLines(r.problems, lang));
  return lines;
}

async function attendance(ctx: Context, file: string, options: Record<string, string>, json: boolean): Promise<number> {
  const { lang, settings, now, io } = ctx;
  const input = await readInput(file, { sheet: options.sheet });
  const data = pickSheet(input, 'attendance', ctx);
  // The school's Närvaroplan sheet (by marker, else by name) holds the ladder; without one, the default plan.
  const planData = input.pkg && ownSheet(input.pkg, 'narvaroplan', lang, file);
  let result: AttendanceJson;
  try {
    const plan = planData ? readPlanSheet(planData, lang) : undefined;
    result = attendanceJson(readAttendance(data, { referenceYear: now.getFullYear(), settings, lang }), settings, undefined, plan);
  } catch (e) {
    throw new CliError('cli.error.core', { message: e instanceof Error ? e.message : String(e) }, 1);
  }
  if (json) {
    io.out(JSON.stringify(result));
    return 0;
  }
  io.out(attendanceSummary(result, basename(file) + (input.kind === 'xlsx' ? ` (${data.sheet})` : ''), lang).join('\n'));
  return 0;
}

/** The readable summary of `attendance` without --json: the whole file's group, then problems. */
export function attendanceSummary(r: AttendanceJson, source: string, lang: Lang): string[] {
  const L = (k: string, p: Record<string, string | number> = {}) => t(lang, k, p);
  const share = (f: number | string) => (typeof f === 'number' ? formatPercent(lang, f) : f);
  const lines = [L('cli.attendance.title', { file: source }), '', L('cli.summary.pupils', { n: r.pupils.length })];
  const all = r.groups.find((g) => g.by === 'all');
  if (all) {
    lines.push(L('cli.attendance.mean', { value: share(all.meanAbsenceShare) }));
    for (const level of ['problematic', 'high', 'veryHigh'] as const) {
      lines.push(`  ${t(lang, `attendance.level.${level}`)}: ${share(all.levelShares[level])}`);
    }
  }
  // The närvaroplan: pupils at each step (this is the rektor's tool, not a board paper: no suppression).
  if (r.ladder) {
    lines.push(L('attendance.summary.ladder', { source: L(`attendance.summary.source.${r.ladder.source}`), basis: L(`attendance.summary.basis.${r.ladder.basis}`) }));
    for (const s of r.ladder.steps) lines.push(`  ${L('attendance.summary.step', { index: s.index, name: s.name, n: r.pupils.filter((p) => p.step?.index === s.index).length })}`);
    const low = r.reporting.classes.filter((c) => c.month === null && c.uncertain);
    if (low.length) lines.push(L('attendance.summary.uncertain', { p: formatPercent(lang, r.reporting.threshold, 0), classes: low.map((c) => `${c.class} (${share(c.rate ?? 0)})`).join(', ') }));
  }
  lines.push('');
  lines.push(...problemLines(r.problems, lang));
  return lines;
}

async function progression(ctx: Context, earlier: string, later: string, options: Record<string, string>, json: boolean): Promise<number> {
  const { lang, settings, io } = ctx;
  const a = await readInput(earlier, { sheet: options.sheet });
  const b = await readInput(later, { sheet: options.sheet });
  const before = readGrades(a, ctx);
  const after = readGrades(b, ctx);
  let result: ProgressionJson;
  try {
    result = progressionJson(compareTerms(before, after, settings, { lang }));
  } catch (e) {
    throw new CliError('cli.error.core', { message: e instanceof Error ? e.message : String(e) }, 1);
  }
  if (json) {
    io.out(JSON.stringify(result));
    return 0;
  }
  io.out(progressionSummary(result, basename(earlier), basename(later), lang).join('\n'));
  return 0;
}

/** The readable summary of `progression`: who was matched, the cohort's change, subjects, problems. */
export function progressionSummary(r: ProgressionJson, earlier: string, later: string, lang: Lang): string[] {
  const L = (k: string, p: Record<string, string | number> = {}) => t(lang, k, p);
  const share = (f: number | string) => (typeof f === 'number' ? formatPercent(lang, f) : f);
  const points = (f: number | string) => (typeof f === 'number' ? formatNumber(lang, f, 1) : f);
  const c = r.cohort;
  const lines = [
    L('cli.progression.title', { earlier, later }), '',
    L('cli.progression.matched', { matched: r.matched, new: r.new, left: r.left }),
    L('cli.progression.yrk', { before: share(c.eligibleShareBefore.YRK), after: share(c.eligibleShareAfter.YRK) }),
    L('cli.progression.merit', { before: points(c.meanMeritValue17Before), after: points(c.meanMeritValue17After) }),
  ];
  if (r.subjects.length) {
    lines.push(L('cli.progression.subjects'));
    const w = Math.max(...r.subjects.map((s) => s.subject.length));
    for (const s of r.subjects) lines.push(`  ${s.subject.padEnd(w)}  ${L('cli.progression.subjectLine', { raised: s.raised, unchanged: s.unchanged, lowered: s.lowered, failToPass: s.failToPass, passToFail: s.passToFail })}`);
  }
  lines.push('');
  lines.push(...problemLines(r.problems, lang));
  return lines;
}

/** `cohort <f1> <f2> …`: the same pupils over several grade files, oldest first (issue 15). */
async function cohort(ctx: Context, files: string[], options: Record<string, string>, json: boolean): Promise<number> {
  const { lang, settings, io } = ctx;
  if (files.length < 2) throw new CliError('cli.error.missingFile', { what: t(lang, 'progression.cohort.needTwo') });
  phase('start');
  // Files are read one at a time as the cohort needs them: only one whole file is in memory at once.
  const raw: (InputFile | null)[] = [];
  for (const f of files) raw.push(await readInput(f, { sheet: options.sheet }));
  phase('parse');
  const inputs = files.map((f, i) => ({
    label: basename(f),
    read: () => {
      const table = readGrades(raw[i]!, ctx);
      raw[i] = null; // the file's text can go once its table is read
      return table;
    },
  }));
  let result: CohortJson;
  try {
    result = cohortJson(followCohort(inputs, settings, { lang }));
  } catch (e) {
    throw new CliError('cli.error.core', { message: e instanceof Error ? e.message : String(e) }, 1);
  }
  phase('cohort');
  if (json) {
    io.out(JSON.stringify(result));
    phase('json');
    return 0;
  }
  io.out(cohortSummary(result, lang).join('\n'));
  return 0;
}

/** The readable summary of `cohort`: match rates per step, subjects first → last, pupils to talk to. */
export function cohortSummary(r: CohortJson, lang: Lang): string[] {
  const L = (k: string, p: Record<string, string | number> = {}) => t(lang, k, p);
  const share = (f: number | string | null) => (typeof f === 'number' ? formatPercent(lang, f) : f ?? '.');
  const lines = [L('progression.cohort.title', { n: r.terms.length, files: r.terms.map((x) => x.label).join(' → ') }), ''];
  lines.push(L('progression.cohort.pupils', { pupils: r.pupils, inAll: r.inAll, rate: share(r.matchRate) }));
  for (const s of r.steps) lines.push(`  ${L('progression.cohort.step', { from: r.terms[s.from].label, to: r.terms[s.to].label, matched: s.matched, rate: share(s.matchRate), new: s.new, left: s.left })}`);
  if (r.overall.length) {
    lines.push(L('progression.cohort.subjects'));
    const w = Math.max(...r.overall.map((s) => s.subject.length));
    for (const s of r.overall) {
      const steps = typeof s.meanStepChange === 'number' ? formatNumber(lang, s.meanStepChange, 2) : s.meanStepChange;
      lines.push(`  ${s.subject.padEnd(w)}  ${L('progression.cohort.subjectLine', { raised: share(s.raisedShare), unchanged: share(s.unchangedShare), lowered: share(s.loweredShare), steps, n: s.compared })}`);
    }
  }
  lines.push(L('progression.cohort.flags', { drops: r.trajectories.filter((p) => p.dropsToF.length).length, away: r.trajectories.filter((p) => p.movingAway).length }));
  lines.push('');
  lines.push(...problemLines(r.problems, lang));
  return lines;
}

async function survey(ctx: Context, file: string, options: Record<string, string>, json: boolean): Promise<number> {
  const { lang, settings, io } = ctx;
  const input = await readInput(file, { sheet: options.sheet });
  const data = pickSheet(input, 'survey', ctx);
  const questions = options.questions ? (await secondaryInput('questions', options.questions, input)).data : undefined;
  let result: SurveyJson;
  try {
    result = surveyJson(readSurvey(data, { questions, lang }), settings);
  } catch (e) {
    throw new CliError('cli.error.core', { message: e instanceof Error ? e.message : String(e) }, 1);
  }
  if (json) {
    io.out(JSON.stringify(result));
    return 0;
  }
  io.out(surveySummary(result, basename(file) + (input.kind === 'xlsx' ? ` (${data.sheet})` : ''), lang).join('\n'));
  return 0;
}

/** The readable summary of `survey`: respondents, then index and positive share per area. */
export function surveySummary(r: SurveyJson, source: string, lang: Lang): string[] {
  const L = (k: string, p: Record<string, string | number> = {}) => t(lang, k, p);
  const share = (f: number | string) => (typeof f === 'number' ? formatPercent(lang, f) : f);
  const points = (f: number | string) => (typeof f === 'number' ? formatNumber(lang, f, 1) : f);
  const lines = [L('cli.survey.title', { file: source }), '', L('cli.survey.respondents', { n: r.respondents }), L('cli.survey.areas', { index: r.indexLabel })];
  const w = Math.max(0, ...r.areas.map((a) => a.area.length));
  for (const a of r.areas) lines.push(`  ${a.area.padEnd(w)}  ${String(points(a.index)).padStart(5)}  ${String(share(a.positiveShare)).padStart(8)}`);
  lines.push('');
  lines.push(...problemLines(r.problems, lang));
  return lines;
}

function problemLines(problems: readonly { cell: string; message: string }[], lang: Lang): string[] {
  if (!problems.length) return [t(lang, 'cli.summary.noProblems')];
  const lines = [t(lang, 'cli.summary.problems', { n: problems.length })];
  for (const p of problems.slice(0, SUMMARY_PROBLEMS)) lines.push(`  ${p.cell}: ${p.message}`);
  if (problems.length > SUMMARY_PROBLEMS) lines.push(t(lang, 'cli.summary.moreProblems', { n: problems.length - SUMMARY_PROBLEMS }));
  return lines;
}

/** Repository root (two levels above dist/cli/skolanalys.mjs, or above cli/main.ts). */
function repoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, basename(here) === 'cli' && basename(dirname(here)) === 'dist' ? '../..' : '..');
}

async function demo(ctx: Context, outOption?: string): Promise<number> {
  const file = resolve(repoRoot(), 'examples/skolanalys-demo.xlsx');
  const out = outOption ?? 'out/skolanalys-demo.xlsx';
  ctx.io.out(t(ctx.lang, 'cli.demo.intro', { file: 'examples/skolanalys-demo.xlsx' }));
  ctx.io.out('');
  const code = await report(ctx, file, {
    // Lesson-level absence (the Skola24 lesson export) so the närvaroplan's steps show with the date each was reached.
    sheet: 'Betyg VT2026', np: 'Nationella prov', previous: 'Betyg VT2025', attendance: resolve(repoRoot(), 'examples/franvaro-lektioner-vt2026.csv'), survey: 'Elevenkät', questions: 'Enkätfrågor', out,
  });
  if (code !== 0) return code;
  ctx.io.out(t(ctx.lang, 'cli.demo.done', { file: out }));
  // The whole grundskola (issue 15): the same pupils' national tests in åk 3 and åk 6, and their grades
  // followed from åk 6 to åk 9, from the example files beside the workbook.
  const ex = (f: string) => resolve(repoRoot(), 'examples', f);
  ctx.io.out('');
  ctx.io.out(t(ctx.lang, 'cli.demo.school'));
  ctx.io.out('');
  for (const f of ['np-ak3-vt2020.txt', 'np-ak6-vt2023.txt']) {
    const c = await nationalTests(ctx, ex(f), {}, false);
    if (c !== 0) return c;
    ctx.io.out('');
  }
  return cohort(ctx, ['betyg-ak6-vt2023.txt', 'betyg-ak7-vt2024.txt', 'betyg-ak8-vt2025.csv', 'betyg-ak9-vt2026.txt'].map(ex), {}, false);
}
