/**
 * Text widths in Calibri, the font hosts write the report in (Carlito, which LibreOffice uses for it,
 * has the same advance widths), and lines wrapped to a width: what the printed Nämndrapport's row
 * heights, column widths and running text are measured with.
 */

/** Advance widths of Calibri / Carlito for ' ' … '~', in 1/2048 em: regular, then bold. */
const REGULAR = [463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949, 1831, 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628, 1020, 1020, 596, 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714, 801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020];
const BOLD = [463, 667, 898, 1020, 1038, 1493, 1443, 478, 638, 638, 1020, 1020, 528, 627, 547, 880, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 565, 565, 1020, 1020, 1020, 949, 1840, 1241, 1148, 1084, 1291, 999, 940, 1305, 1292, 546, 678, 1120, 866, 1790, 1349, 1385, 1090, 1405, 1153, 968, 1014, 1337, 1211, 1856, 1128, 1064, 979, 665, 880, 665, 1020, 1020, 615, 1011, 1099, 857, 1099, 1031, 648, 971, 1099, 503, 523, 983, 503, 1666, 1099, 1101, 1099, 1099, 728, 817, 710, 1099, 969, 1526, 941, 970, 814, 704, 973, 704, 1020];
/** Letters of Swedish text outside ASCII, as their base letter's width; anything else as a digit. */
const SAME_AS: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', Å: 'A', Ä: 'A', Ö: 'O', é: 'e', ü: 'u' };

/**
 * Width in pixels (96 dpi) of `text` in Calibri at `points`.
 * @example Math.round(textWidth('Kommunen', 11, true)) // 71
 */
export function textWidth(text: string, points = 11, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) {
    const c = (SAME_AS[ch] ?? ch).charCodeAt(0);
    units += c >= 32 && c <= 126 ? table[c - 32] : 1038;
  }
  return (units / 2048) * points * (96 / 72);
}

/**
 * Splits text at spaces into lines of at most `width` characters (a longer word stands alone).
 * @example textLines('Ett två tre fyra', 8) // ['Ett två', 'tre fyra']
 */
export function textLines(text: string, width: number): string[] {
  return wrap(text, width, (s) => s.length);
}

/**
 * Splits text at spaces into lines at most `pixels` wide in Calibri (a longer word stands alone).
 * @example pixelLines('Andel behöriga till yrkesprogram', 150) // ['Andel behöriga till', 'yrkesprogram']
 */
export function pixelLines(text: string, pixels: number, points = 11, bold = false): string[] {
  return wrap(text, pixels, (s) => textWidth(s, points, bold));
}

/** A text's pieces between which a host may break a line: at spaces, and after a hyphen inside a word. */
export function pieces(text: string): { piece: string; space: boolean }[] {
  const out: { piece: string; space: boolean }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    word.split(/(?<=\p{L}-)(?=\p{L})/u).forEach((p, i) => out.push({ piece: p, space: i === 0 }));
  }
  return out;
}

function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const { piece, space } of pieces(text)) {
    const joined = line ? `${line}${space ? ' ' : ''}${piece}` : piece;
    if (line && measure(joined) > width) {
      lines.push(line);
      line = piece;
    } else line = joined;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

