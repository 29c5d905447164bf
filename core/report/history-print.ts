/**
 * Text and row heights for the printed Nämndrapport (issue 14): running text split into lines that fit
 * the printed width, and the heights of rows whose wrapped cells take more than one line. Widths are
 * measured with Calibri's advance widths (Carlito, which LibreOffice uses for it, has the same), so a
 * row is as tall as its text needs: too short clips a wrapped header, too tall costs pages.
 */
import { COLORS, type SheetBuilder } from './layout';
import { pieces, pixelLines, textWidth } from './text-width';

export { pixelLines, textLines, textWidth } from './text-width';
import type { PlanBlock, PlanChart, PlanStyle } from './plan';

/**
 * Pixels a column `chars` wide leaves for text: Excel's 7 px per character less its 5 px of padding
 * (LibreOffice draws 7.4 px per character, so what fits in Excel fits there too).
 */
export function columnTextPixels(chars: number): number {
  return chars * 7 - 5;
}

/** Width of running text on the printed page: A–H of the Nämndrapport in Excel's pixels, less a margin. */
export const LINE_PIXELS = 700;

/** Lines a wrapped cell takes: its words laid out greedily; a word wider than the cell is broken by the host. */
function cellLines(text: string, pixels: number, points: number, bold: boolean): number {
  return text.split('\n').reduce((n, part) => n + pixelLines(part, pixels, points, bold)
    .reduce((k, l) => k + Math.max(1, Math.ceil(textWidth(l, points, bold) / pixels)), 0), 0);
}

/**
 * Running text as lines of its own (no wrapping in a narrow first column: the lines run over the empty
 * cells to their right in every host, and need no row heights). The first line keeps `id`.
 * @example paragraph(b, 'def-1', longText, { fontColor: '#404040' })
 */
export function paragraph(b: SheetBuilder, id: string, text: string, style: Omit<PlanStyle, 'range'> = {}): void {
  pixelLines(text, LINE_PIXELS, style.fontSize ?? 11, !!style.bold).forEach((l, i) => b.line(i === 0 ? id : `${id}-${i + 1}`, [l], style));
}

/** Points of `lines` lines of `size`-point text: Excel's 15 pt a line of 11-point text, in proportion. */
export function linePoints(lines: number, size = 11): number {
  return Math.ceil(lines * size * (15 / 11) * 2) / 2;
}

/**
 * Heights of rows with wrapped text: per cell under a `wrap` style, the lines its text takes in its
 * column at its font (size and weight from the block's styles), the most of a row. Only rows over one
 * line, or over the default 15 pt.
 * @example rowHeights([{ id: 'h', row: 3, col: 0, values: [['Andel behöriga till yrkesprogram']], styles: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, wrap: true }] }], [20]) // [{ row: 3, points: 30 }]
 */
export function rowHeights(blocks: readonly PlanBlock[], widths: readonly number[]): { row: number; points: number }[] {
  const points = new Map<number, number>();
  for (const blk of blocks) {
    const styles = blk.styles ?? [];
    const inside = (s: PlanStyle, r: number, c: number) => r >= s.range.row && r < s.range.row + s.range.rows && c >= s.range.col && c < s.range.col + s.range.cols;
    for (const st of styles) {
      if (!st.wrap) continue;
      for (let r = st.range.row; r < st.range.row + st.range.rows; r++) {
        for (let c = st.range.col; c < st.range.col + st.range.cols; c++) {
          const v = blk.values[r]?.[c];
          if (typeof v !== 'string' || !v) continue;
          // The cell's font: the last style that sets it wins, as hosts apply styles in order.
          let size = 11;
          let bold = false;
          for (const s of styles) {
            if (!inside(s, r, c)) continue;
            if (s.fontSize !== undefined) size = s.fontSize;
            if (s.bold !== undefined) bold = s.bold;
          }
          const h = linePoints(cellLines(v, columnTextPixels(widths[blk.col + c] ?? 8.43), size, bold), size);
          const row = blk.row + r;
          if (h > 15 && h > (points.get(row) ?? 0)) points.set(row, h);
        }
      }
    }
  }
  return [...points.entries()].sort((a, b) => a[0] - b[0]).map(([row, p]) => ({ row, points: p }));
}

/** Rows of a table kept on one page; a longer table may be split by the printer after its first rows. */
const KEEP_TABLE = 16;

/**
 * Rows a page may break before: every section heading, table, band of charts and sub-heading row of a
 * table (a table or chart right under its heading stays with it; running text stays with the block
 * above), each with the rows that must stay together from it: all of a chart band or a short table, the
 * first rows of a long one or under a sub-heading.
 */
