/**
 * The `Närvaroplan` sheet: the default plan (each value with its source), the rows the report writes
 * once, and the reader that turns the school's edited sheet back into an AttendancePlan, listing
 * every malformed rule cell by its address. Columns are found by their header text (Swedish or
 * English), so a school may reorder them or add its own.
 */
import type { SheetData } from '../app';
import type { CellValue, Lang, Problem } from '../types';
import { t } from '../i18n';
import { cellText } from '../table/header';
import { cellAddress } from '../table/address';
import { parseAmount } from './cells';
import { DEFAULT_BANDS, DEFAULT_REPORTING_THRESHOLD, type AttendancePlan, type LadderRule, type LadderStep, type RuleMeasure } from './ladder';

/** Column keys of the steps table, in the order the default sheet writes them. */
export const PLAN_COLUMNS = ['step', 'name', 'rule', 'measure', 'limit', 'window', 'after', 'action', 'deadline', 'report', 'source'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];

/**
 * Skolanalys' default närvaroplan: four steps after Trollbodaskolan's ladder, with Danderyd's
 * timing, Bollnäs' term rule and Sävsjö's ogiltig line; each step cites its source.
 * @example defaultAttendancePlan('sv').steps.map((s) => s.index) // [1, 2, 3, 4]
 */
export function defaultAttendancePlan(lang: Lang = 'sv'): AttendancePlan {
  const L = (k: string) => t(lang, k);
  const steps: LadderStep[] = [
    {
      index: 1, name: L('attendance.plan.default.1.name'), afterDays: null, deadlineDays: 2, reportToHuvudman: false,
      action: L('attendance.plan.default.1.action'), source: L('attendance.plan.source.trollboda1'),
      rules: [
        // "More than 5 days in a row" = at least 6.
        { kind: 'consecutive', measure: 'total', days: 6 },
        { kind: 'occasions', measure: 'total', count: 2, per: 'month' },
        { kind: 'occasions', measure: 'total', count: 5, per: 'term' },
      ],
    },
    {
      index: 2, name: L('attendance.plan.default.2.name'), afterDays: null, deadlineDays: 7, reportToHuvudman: false,
      action: L('attendance.plan.default.2.action'), source: L('attendance.plan.source.trollboda2'),
      rules: [
        { kind: 'share', measure: 'total', min: 0.1, windowDays: null },
        { kind: 'weekday', measure: 'total', count: 3, windowDays: 42 },
        { kind: 'share', measure: 'invalid', min: 0.05, windowDays: null },
      ],
    },
    {
      index: 3, name: L('attendance.plan.default.3.name'), afterDays: 14, deadlineDays: 21, reportToHuvudman: true,
      action: L('attendance.plan.default.3.action'), source: L('attendance.plan.source.step3'),
      rules: [{ kind: 'share', measure: 'total', min: 0.1, windowDays: null }],
    },
    {
      index: 4, name: L('attendance.plan.default.4.name'), afterDays: 21, deadlineDays: 7, reportToHuvudman: false,
      action: L('attendance.plan.default.4.action'), source: L('attendance.plan.source.step4'),
      rules: [{ kind: 'share', measure: 'total', min: 0.1, windowDays: null }],
    },
  ];
  return { steps, bands: { total: [...DEFAULT_BANDS.total], invalid: [...DEFAULT_BANDS.invalid] }, reportingThreshold: DEFAULT_REPORTING_THRESHOLD };
}

/** Source notes of the default rows, one per rule row (the Bollnäs and Sävsjö rows name their own). */
function ruleSource(lang: Lang, step: LadderStep, r: LadderRule, i: number): string {
  if (r.kind === 'occasions' && r.per === 'term') return t(lang, 'attendance.plan.source.bollnas');
  if (r.kind === 'share' && r.measure === 'invalid' && step.afterDays === null && step.index === 2) return t(lang, 'attendance.plan.source.savsjo');
  return i === 0 ? step.source ?? '' : '';
}

function ruleName(lang: Lang, r: LadderRule): string {
  const key = r.kind === 'occasions' ? (r.per === 'month' ? 'occasionsMonth' : 'occasionsTerm') : r.kind;
  return t(lang, `attendance.plan.rule.${key}`);
}

/**
 * The steps table of a plan as sheet rows: the header, then one row per rule. A step's name,
 * action, deadline and huvudman flag are written on its first row. Share limits are fractions (the
 * sheet formats them as %); `isShare` says which rows hold one.
 * @example planRuleRows(defaultAttendancePlan('sv'), 'sv').header[0] // 'Steg'
 */
