/**
 * Text and row heights for the printed Nämndrapport (issue 14): running text split into lines that fit
 * the printed width, and the heights of rows whose wrapped cells take more than one line.
 */
import type { SheetBuilder } from './layout';
import type { PlanBlock, PlanStyle } from './plan';

/** Characters of running text on one printed line (A–H, 103 characters wide, less a margin). */
export const LINE_CHARS = 100;

/**
 * Splits text at spaces into lines of at most `width` characters (a longer word stands alone).
 * @example textLines('Ett två tre fyra', 8) // ['Ett två', 'tre fyra']
 */
export function textLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/**
 * Running text as lines of its own (no wrapping in a narrow first column: the lines run over the empty
 * cells to their right in every host, and need no row heights). The first line keeps `id`.
 * @example paragraph(b, 'def-1', longText, { fontColor: '#404040' })
 */
export function paragraph(b: SheetBuilder, id: string, text: string, style: Omit<PlanStyle, 'range'> = {}): void {
  textLines(text, LINE_CHARS).forEach((l, i) => b.line(i === 0 ? id : `${id}-${i + 1}`, [l], style));
}

/** Points of one line of 11-point text. */
const LINE_POINTS = 15;

/**
 * Heights of rows with wrapped text: per cell under a `wrap` style, the lines its text takes in its
 * column (about one character per width unit), the most of a row × 15 pt. Only rows over one line.
 * @example rowHeights([{ id: 'h', row: 3, col: 0, values: [['Andel behöriga till yrkesprogram']], styles: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, wrap: true }] }], [20]) // [{ row: 3, points: 30 }]
 */
export function rowHeights(blocks: readonly PlanBlock[], widths: readonly number[]): { row: number; points: number }[] {
  const lines = new Map<number, number>();
  for (const blk of blocks) {
    for (const st of blk.styles ?? []) {
      if (!st.wrap) continue;
      for (let r = st.range.row; r < st.range.row + st.range.rows; r++) {
        for (let c = st.range.col; c < st.range.col + st.range.cols; c++) {
          const v = blk.values[r]?.[c];
          if (typeof v !== 'string' || !v) continue;
          const n = textLines(v, Math.max(1, Math.floor(widths[blk.col + c] ?? 8.43))).length;
          const row = blk.row + r;
          if (n > (lines.get(row) ?? 1)) lines.set(row, n);
        }
      }
    }
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([row, n]) => ({ row, points: n * LINE_POINTS }));
}

