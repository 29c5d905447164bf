/** The Nämndrapport's headline figures as terminal text, formatted the way the sheet shows them. */
import { formatNumber, formatPercent } from '../core/i18n';
import type { PlanValue, ReportPlan } from '../core/report/plan';
import type { Lang } from '../core/types';

/** Formats a plan value the way its number format shows it in the sheet. */
export function formatPlanValue(v: PlanValue, format: string | null | undefined, lang: Lang): string {
  if (v === null) return '';
  if (typeof v !== 'number') return String(v);
  const f = format ?? '';
  const decimals = (/0\.(0+)/.exec(f)?.[1].length) ?? 0;
  if (f.includes('%')) return formatPercent(lang, v, decimals);
  if (f.startsWith('+')) return `${v > 0 ? '+' : ''}${formatNumber(lang, v, decimals)}`;
  if (f) return formatNumber(lang, v, decimals);
  return formatNumber(lang, v, Number.isInteger(v) ? 0 : 1);
}

/** The Nämndrapport's headline blocks (`headline`, `headline-header`, `headline-1`, …) as aligned text rows. */
export function headlineTable(plan: ReportPlan, lang: Lang): string[] {
  const sheet = plan.sheets.find((s) => s.key === 'namndrapport');
  if (!sheet) return [];
  const blocks = sheet.blocks.filter((b) => /^headline(-header|-\d+)?$/.test(b.id)).sort((a, b) => a.row - b.row);
  const rows: string[][] = [];
  for (const b of blocks) for (const r of b.values) rows.push(r.map((v, j) => formatPlanValue(v, b.columnFormats?.[j], lang)));
  if (!rows.length) return [];
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => (r[j] ?? '').length)));
  return rows.map((r) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd());
}