export function planRuleRows(plan: AttendancePlan, lang: Lang): { header: string[]; rows: (string | number | null)[][]; isShare: boolean[] } {
  const header = PLAN_COLUMNS.map((c) => t(lang, `attendance.plan.col.${c}`));
  const rows: (string | number | null)[][] = [];
  const isShare: boolean[] = [];
  for (const s of plan.steps) {
    s.rules.forEach((r, i) => {
      const first = i === 0;
      const limit = r.kind === 'share' ? r.min : r.kind === 'consecutive' ? r.days : r.count;
      const window = r.kind === 'share' || r.kind === 'weekday' || r.kind === 'subject' ? r.windowDays : null;
      rows.push([s.index, first ? s.name : '', ruleName(lang, r), t(lang, `attendance.plan.measure.${r.measure}`), limit, window,
        first ? s.afterDays : null, first ? s.action : '', first ? s.deadlineDays : null,
        first ? t(lang, s.reportToHuvudman ? 'attendance.plan.yes' : 'attendance.plan.no') : '', ruleSource(lang, s, r, i)]);
      isShare.push(r.kind === 'share');
    });
  }
  return { header, rows, isShare };
}

/**
 * The settings rows under the steps: a label, then values (shares as fractions), then the source.
 * @example planSettingRows(defaultAttendancePlan('sv'), 'sv')[0][1] // 0.05
 */
export function planSettingRows(plan: AttendancePlan, lang: Lang): (string | number | null)[][] {
  const width = 1 + Math.max(plan.bands.total.length, plan.bands.invalid.length, 1);
  const pad = (xs: (string | number | null)[]) => [...xs, ...Array(Math.max(0, width - xs.length)).fill(null)];
  return [
    [...pad([t(lang, 'attendance.plan.setting.bandsTotal'), ...plan.bands.total]), t(lang, 'attendance.plan.setting.bandsSource')],
    [...pad([t(lang, 'attendance.plan.setting.bandsInvalid'), ...plan.bands.invalid]), ''],
    [...pad([t(lang, 'attendance.plan.setting.reporting'), plan.reportingThreshold]), t(lang, 'attendance.plan.setting.reportingSource')],
  ];
}

