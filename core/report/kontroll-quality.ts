/**
 * The Datakontroll's data-quality table (issue 15): per subject what the grade cells held — grades
 * A–F, blanks, streck, SCB codes 2/3/Y/Z and invalid values — so a principal sees whether a column
 * is usable before reading any figure from it. Counts describe the file, not pupils' results: not
 * suppressed, and shown only on this sheet, which already holds personal data.
 */
import { t } from '../i18n';
import type { SubjectQuality } from '../grades/quality';
import type { Lang } from '../types';
import { COLORS, FMT, type SheetBuilder } from './layout';
import type { PlanValue } from './plan';

/** Header of the quality table, in column order. */
export function qualityHeader(lang: Lang): string[] {
  const L = (k: string) => t(lang, k);
  return [L('report.col.subject'), L('report.col.validGrades'), L('report.col.blank'), L('report.col.streck'),
    L('report.col.code2'), L('report.col.code3'), L('report.col.codeY'), L('report.col.codeZ'), L('report.col.invalid')];
}

/**
 * One row per subject: subject code, valid, blank, streck, 2, 3, Y, Z, invalid.
 * @example qualityRows([{ subject: 'Ma', valid: 1, blank: 1, streck: 2, code2: 0, code3: 0, codeY: 0, codeZ: 1, invalid: 1 }]) // [['Ma', 1, 1, 2, 0, 0, 0, 1, 1]]
 */
export function qualityRows(quality: readonly SubjectQuality[]): PlanValue[][] {
  return quality.map((q) => [q.subject, q.valid, q.blank, q.streck, q.code2, q.code3, q.codeY, q.codeZ, q.invalid]);
}

/**
 * Adds the quality table with its heading and note to the sheet being built; invalid cells are
 * highlighted. Nothing when no grade cell was read.
 * @example kontrollQuality(builder, analysis.dataQuality, 'sv') // table 'quality' under heading 'h-quality'
 */
export function kontrollQuality(b: SheetBuilder, quality: readonly SubjectQuality[] | undefined, lang: Lang): void {
  if (!quality?.length) return;
  b.heading('h-quality', t(lang, 'report.kontroll.quality'));
  const start = b.cursor;
  const header = qualityHeader(lang);
  b.table('quality', header, qualityRows(quality), { formats: [null, ...header.slice(1).map(() => FMT.integer)], boldFirstColumn: true });
  b.highlight({ range: { row: start + 1, col: header.length - 1, rows: quality.length, cols: 1 }, when: { greaterOrEqual: 1 }, fill: COLORS.bad, fontColor: COLORS.badText });
  b.line('quality-note', [t(lang, 'report.kontroll.qualityNote')], { italic: true, fontColor: '#595959' });
  b.blank();
}
