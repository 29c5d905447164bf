/**
 * The Mål sheet (`mal`, create-once) and the target status on the Nämndrapport. The tool writes Mål
 * once with the headline indicators; afterwards it is the school's: hosts never replace it and hand it
 * back as `ReportInputs.targets`. Status: uppfyllt when the figure meets the target, delvis when it
 * misses by at most the margin, ej uppfyllt otherwise; a hidden figure (`..`) has no status.
 */
import type { SheetData } from '../app';
import { t } from '../i18n';
import type { Figure, Lang, Problem } from '../types';
import { cellAddress } from '../table/address';
import { COLORS, FMT, SheetBuilder, figureCell } from './layout';
import type { GroupFigures, ReportModel } from './model';
import { paragraph } from './history-print';
import type { PlanValue, SheetPlan } from './plan';
import { HEADLINE } from './history';
import { emptyRow, findNamedHeader, normCell } from './own-sheet';

export type Comparison = '>=' | '<=';
export type TargetStatus = 'met' | 'partly' | 'notMet';

/** One target as the school wrote it. */
export interface Target {
  indicator: string;
  /** null: the whole (kommun level); else a school as the grade file names it. */
  unit: string | null;
  target: number | null;
  comparison: Comparison;
  /** How far from the target still counts as "delvis" (same unit as the target). */
  margin: number;
  comment: string;
}

const COLUMNS = ['indicator', 'unit', 'target', 'comparison', 'margin', 'comment'] as const;
type Column = (typeof COLUMNS)[number];

/** Default "delvis" margins: 2 percentage points for shares, 5 points for meritvärde. */
const DEFAULT_MARGIN = { share: 0.02, points: 5 };

/**
 * Status of a figure against a target.
 * @example targetStatus(0.86, { target: 0.9, comparison: '>=', margin: 0.05 }) // 'partly'
 * @example targetStatus(231, { target: 225, comparison: '>=', margin: 5 }) // 'met'
 * @example targetStatus('..', { target: 0.9, comparison: '>=', margin: 0.05 }) // null
 */
export function targetStatus(value: Figure, t: Pick<Target, 'target' | 'comparison' | 'margin'>): TargetStatus | null {
  if (typeof value !== 'number' || t.target === null) return null;
  // Shares carry float noise (0.1 + 0.2); a figure within 1e-9 of the target meets it.
  const gap = t.comparison === '>=' ? t.target - value : value - t.target;
  if (gap <= 1e-9) return 'met';
  return gap <= t.margin + 1e-9 ? 'partly' : 'notMet';
}

/**
 * The comparison of a target as typed: blank, ≥, >= or > mean higher is better; ≤, <= or < lower is
 * better; anything else is undefined. The Mål sheet and SKOLA.MALSTATUS read it alike.
 * @example comparisonOf('≤') // '<='
 * @example comparisonOf(null) // '>='
 */
export function comparisonOf(v: unknown): Comparison | undefined {
  const cmp = normCell(v);
  return cmp === '' || cmp === '≥' || cmp === '>=' || cmp === '>' ? '>=' : cmp === '≤' || cmp === '<=' || cmp === '<' ? '<=' : undefined;
}

function headerOf(lang: Lang): string[] {
  return COLUMNS.map((c) => t(lang, `report.targets.col.${c}`));
}

const norm = normCell;

/**
 * A number cell, or typed text `85 %`, `85,5`; a share above 1 was typed as percent. Blank → null,
 * unreadable → undefined. SKOLA.MALSTATUS reads its arguments with it too.
 * @example numberOf('85 %', true) // 0.85
 * @example numberOf(85, true) // 0.85
 */
export function numberOf(v: unknown, share: boolean): number | null | undefined {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const m = /^(-?\d+(?:[.,]\d+)?)\s*(%?)$/.exec(v.trim().replace(/\s(?=\d)/g, ''));
    if (!m) return undefined;
    n = Number(m[1].replace(',', '.'));
    if (m[2] === '%') return n / 100;
  } else return undefined;
  return share && Math.abs(n) > 1 ? n / 100 : n;
}