/** Lower-case, accents and extra spaces removed: "Dagar i följd" and "dagar i foljd" match. */
function norm(v: CellValue): string {
  return cellText(v).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function both(key: string): string[] {
  return [norm(t('sv', key)), norm(t('en', key))];
}

/**
 * A share from a cell: 0.1, 10 (read as %), "10 %", "0,1". NaN when it is none; null when blank.
 * @example parseShare('12,5 %') // 0.125
 * @example parseShare(10) // 0.1
 */
export function parseShare(v: CellValue): number | null {
  if (v === null || v === undefined || cellText(v) === '') return null;
  if (typeof v === 'string' && v.includes('%')) {
    const n = parseAmount(v.replace('%', ''));
    return n === null ? NaN : n / 100;
  }
  const n = parseAmount(v);
  if (n === null || Number.isNaN(n)) return NaN;
  // A number above 1 is a percent (10 → 10 %); a cell formatted as % holds the fraction already.
  return n > 1 ? n / 100 : n;
}

function parseWhole(v: CellValue, min: number): number | null {
  if (v === null || v === undefined || cellText(v) === '') return null;
  const n = parseAmount(v);
  return n !== null && Number.isInteger(n) && n >= min ? n : NaN;
}

export interface PlanRead {
  plan: AttendancePlan;
  /** `sheet` when the steps were read from the school's sheet, `default` when none was given or readable. */
  from: 'sheet' | 'default';
  problems: Problem[];
}

const RULE_WORDS: [string, (base: { measure: RuleMeasure; cell: string }) => { kind: LadderRule['kind']; per?: 'month' | 'term' }][] = [
  ['attendance.plan.rule.share', () => ({ kind: 'share' })],
  ['attendance.plan.rule.consecutive', () => ({ kind: 'consecutive' })],
  ['attendance.plan.rule.occasionsMonth', () => ({ kind: 'occasions', per: 'month' })],
  ['attendance.plan.rule.occasionsTerm', () => ({ kind: 'occasions', per: 'term' })],
  ['attendance.plan.rule.weekday', () => ({ kind: 'weekday' })],
  ['attendance.plan.rule.subject', () => ({ kind: 'subject' })],
];

/** Default window of the pattern rules when the cell is blank: six weeks [D]. */
const PATTERN_WINDOW = 42;

/**
 * Reads the school's Närvaroplan sheet: the steps table (found by its Steg and Regel headers) and the
 * settings rows (found by their labels in any column). A malformed rule cell is a problem with its
 * address and its row is not used; the other rows still count. No header → the default plan and a
 * warning. Settings that cannot be read keep their defaults, with a problem.
 * @example readPlanSheet({ sheet: 'Närvaroplan', values: [['Steg', 'Namn', 'Regel', 'Frånvaro', 'Gräns'], [1, 'Uppmärksamma', 'Dagar i följd', 'Total', 6]] }, 'sv').plan.steps[0].rules[0] // { kind: 'consecutive', measure: 'total', days: 6, cell: 'Närvaroplan!C2' }
 */
export function readPlanSheet(data: SheetData, lang: Lang = 'sv'): PlanRead {
  const problems: Problem[] = [];
  const row0 = data.origin?.row ?? 0;
  const col0 = data.origin?.col ?? 0;
  const addr = (r: number, c: number) => cellAddress(data.sheet, row0 + r, col0 + c);
  const problem = (r: number, c: number, value: CellValue, code: string, severity: Problem['severity'], params: Record<string, string | number> = {}) =>
    problems.push({ cell: addr(r, c), value: value ?? null, code, severity, message: t(lang, code, { value: cellText(value), ...params }) });
  const grid = data.values;
  const fallback = defaultAttendancePlan(lang);

  // Header: a row with both the Steg and the Regel header.
  const headers = new Map<string, PlanColumn>();
  for (const c of PLAN_COLUMNS) for (const w of both(`attendance.plan.col.${c}`)) headers.set(w, c);
  let hr = -1;
  const col: Partial<Record<PlanColumn, number>> = {};
  for (let r = 0; r < grid.length && hr < 0; r++) {
    const row = grid[r] ?? [];
    const found: Partial<Record<PlanColumn, number>> = {};
    row.forEach((v, c) => {
      const k = headers.get(norm(v));
      if (k && found[k] === undefined) found[k] = c;
    });
    if (found.step !== undefined && found.rule !== undefined) {
      hr = r;
      Object.assign(col, found);
    }
  }
  const settings = readSettings(grid, fallback, problem);
  if (hr < 0) {
    problem(0, 0, grid[0]?.[0] ?? null, 'attendance.plan.problem.noHeader', 'warning', { sheet: data.sheet });
    return { plan: { ...fallback, ...settings }, from: 'default', problems };
  }

  const ruleWords = new Map<string, (typeof RULE_WORDS)[number][1]>();
  for (const [key, make] of RULE_WORDS) for (const w of both(key)) ruleWords.set(w, make);
  const measures = new Map<string, RuleMeasure>();
  for (const m of ['total', 'invalid'] as const) for (const w of both(`attendance.plan.measure.${m}`)) measures.set(w, m);
  const yes = new Set([...both('attendance.plan.yes'), 'x', 'sant', 'true', '1']);
  const no = new Set([...both('attendance.plan.no'), 'falskt', 'false', '0', '']);

  const steps = new Map<number, LadderStep>();
  const order: number[] = [];
  const get = (row: readonly CellValue[], k: PlanColumn): CellValue => (col[k] === undefined ? null : row[col[k]!]);
  for (let r = hr + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    // The table ends at the first blank row (the settings follow further down).
    if (row.every((v) => cellText(v) === '')) break;
    const stepCell = get(row, 'step');
    const index = parseWhole(stepCell, 1);
    if (index === null || Number.isNaN(index)) {
      problem(r, col.step!, stepCell, 'attendance.plan.problem.badStep', 'error');
      continue;
    }
    const ruleCell = get(row, 'rule');
    const make = ruleWords.get(norm(ruleCell));
    if (!make) {
      problem(r, col.rule!, ruleCell, 'attendance.plan.problem.badRule', 'error');
      continue;
    }
    const measureCell = get(row, 'measure');
    const measure = cellText(measureCell) === '' ? 'total' : measures.get(norm(measureCell));
    if (!measure) {
      problem(r, col.measure ?? col.rule!, measureCell, 'attendance.plan.problem.badMeasure', 'error');
      continue;
    }
    const cell = addr(r, col.rule!);
    const { kind, per } = make({ measure, cell });
    const limitCell = get(row, 'limit');
    const limitCol = col.limit ?? col.rule!;
    const windowCell = get(row, 'window');
    const window = parseWhole(windowCell, 1);
    if (Number.isNaN(window)) {
      problem(r, col.window!, windowCell, 'attendance.plan.problem.badDays', 'error');
      continue;
    }
    let rule: LadderRule;
    if (kind === 'share') {
      const min = parseShare(limitCell);
      if (min === null || Number.isNaN(min) || min <= 0 || min > 1) {
        problem(r, limitCol, limitCell, 'attendance.plan.problem.badShare', 'error');
        continue;
      }
      rule = { kind, measure, min, windowDays: window, cell };
    } else {
      const n = parseWhole(limitCell, 1);
      if (n === null || Number.isNaN(n)) {
        problem(r, limitCol, limitCell, 'attendance.plan.problem.badCount', 'error');
        continue;
      }
      rule = kind === 'consecutive' ? { kind, measure, days: n, cell }
        : kind === 'occasions' ? { kind, measure, count: n, per: per!, cell }
          : { kind, measure, count: n, windowDays: window ?? PATTERN_WINDOW, cell };
    }
    let step = steps.get(index);
    if (!step) {
      step = { index, name: '', rules: [], afterDays: null, action: '', deadlineDays: null, reportToHuvudman: false };
      steps.set(index, step);
      order.push(index);
    }
    // A step's own fields: the first row that fills them in.
    const name = cellText(get(row, 'name'));
    if (name && !step.name) step.name = name;
    const action = cellText(get(row, 'action'));
    if (action && !step.action) step.action = action;
    const afterCell = get(row, 'after');
    const after = parseWhole(afterCell, 0);
    if (Number.isNaN(after)) {
      problem(r, col.after!, afterCell, 'attendance.plan.problem.badDays', 'error');
      continue;
    }
    if (after !== null && step.afterDays === null) step.afterDays = after;
    const deadlineCell = get(row, 'deadline');
    const deadline = parseWhole(deadlineCell, 0);
    if (Number.isNaN(deadline)) problem(r, col.deadline!, deadlineCell, 'attendance.plan.problem.badDays', 'warning');
    else if (deadline !== null && step.deadlineDays === null) step.deadlineDays = deadline;
    const reportCell = get(row, 'report');
    const rep = norm(reportCell);
    if (yes.has(rep)) step.reportToHuvudman = true;
    else if (!no.has(rep)) problem(r, col.report!, reportCell, 'attendance.plan.problem.badYesNo', 'warning');
    step.rules.push(rule);
  }
  const list = order.sort((a, b) => a - b).map((i) => steps.get(i)!).filter((s) => s.rules.length > 0).map((s) => ({ ...s, name: s.name || t(lang, 'attendance.plan.stepName', { n: s.index }) }));
  if (!list.length) problem(hr, col.step!, get(grid[hr], 'step'), 'attendance.plan.problem.noSteps', 'warning');
  return { plan: { steps: list, ...settings }, from: 'sheet', problems };
}

/** The bands and the rapporteringsgrad threshold, found by their labels anywhere on the sheet. */
function readSettings(grid: SheetData['values'], fallback: AttendancePlan, problem: (r: number, c: number, v: CellValue, code: string, s: Problem['severity']) => void): Pick<AttendancePlan, 'bands' | 'reportingThreshold'> {
  const out = { bands: { ...fallback.bands }, reportingThreshold: fallback.reportingThreshold };
  const labels = new Map<string, 'total' | 'invalid' | 'reporting'>();
  for (const w of both('attendance.plan.setting.bandsTotal')) labels.set(w, 'total');
  for (const w of both('attendance.plan.setting.bandsInvalid')) labels.set(w, 'invalid');
  for (const w of both('attendance.plan.setting.reporting')) labels.set(w, 'reporting');
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const what = labels.get(norm(row[c]));
      if (!what) continue;
      if (what === 'reporting') {
        const v = parseShare(row[c + 1]);
        if (v === null || Number.isNaN(v) || v <= 0 || v > 1) problem(r, c + 1, row[c + 1] ?? null, 'attendance.plan.problem.badReporting', 'error');
        else out.reportingThreshold = v;
        break;
      }
      // Bounds run right of the label up to the first cell that is no number (the source note).
      const bounds: number[] = [];
      let bad: number | null = null;
      for (let k = c + 1; k < row.length; k++) {
        const v = row[k];
        if (cellText(v) === '') break;
        const s = parseShare(v);
        if (s === null || Number.isNaN(s)) {
          if (typeof v === 'number' || /^[\d\s.,%]+$/.test(cellText(v))) bad = k;
          break;
        }
        if (s <= 0 || s > 1 || (bounds.length && s <= bounds[bounds.length - 1])) {
          bad = k;
          break;
        }
        bounds.push(s);
      }
      if (bad !== null || !bounds.length) problem(r, bad ?? c + 1, row[bad ?? c + 1] ?? null, 'attendance.plan.problem.badBand', 'error');
      else out.bands[what] = bounds;
      break;
    }
  }
  return out;
}
