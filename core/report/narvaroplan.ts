/**
 * The Närvaroplan sheet: written once with Skolanalys' default plan and its sources, then the
 * school's. The plan is `createOnly`: hosts write it only when the workbook has none and otherwise
 * read it back as input (plan.ts). Its layout is what core/attendance/plan-sheet.ts reads.
 */
import { t } from '../i18n';
import { defaultAttendancePlan, planRuleRows, planSettingRows } from '../attendance/plan-sheet';
import { COLORS, FMT, SheetBuilder } from './layout';
import type { ReportModel } from './model';
import type { SheetPlan } from './plan';

/** Whole percent for limits, bands and the threshold: "10 %", "95 %". */
const PCT = '0%';

/**
 * The Närvaroplan sheet with the default plan (only offered with an attendance input). No personal data.
 * @example buildNarvaroplan(model)?.createOnly // true
 */
export function buildNarvaroplan(m: ReportModel): SheetPlan | null {
  if (!m.absence) return null;
  const L = (k: string) => t(m.lang, k);
  const plan = defaultAttendancePlan(m.lang);
  const b = new SheetBuilder('narvaroplan', L('report.sheet.narvaroplan'), false);
  b.title(L('attendance.plan.title'));
  b.line('intro', [L('attendance.plan.intro')], { italic: true, wrap: false });
  b.line('help', [L('attendance.plan.help')], { italic: true, fontColor: '#595959' });
  b.blank();
  b.heading('h-steps', L('attendance.plan.section.steps'));
  const { header, rows, isShare } = planRuleRows(plan, m.lang);
  // Limits are shares on share rows and counts elsewhere; the other number columns are whole days.
  const formats = header.map((_, i) => (i === 0 || i === 5 || i === 6 || i === 8 ? FMT.integer : null));
  const start = b.cursor;
  b.table('steps', header, rows, { formats, rowFormats: isShare.map((s) => (s ? PCT : FMT.integer)), styles: [] });
  b.blank();
  b.heading('h-settings', L('attendance.plan.section.settings'));
  const settings = planSettingRows(plan, m.lang);
  const width = settings[0].length;
  b.table('settings', [L('attendance.plan.section.settings'), ...Array(width - 2).fill(''), L('attendance.plan.col.source')], settings,
    // From column B, whose width fits the labels; the reader finds them in any column.
    { formats: [null, ...Array(width - 2).fill(PCT), null], boldFirstColumn: true, col: 1 });
  return { ...b.build({ columnWidths: [8, 22, 22, 10, 8, 14, 14, 60, 12, 14, 70], frozenRows: start + 1, tabColor: COLORS.title }), createOnly: true };
}