/**
 * Reads the school's Mål sheet: the header row (Indikator, Målvärde …, sv or en), then one target per
 * row. A row whose indicator, target, comparison or margin cannot be read is named in a warning with
 * its cell and left out.
 * @example readTargets({ sheet: 'Mål', values: [['Indikator', 'Enhet', 'Målvärde', 'Jämförelse', 'Delvis inom', 'Kommentar'], ['YRK', '', 0.9, '≥', 0.03, 'Fokus på Ma']] }, 'sv').targets[0].target // 0.9
 */
export function readTargets(data: SheetData, lang: Lang): { targets: Target[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const targets: Target[] = [];
  const values = data.values;
  const origin = data.origin ?? { row: 0, col: 0 };
  const names = new Map<string, Column>();
  for (const c of COLUMNS) for (const l of ['sv', 'en'] as const) names.set(t(l, `report.targets.col.${c}`).toLowerCase(), c);
  const indicators = new Map<string, string>();
  for (const i of HEADLINE) {
    indicators.set(i.key.toLowerCase(), i.key);
    for (const l of ['sv', 'en'] as const) indicators.set(t(l, `report.ind.${i.key}`).toLowerCase(), i.key);
  }
  const wholes = new Set(['', ...(['sv', 'en'] as const).flatMap((l) => [t(l, 'common.total'), t(l, 'report.history.level.kommun')].map((x) => x.toLowerCase()))]);
  const header = findNamedHeader(values, names, ['indicator', 'target']);
  const headerRow = header?.row ?? -1;
  const at: Partial<Record<Column, number>> = header?.at ?? {};
  if (headerRow < 0) {
    problems.push({ cell: cellAddress(data.sheet, origin.row, origin.col), value: null, code: 'report.targetsNoHeader', severity: 'warning', message: t(lang, 'report.problem.targetsNoHeader', { sheet: data.sheet }) });
    return { targets, problems };
  }
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    if (emptyRow(row)) continue;
    const get = (c: Column) => (at[c] === undefined ? undefined : row[at[c]!]);
    const warn = (c: Column, key: string) => problems.push({
      cell: cellAddress(data.sheet, origin.row + r, origin.col + (at[c] ?? 0)), value: (get(c) ?? null) as Problem['value'], code: 'report.targetRow', severity: 'warning',
      message: t(lang, `report.problem.targets.${key}`, { sheet: data.sheet }),
    });
    const indicator = indicators.get(norm(get('indicator')));
    if (!indicator) {
      warn('indicator', 'indicator');
      continue;
    }
    const share = HEADLINE.find((i) => i.key === indicator)!.share;
    const target = numberOf(get('target'), share);
    if (target === undefined) {
      warn('target', 'target');
      continue;
    }
    const comparison = comparisonOf(get('comparison'));
    if (!comparison) {
      warn('comparison', 'comparison');
      continue;
    }
    const margin = numberOf(get('margin'), share);
    if (margin === undefined || (margin !== null && margin < 0)) {
      warn('margin', 'margin');
      continue;
    }
    const unitText = get('unit') === null || get('unit') === undefined ? '' : String(get('unit')).trim();
    const comment = get('comment');
    targets.push({
      indicator, unit: wholes.has(unitText.toLowerCase()) ? null : unitText, target, comparison, margin: margin ?? 0,
      comment: comment === null || comment === undefined ? '' : String(comment),
    });
  }
  return { targets, problems };
}

/**
 * The Mål sheet as the tool creates it once: every headline indicator for the whole, no target yet,
 * ≥, a default margin (2 percentage points, 5 meritpoäng) and an empty comment. No personal data.
 * @example buildMal(model).createOnly // true
 */
export function buildMal(m: ReportModel): SheetPlan {
  const L = (k: string) => t(m.lang, k);
  const b = new SheetBuilder('mal', L('report.sheet.mal'), false);
  b.title(L('report.title.mal'));
  b.line('intro', [L('report.targets.intro')], { italic: true, fontColor: '#595959' });
  b.blank();
  const start = b.cursor;
  const rows: PlanValue[][] = HEADLINE.map((i) => [L(`report.ind.${i.key}`), L('common.total'), null, '≥', i.share ? DEFAULT_MARGIN.share : DEFAULT_MARGIN.points, '']);
  b.table('targets', headerOf(m.lang), rows, { rowFormats: HEADLINE.map((i) => (i.share ? FMT.percent : FMT.oneDecimal)), formats: [null, FMT.text, null, FMT.text, null, FMT.text] });
  return { ...b.build({ columnWidths: [62, 18, 12, 12, 12, 60], frozenRows: start + 1, tabColor: COLORS.title }), createOnly: true };
}