export function blockStarts(plan: { blocks: readonly PlanBlock[]; charts?: readonly PlanChart[] }, end: number): { row: number; keep: number }[] {
  const headings = new Set(plan.blocks.filter((b) => b.col === 0 && b.id.startsWith('h-')).map((b) => b.row));
  const starts = new Set(headings);
  // A table's first block: the header row's style has the header fill.
  for (const b of plan.blocks) if (b.col === 0 && b.styles?.some((s) => s.range.row === 0 && s.fill === COLORS.headerFill)) starts.add(b.row);
  const chartRows = new Set((plan.charts ?? []).filter((c) => c.anchor.col < 8).map((c) => c.anchor.row));
  for (const r of chartRows) starts.add(r);
  // A row inside a table with only its label (a school above its indicators) stays with the rows under it.
  const subheads = new Set<number>();
  for (const b of plan.blocks) {
    if (b.col !== 0 || b.values[0].length < 2) continue;
    b.values.forEach((row, i) => {
      if (typeof row[0] === 'string' && row[0] && row.slice(1).every((v) => v === null || v === '')) subheads.add(b.row + i);
    });
  }
  for (const r of subheads) if (!headings.has(r)) starts.add(r);
  const rows = [...starts].filter((r) => !headings.has(r - 1)).sort((a, b) => a - b);
  return rows.map((row, i) => {
    const stop = i + 1 < rows.length ? rows[i + 1] : end;
    const chart = [...chartRows].some((r) => r >= row && r < stop);
    return { row, keep: chart || stop - row <= KEEP_TABLE ? stop - row : subheads.has(row) ? 4 : 6 };
  });
}

/** Widest piece of a header cell (a word, or part of one up to a hyphen) in 9-point bold, px. */
function widestPiece(text: string, points: number): number {
  return Math.max(0, ...pieces(text).map((p) => textWidth(p.piece, points, true)));
}

/**
 * Column widths for a printed sheet: each of columns 1 … `printed` − 1 as wide as its widest header
 * word needs (no host breaks a word inside, as in "yrkesprogra m"; at least `min`), the label column
 * the rest of `total` characters. Beyond the printed columns, `base` as it is.
 * @example fitColumns(plan.blocks, [40, 9, 9], 3, 60, 9, 8) // [label, width of column B's widest header word, …]
 */
export function fitColumns(blocks: readonly PlanBlock[], base: readonly number[], printed: number, total: number, headerPoints: number, min: number): number[] {
  const need = Array.from({ length: printed }, () => min);
  for (const b of blocks) {
    const header = b.styles?.find((s) => s.range.row === 0 && s.fill === COLORS.headerFill);
    if (!header || b.col >= printed) continue;
    b.values[0].forEach((v, i) => {
      const col = b.col + i;
      if (col === 0 || col >= printed || typeof v !== 'string') return;
      // Excel's 7 px per character + 5 of padding; half characters.
      need[col] = Math.max(need[col], Math.ceil(((widestPiece(v, header.fontSize ?? 11) + 5) / 7) * 2) / 2);
    });
  }
  const rest = need.slice(1).reduce((n, w) => n + w, 0);
  return [Math.max(min, total - rest), ...need.slice(1), ...base.slice(printed)];
}

/** Excel's pixels of a column (7 per character + 5), as the writer anchors charts. */
const colPx = (w: number) => Math.round(w * 7 + 5);

/**
 * Charts set side by side on a printed sheet made to fit the columns as fitted: the k charts of a band
 * start at the column edges that make the narrowest of them widest, each as wide as the columns
 * up to the next (or the printed edge), less a gap; a chart alone on its row spans the page, unless it
 * was placed beside a table (from a column right of A): then it runs from there to the page edge.
 */
export function fitCharts(charts: readonly PlanChart[], widths: readonly number[], printed: number): PlanChart[] {
  const edges = [0];
  for (let k = 0; k < printed; k++) edges.push(edges[k] + colPx(widths[k] ?? 8.43));
  const full = edges[printed];
  const bands = new Map<number, PlanChart[]>();
  for (const c of charts) if (c.anchor.col < printed) bands.set(c.anchor.row, [...(bands.get(c.anchor.row) ?? []), c]);
  const placed = new Map<PlanChart, PlanChart>();
  for (const band of bands.values()) {
    const sorted = [...band].sort((a, b) => a.anchor.col - b.anchor.col);
    // A lone chart placed beside a table (from a column right of A) keeps its column, to the page edge.
    const cols = sorted.length === 1 && sorted[0].anchor.col > 0 ? [sorted[0].anchor.col] : evenCuts(edges, printed, sorted.length);
    sorted.forEach((c, i) => {
      const next = i + 1 < sorted.length ? cols[i + 1] : printed;
      placed.set(c, { ...c, anchor: { ...c.anchor, col: cols[i], width: edges[next] - edges[cols[i]] - 8 } });
    });
  }
  return charts.map((c) => placed.get(c) ?? c);
}

/** First columns of `k` slots over columns 0 … `printed` − 1 whose narrowest slot is widest (k ≤ 3 here). */
function evenCuts(edges: readonly number[], printed: number, k: number): number[] {
  let best: number[] = [0];
  let bestMin = -1;
  const tryCuts = (cuts: number[]) => {
    const bounds = [...cuts, printed];
    const min = Math.min(...cuts.map((c, i) => edges[bounds[i + 1]] - edges[c]));
    if (min > bestMin) [best, bestMin] = [cuts, min];
  };
  if (k <= 1) return [0];
  for (let a = 1; a < printed; a++) {
    if (k === 2) tryCuts([0, a]);
    else for (let b = a + 1; b < printed; b++) tryCuts([0, a, b]);
  }
  return best;
}
