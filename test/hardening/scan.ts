/**
 * The privacy scanner used by privacy.test.ts and the scale test: what a board-level sheet must
 * never show (domain §6).
 */
import { t } from '../../core/i18n';
import { looksLikePersonnummer } from '../../core/personnummer';
import type { ReportPlan } from '../../core/report/plan';
import type { CellValue, Lang } from '../../core/types';
import { planSheetValues } from '../../ui/memory-host';

/** Header texts of the columns that hold a row's pupil count, and the label of the headline count row. */
function countHeaders(lang: Lang): Set<string> {
  return new Set(['report.col.pupils', 'report.col.graded', 'report.col.bothGrades', 'report.col.matchedGrades'].map((k) => t(lang, k)));
}

/** Everything wrong with a plan's board-level sheets; empty when it is clean. */
export function privacyViolations(plan: ReportPlan, names: readonly string[], threshold: number, lang: Lang = 'sv'): string[] {
  const out: string[] = [];
  const nameSet = new Set(names.filter((n) => n.length > 1));
  const counts = countHeaders(lang);
  const countRowLabel = t(lang, 'report.ind.pupils');
  const small = (v: CellValue) => typeof v === 'number' && v > 0 && v < threshold;
  for (const sheet of plan.sheets) {
    if (sheet.personalData) continue;
    const grid = planSheetValues(sheet);
    grid.forEach((row, r) => row.forEach((v, c) => {
      const at = `${sheet.name}!R${r + 1}C${c + 1}`;
      if (v === null || v === undefined) return;
      const text = String(v);
      if (looksLikePersonnummer(v)) out.push(`${at}: personnummer ${text}`);
      // Any 10- or 12-digit run, also inside text or split by a dash/plus/space.
      if (/(?<!\d)(\d{10}|\d{12})(?!\d)/.test(text.replace(/(\d{6,8})\s*[-+]\s*(\d{4})/g, '$1$2'))) out.push(`${at}: digit run in ${JSON.stringify(text)}`);
      if (typeof v === 'string') for (const word of v.split(/[^\p{L}-]+/u)) if (nameSet.has(word)) out.push(`${at}: pupil name ${word} in ${JSON.stringify(text)}`);
    }));
    // Row rule: a table row whose pupil count is under the threshold shows no figure.
    for (let r = 0; r < grid.length; r++) {
      const header = grid[r] ?? [];
      const col = header.findIndex((h) => typeof h === 'string' && counts.has(h));
      if (col < 0) continue;
      // Streck and code-3 counts are not figures of the graded pupils: checked on their own rule below.
      const own = new Set(['report.col.streck', 'report.col.notStudied'].map((k) => header.indexOf(t(lang, k))));
      for (let rr = r + 1; rr < grid.length && grid[rr]?.[0] != null && grid[rr][0] !== ''; rr++) {
        const line = grid[rr];
        // Streck and code-3 counts belong to the subject's pupils (graded + streck + code 3): shown only when those reach the threshold.
        const ownValues = [...own].filter((c) => c >= 0).map((c) => line[c]);
        if (ownValues.length && ownValues.every((v) => typeof v === 'number')) {
          const n = Number(line[col] ?? 0) + ownValues.reduce((a: number, v) => a + Number(v), 0);
          if (n > 0 && n < threshold) out.push(`${sheet.name}!R${rr + 1}: streck/code-3 counts shown for ${JSON.stringify(line[0])} with ${n} < ${threshold} pupils`);
        }
        if (!small(line[col])) continue;
        line.forEach((v, c) => {
          if (c > col && !own.has(c) && typeof v === 'number') out.push(`${sheet.name}!R${rr + 1}C${c + 1}: ${v} shown for ${JSON.stringify(line[0])} with ${line[col]} < ${threshold} pupils`);
        });
      }
    }
    // Column rule: in the headline, a column (girls, boys, previous) whose count is under the threshold shows no figure.
    for (let r = 0; r < grid.length; r++) {
      const line = grid[r] ?? [];
      if (line[0] !== countRowLabel || line.length < 3) continue;
      // The headline block only: its cells run from column A without a gap (chart data sits further right).
      const width = line.findIndex((v) => v === null || v === undefined);
      line.slice(0, width < 0 ? line.length : width).forEach((n, c) => {
        if (c === 0 || !small(n)) return;
        for (let rr = r + 1; rr < grid.length && grid[rr]?.[0] != null && grid[rr][0] !== ''; rr++) {
          const v = grid[rr][c];
          if (typeof v === 'number') out.push(`${sheet.name}!R${rr + 1}C${c + 1}: ${v} shown for ${JSON.stringify(grid[r - 1]?.[c] ?? c)} with ${n} < ${threshold} pupils`);
        }
      });
    }
    // Complementary rule: the total minus shown schools, or minus shown girls/boys, must not single out fewer than threshold pupils.
    const headCount = grid.find((line) => line?.[0] === countRowLabel && line.length >= 3);
    const total = typeof headCount?.[1] === 'number' ? headCount[1] : null;
    if (total !== null && total >= threshold) {
      const parts: { n: number; hidden: boolean }[] = [];
      for (const c of [2, 3]) {
        const n = headCount![c];
        if (typeof n !== 'number') continue;
        const start = grid.indexOf(headCount!);
        const column: CellValue[] = [];
        for (let r = start + 1; r < grid.length && grid[r]?.[0] != null && grid[r][0] !== ''; r++) column.push(grid[r][c]);
        parts.push({ n, hidden: column.some((v) => v === '..') });
      }
      out.push(...complement(`${sheet.name} girls/boys`, parts, total, threshold));
      const schoolHeader = grid.findIndex((line) => line?.[0] === t(lang, 'report.col.school') && line[1] === t(lang, 'report.col.pupils'));
      if (schoolHeader >= 0) {
        const rows: { n: number; hidden: boolean }[] = [];
        for (let r = schoolHeader + 1; r < grid.length && grid[r]?.[0] != null && grid[r][0] !== ''; r++) {
          const n = grid[r][1];
          if (typeof n === 'number') rows.push({ n, hidden: grid[r].slice(2).some((v) => v === '..') });
        }
        out.push(...complement(`${sheet.name} schools`, rows, total, threshold));
      }
    }
  }
  return out;
}

/** Hidden parts plus the never-shown rest of a shown total hold 0 or ≥ threshold pupils, when any part is shown. */
function complement(what: string, parts: { n: number; hidden: boolean }[], total: number, threshold: number): string[] {
  if (!parts.some((p) => !p.hidden && p.n > 0)) return [];
  const rest = total - parts.reduce((a, p) => a + p.n, 0);
  const hidden = parts.filter((p) => p.hidden).reduce((a, p) => a + p.n, 0) + rest;
  return hidden > 0 && hidden < threshold ? [`${what}: total ${total} minus the shown parts reveals ${hidden} < ${threshold} pupils (${parts.map((p) => `${p.n}${p.hidden ? ' hidden' : ''}`).join(', ')})`] : [];
}