/** The figure a target is about: the whole's total, or a school's. */
function figureFor(m: ReportModel, tg: Target): { unit: string; value: Figure } | null {
  const ind = HEADLINE.find((i) => i.key === tg.indicator)!;
  if (tg.unit === null) return { unit: t(m.lang, 'common.total'), value: ind.get(m.total) };
  const school: GroupFigures | undefined = m.schools.find((s) => s.label.toLowerCase() === tg.unit!.toLowerCase());
  return school ? { unit: school.label, value: ind.get(school) } : null;
}

/**
 * The targets block of the Nämndrapport: indicator (short name), unit, figure, target and status
 * (traffic light) for every target with a value or a comment, then the school's comments under the
 * table, each wrapped across the page. A line asks for targets when none are filled in.
 * @example namndrapportTargets(b, model) // adds the block when model.targets is set
 */
export function namndrapportTargets(b: SheetBuilder, m: ReportModel): void {
  if (!m.targets) return;
  const L = (k: string, p: Record<string, string | number> = {}) => t(m.lang, k, p);
  b.heading('h-targets', L('report.section.targets'));
  const rows: PlanValue[][] = [];
  const formats: (string | null)[] = [];
  // Comments go under the table, each wrapped across the page: in a table column they were cut off.
  const comments: string[] = [];
  for (const tg of m.targets) {
    if (tg.target === null && !tg.comment) continue;
    const f = figureFor(m, tg);
    if (!f) continue;
    const share = HEADLINE.find((i) => i.key === tg.indicator)!.share;
    const status = targetStatus(f.value, tg);
    rows.push([L(`report.indShort.${tg.indicator}`), f.unit, figureCell(f.value), tg.target === null ? '.' : tg.target,
      tg.target === null ? '' : `${tg.comparison === '>=' ? '≥' : '≤'}`, status ? L(`report.targets.status.${status}`) : tg.target === null ? '' : '..']);
    formats.push(share ? FMT.percent : FMT.oneDecimal);
    // The unit only when it is a school: most targets are the municipality's total.
    if (tg.comment) comments.push(`${L(`report.indShort.${tg.indicator}`)}${tg.unit === null ? '' : ` (${f.unit})`}: ${tg.comment}`);
  }
  if (!rows.length) {
    b.line('targets-none', [L('report.targets.none')], { italic: true, fontColor: '#595959' });
    b.blank();
    return;
  }
  const range = b.table('targets', [L('report.col.indicator'), L('report.targets.col.unit'), L('report.targets.col.outcome'), L('report.targets.col.target'), L('report.targets.col.comparison'), L('report.targets.col.status')],
    rows, { rowFormats: formats, boldFirstColumn: true, wrapFirstColumn: true, formats: [null, FMT.text, null, null, FMT.text, FMT.text] });
  const status = { row: range.row + 1, col: range.col + 5, rows: rows.length, cols: 1 };
  b.highlight({ range: status, when: { equals: L('report.targets.status.met') }, fill: COLORS.good, fontColor: COLORS.goodText });
  b.highlight({ range: status, when: { equals: L('report.targets.status.partly') }, fill: COLORS.warn, fontColor: COLORS.warnText });
  b.highlight({ range: status, when: { equals: L('report.targets.status.notMet') }, fill: COLORS.bad, fontColor: COLORS.badText });
  if (comments.length) {
    // A heading of its own: the comments may start on the next page while the table stays with its heading.
    b.heading('h-targets-comments', L('report.targets.comments'));
    comments.forEach((c, i) => paragraph(b, `targets-comment-${i + 1}`, c));
  }
  paragraph(b, 'targets-note', L('report.targets.note'), { italic: true, fontColor: '#595959' });
  b.blank();
}
