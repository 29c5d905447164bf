/**
 * The Historik sheet (`historik`): a generated sheet whose content is the merge of what the workbook's
 * Historik held and the periods this report computed (history.ts). Hosts rewrite it in place like the
 * other generated sheets and hand its values back as `ReportInputs.history` the next time.
 */
import { t } from '../i18n';
import { COLORS, FMT, SheetBuilder } from './layout';
import type { ReportModel } from './model';
import type { SheetPlan } from './plan';
import { HEADLINE, historyHeader } from './history';

/**
 * The Historik sheet of a report model; null when there is nothing to keep or write (no period found
 * and no Historik in the workbook). No personal data: group figures only, suppressed as on the Nämndrapport.
 * @example buildHistorik(model)?.blocks.find((b) => b.id === 'history-header')?.values[0][0] // 'Period'
 */
export function buildHistorik(m: ReportModel): SheetPlan | null {
  const h = m.history;
  if (!h || h.rows.length === 0) return null;
  const L = (k: string) => t(m.lang, k);
  const b = new SheetBuilder('historik', L('report.sheet.historik'), false);
  b.title(L('report.title.historik'));
  b.line('intro', [L('report.history.intro')], { italic: true, fontColor: '#595959' });
  b.blank();
  const start = b.cursor;
  const shares = new Set(HEADLINE.filter((i) => i.share).map((i) => i.key));
  const rowFormats = h.rows.map((r) => (r.entry ? (shares.has(r.entry.indicator) ? FMT.percent : FMT.oneDecimal) : null));
  // Text columns keep a typed year (2019) from taking the value's number format.
  const formats = [FMT.text, FMT.text, FMT.text, FMT.text, FMT.text, null, FMT.integer, FMT.text];
  b.table('history', historyHeader(m.lang), h.rows.map((r) => r.cells), { rowFormats, formats });
  return b.build({ columnWidths: [10, 12, 24, 10, 48, 10, 8, 40], frozenRows: start + 1, tabColor: COLORS.title });
}
