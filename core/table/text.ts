/**
 * Text files as schools get them: SCB's semicolon files (often windows-1252, sometimes with a
 * UTF-8 BOM), CSV exports from school systems, tab-separated copies.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252';

/**
 * Decodes file bytes: a UTF-8 BOM is stripped; valid UTF-8 is read as UTF-8, anything else as
 * windows-1252 (what Swedish Windows programs write), so å ä ö come out right either way.
 * [scb-betygsfil.md: SCB accepts ANSI/windows-1252 and UTF-8 text files]
 * @example decodeText(new Uint8Array([0x47, 0xe5, 0x72, 0x64])) // { text: 'Gård', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Not UTF-8: a BOM followed by invalid bytes is still read as windows-1252 of the body.
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' };
  }
}

/**
 * Picks the delimiter that splits the first lines most consistently (outside quotes):
 * semicolon (SCB, Swedish Excel), tab, or comma. Ties favour `;`, the Swedish default.
 * @example detectDelimiter('a;b;c\n1;2;3') // ';'
 * @example detectDelimiter('Namn,Sv\n"Berg, Ann",A') // ','
 */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const candidates = [';', '\t', ','] as const;
  // Look at the first ~20 lines only; enough to decide, cheap on 100 000-row files.
  let end = 0;
  for (let n = 0; n < 20 && end !== -1; n++) end = text.indexOf('\n', end + 1);
  const sample = end === -1 ? text : text.slice(0, end);
  let best: ';' | ',' | '\t' = ';';
  let bestScore = -1;
  for (const d of candidates) {
    const rows = parseDelimited(sample, d).filter((r) => r.length > 1 || r[0] !== '');
    if (rows.length === 0) continue;
    const counts = rows.map((r) => r.length);
    const first = counts[0];
    if (first < 2) continue;
    const consistent = counts.filter((c) => c === first).length;
    // Rows that agree with the first row's width, weighted by width.
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/**
 * The lines of a text without quotes, as `parseDelimited` reads them: CRLF or LF (a CR before LF
 * is dropped), one trailing empty line dropped. Readers that take a file line by line (see
 * `readGradeText`) use it, so their rows are exactly the rows of `parseDelimited`.
 * @example plainLines('a;b\r\nc;d\r\n') // ['a;b', 'c;d']
 */
export function plainLines(text: string): string[] {
  if (text.length === 0) return [];
  // All-CRLF files (SCB exports from Windows) split on CRLF directly: no per-line copy.
  let crlf = text.indexOf('\n') > 0;
  for (let i = text.indexOf('\n'); i !== -1 && crlf; i = text.indexOf('\n', i + 1)) crlf = text.charCodeAt(i - 1) === 13;
  const lines = crlf ? text.split('\r\n') : text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  for (let i = crlf ? lines.length - 1 : 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length > 0 && line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/**
 * Splits delimited text into rows of fields: RFC 4180 quotes (`""` inside quotes is one quote,
 * delimiters and line breaks inside quotes are kept), CRLF or LF, one trailing empty line dropped.
 * The delimiter is detected when not given.
 * @example parseDelimited('a;"b;c"\r\n1;"2""x"\r\n') // [['a', 'b;c'], ['1', '2"x']]
 */
export function parseDelimited(text: string, delimiter?: string): string[][] {
  const d = delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  const n = text.length;
  if (n === 0) return rows;
  // Fast path for files without quotes (the SCB files): plain splits.
  if (text.indexOf('"') === -1) {
    const lines = plainLines(text);
    let prev: string[] | null = null;
    for (let i = 0; i < lines.length; i++) {
      const cells = lines[i].split(d);
      // Columns such as system, date, school and class repeat row after row: keep one string for a
      // run of equal cells, so a 100 000-row file keeps fewer strings alive for the garbage collector.
      if (prev !== null && prev.length === cells.length) {
        for (let c = 0; c < cells.length; c++) {
          const v = cells[c];
          if (v.length > 1 && v === prev[c]) cells[c] = prev[c];
        }
      }
      rows.push(cells);
      prev = cells;
    }
    return rows;
  }
  const dc = d.charCodeAt(0);
  let row: string[] = [];
  let i = 0;
  while (i < n) {
    // One field.
    let field: string;
    if (text.charCodeAt(i) === 34) {
      let parts = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) {
          // Unclosed quote: keep the rest as the field rather than losing it.
          parts += text.slice(j);
          j = n;
          break;
        }
        parts += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          parts += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept (lenient, never dropped).
      let k = j;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === dc || c === 10 || c === 13) break;
        k++;
      }
      field = parts + text.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === dc || c === 10 || c === 13) break;
        k++;
      }
      field = text.slice(i, k);
      i = k;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === dc) {
      i++;
      if (i >= n) {
        row.push('');
        rows.push(row);
      }
    } else {
      // Line break: CRLF, LF or a lone CR.
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}
