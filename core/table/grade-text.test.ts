// readGradeText reads a headerless SCB file line by line; everything else takes the grid path.
// Either way its table must be exactly readGradeTable's on the rows of parseDelimited(text).
import { describe, expect, it } from 'vitest';
import { generatePupils, mulberry32, scbGradeFileText } from '../../examples/generator';
import { readGradeSheet, readGradeTable, readGradeText, SCB9_COLUMNS } from './grades';
import { parseDelimited } from './text';

const opts = { referenceYear: 2026 };
const viaGrid = (text: string, o = opts) => readGradeTable({ sheet: 'betyg', values: parseDelimited(text), origin: { row: 0, col: 0 } }, o);
const viaText = (text: string, o = opts) => readGradeText(text, 'betyg', o);

const base = scbGradeFileText(generatePupils(400, 11));
const lines = base.split('\r\n').filter((l) => l !== '');

/** A seeded mess of what real exports hold: every change is one a reader must list or survive. */
function mutate(seed: number): string {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: string[] = [];
  for (const line of lines) {
    const c = line.split(';');
    const r = rnd();
    const col = 8 + Math.floor(rnd() * 25);
    if (r < 0.04) c[col] = pick(['X', 'G', 'a', ' B ', 'Å', '\u00a0C', '4', '-', '3', 'AB', '😀']);
    else if (r < 0.06) c[3] = c[3].slice(0, -1) + String((Number(c[3].slice(-1)) + 1) % 10); // check digit
    else if (r < 0.07) c[3] = c[3].slice(2); // 10-digit form
    else if (r < 0.08) c[3] = '';
    else if (r < 0.09) c.length = 30; // a short row
    else if (r < 0.10) c.push('', ''); // trailing empty cells
    else if (r < 0.11) c.push('extra');
    else if (r < 0.12) c[28] = c[29] = ''; // neither Sv nor Sva
    else if (r < 0.13) c[15] = pick(['ZZZZ', 'spa', '', '2']);
    else if (r < 0.14) c[6] = ` ${c[6]} `; // spaces a trim removes
    else if (r < 0.15) c[5] = '';
    out.push(c.join(';'));
    const d = rnd();
    if (d < 0.01) out.push(c.join(';')); // identical duplicate
    else if (d < 0.02) out.push(c.map((x, i) => (i === 9 ? (x === 'F' ? 'A' : 'F') : x)).join(';')); // conflicting
    else if (d < 0.025) out.push(''); // blank line
    else if (d < 0.03) out.push(';'.repeat(32)); // a row of empty cells
  }
  const eol = rnd() < 0.5 ? '\r\n' : '\n';
  return out.join(eol) + (rnd() < 0.5 ? eol : '');
}

describe('readGradeText: the same table as the grid path', () => {
  it('reads a clean SCB file line by line (scb9, every pupil, no problems)', () => {
    const t = viaText(base);
    expect(t.layout).toBe('scb9');
    expect(t.pupils).toHaveLength(400);
    expect(t).toStrictEqual(viaGrid(base));
  });

  it('agrees with the grid path on 30 seeded messy files, problem for problem', () => {
    let problems = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const text = mutate(seed);
      const t = viaText(text);
      expect(t, `seed ${seed}`).toStrictEqual(viaGrid(text));
      problems += t.problems.length;
    }
    // The mutations must reach the problem paths, or the comparison proves little.
    expect(problems).toBeGreaterThan(30 * 20);
  });

  it('keeps a duplicate\'s first row and names both rows, also when the first was read line by line', () => {
    const other = lines[0].split(';').map((x, i) => (i === 9 ? (x === 'F' ? 'A' : 'F') : x)).join(';'); // En differs
    const text = [lines[0], lines[1], other].join('\r\n');
    const t = viaText(text);
    expect(t.pupils).toHaveLength(2);
    expect(t.problems.map((p) => p.code)).toEqual(['table.duplicate.conflict']);
    expect(t).toStrictEqual(viaGrid(text));
  });

  it('takes the grid path for everything that is not a headerless SCB file, with the same result', () => {
    const header = SCB9_COLUMNS.join(';');
    const cases = {
      header: `${header}\r\n${lines.slice(0, 20).join('\r\n')}`,
      quotes: lines.slice(0, 20).map((l, i) => (i === 3 ? l.replace(/;9A;/, ';"9A";') : l)).join('\r\n'),
      comma: lines.slice(0, 20).map((l) => l.replaceAll(';', ',')).join('\n'),
      title: `Betyg vt 2026\r\n${lines.slice(0, 5).join('\r\n')}`,
      ak6: lines.slice(0, 5).map((l) => `${l};B;C`).join('\r\n'),
      empty: '',
      blank: '\r\n\r\n',
    };
    for (const [name, text] of Object.entries(cases)) expect(viaText(text), name).toStrictEqual(viaGrid(text));
    expect(viaText(cases.header).layout).toBe('scb9');
    expect(viaText(cases.comma).pupils).toHaveLength(20);
  });

  it('takes an explicit column mapping through the grid path', () => {
    const text = lines.slice(0, 10).join('\r\n');
    const o = { ...opts, mapping: { I: null } };
    const t = viaText(text, o);
    expect(t).toStrictEqual(viaGrid(text, o));
    expect(t.columns[8].mapping).toBeNull(); // Bl (column I) ignored as the user asked
  });
});

describe('readGradeSheet: a sheet a report reads more than once', () => {
  const sheetOf = (text: string) => {
    let split = 0;
    let rows: string[][] | undefined;
    const data = { sheet: 'betyg', origin: { row: 0, col: 0 }, text, get values() { split++; return (rows ??= parseDelimited(text)); } };
    return { data, splits: () => split };
  };

  it('reads a plain SCB text line by line (no grid) and gives the grid path\'s table', () => {
    const s = sheetOf(base);
    const table = readGradeSheet(s.data, opts);
    expect(s.splits()).toBe(0);
    expect(table).toEqual(viaGrid(base));
  });

  it('reads the same sheet with the same options once; other options or remember=false read again', () => {
    const s = sheetOf(base);
    const first = readGradeSheet(s.data, opts);
    expect(readGradeSheet(s.data, { referenceYear: 2026 })).toBe(first);
    const other = readGradeSheet(s.data, { referenceYear: 2026, lang: 'en' });
    expect(other).not.toBe(first);
    const once = sheetOf(base);
    const a = readGradeSheet(once.data, opts, false);
    expect(readGradeSheet(once.data, opts, false)).not.toBe(a);
  });

  it('takes the grid path on the sheet\'s own grid when the text is not plain SCB (split once)', () => {
    const quoted = `"Personnummer";"Sv";"Ma"\n"20100101-0006";"A";"B"\n`;
    const s = sheetOf(quoted);
    const table = readGradeSheet(s.data, opts);
    expect(s.splits()).toBe(1);
    expect(table.pupils.map((p) => p.id)).toEqual(['201001010006']);
  });
});
