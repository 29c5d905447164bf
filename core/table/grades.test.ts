import { describe, expect, it } from 'vitest';
import type { CellValue, GradeTable } from '../types';
import { readGradeTable, SCB6_COLUMNS, SCB9_COLUMNS } from './grades';
import { decodeText, parseDelimited } from './text';

// Test personnummer; check digits by Luhn over the 10-digit form (weights 2,1,2,…), e.g.
// 100101001: 2+0+0+1+0+1+0+0+2 = 6 → (10 − 6) mod 10 = 4 → 20100101-0014.
// Gender = second-to-last digit: odd pojke (M), even flicka (F).
const P1 = '20100101-0014'; // M
const P2 = '20100101-0022'; // F
const P3 = '20100101-0030'; // M
const P4 = '20100101-0048'; // F
const N1 = '201001010014';
const N2 = '201001010022';

const opts = { referenceYear: 2026 };
const codes = (t: GradeTable) => t.problems.map((p) => `${p.code}@${p.cell}`);
const grade = (t: GradeTable, id: string, subject: string) => t.pupils.find((p) => p.id === id)?.grades.find((g) => g.subject === subject);

describe('wide layout (a principal\'s workbook)', () => {
  const values: CellValue[][] = [
    ['Betyg vårterminen 2026', null, null],
    [],
    ['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Kön', 'Sv', 'Sva', 'En', 'Ma', 'Idrott och hälsa', 'Moderna språk - spanska (språkval)', 'Anteckning'],
    [P1, 'Åsa', 'Öberg', '9A', 'Flicka', 'A', '2', 'b', 'C', '-', 'E', 'bra'],
    [P2, 'Bo', 'Ek', '9B', '', '', 'D', 'E', 'G', 'F', '', ''],
  ];
  // values[0][0] sits at B3 of the sheet: grid row r → sheet row r + 3, grid column c → letter c + 1.
  const t = readGradeTable({ sheet: 'Betyg vt', values, origin: { row: 2, col: 1 } }, opts);

  it('finds the header below the title rows and maps columns', () => {
    expect(t.layout).toBe('wide');
    expect(t.headerRow).toBe(5); // grid row 2 + origin 2 + 1
    expect(t.unmapped).toEqual(['Anteckning']);
    expect(t.columns[10].mapping).toEqual({ role: 'subject', subject: 'M2', language: 'SPA' });
    expect(t.columns[0].letter).toBe('B');
    expect(t.pupils.map((p) => p.id)).toEqual([N1, N2]);
    expect(t.pupils[0]).toMatchObject({ row: 6, firstName: 'Åsa', lastName: 'Öberg', className: '9A' });
  });

  it('reads every grade form with its address', () => {
    // Wide rows keep no per-grade address (speed); problems carry theirs.
    expect(grade(t, N1, 'Sv')).toEqual({ subject: 'Sv', entry: { kind: 'grade', mark: 'A' } });
    expect(grade(t, N1, 'Sva')?.entry).toEqual({ kind: 'notApplicable' });
    expect(grade(t, N1, 'En')?.entry).toEqual({ kind: 'grade', mark: 'B' });
    expect(grade(t, N1, 'Idh')?.entry).toEqual({ kind: 'streck' });
    expect(grade(t, N1, 'M2')).toMatchObject({ language: 'SPA', entry: { kind: 'grade', mark: 'E' } });
  });

  it('gender column wins over the personnummer; empty falls back to it', () => {
    expect(t.pupils[0].gender).toBe('F'); // column says Flicka, personnummer digit 1 would say M
    expect(t.pupils[1].gender).toBe('F'); // empty column → personnummer digit 2 → F
  });

  it('lists a bad grade as an error with origin-shifted address, not used', () => {
    // Grid row 4, column 8 → sheet row 7, column J.
    const p = t.problems.find((x) => x.code === 'table.grade.oldScale');
    expect(p).toMatchObject({ cell: "'Betyg vt'!J7", value: 'G', severity: 'error' });
    expect(p?.message.startsWith('Ogiltigt betyg "G" i Ma (\'Betyg vt\'!J7): förväntade A–F, - eller SCB-kod 2/3/9.')).toBe(true);
    expect(grade(t, N2, 'Ma')).toBeUndefined();
  });

  it('warns about an empty compulsory subject, Sv/Sva as one place, not about M2', () => {
    // Pupil 2: Sv empty but Sva D → no Sv warning; M2 empty is not compulsory.
    expect(codes(t).filter((c) => c.startsWith('table.grade.empty'))).toEqual([]);
  });
});

describe('wide layout problems', () => {
  it('empty compulsory subject is a warning "saknar betyg"', () => {
    const t = readGradeTable({ sheet: 'Betyg', values: [['Pnr', 'Sv', 'Ma'], [P1, '', ' ']] }, opts);
    expect(codes(t)).toEqual(['table.grade.empty@Betyg!C2', 'table.grade.empty@Betyg!B2']);
    expect(t.problems[0].message).toBe(`Ma saknar betyg (Betyg!C2) för elev ${N1}.`);
    expect(t.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(grade(t, N1, 'Ma')?.entry).toEqual({ kind: 'missing' });
  });

  it('the invalid-grade message names value, subject, cell and what was expected (sv and en)', () => {
    const values = [['Personnummer', 'Sv', 'Ma'], [P1, 'A', 'X']];
    expect(readGradeTable({ sheet: 'Betyg', values }, opts).problems[0].message).toBe(
      'Ogiltigt betyg "X" i Ma (Betyg!C2): förväntade A–F, - eller SCB-kod 2/3/9.',
    );
    expect(readGradeTable({ sheet: 'Betyg', values }, { ...opts, lang: 'en' }).problems[0].message).toBe(
      'Invalid grade "X" in Ma (Betyg!C2): expected A–F, - or SCB code 2/3/9.',
    );
  });

  it('a wrong check digit is a warning and the number is still the id', () => {
    const t = readGradeTable({ sheet: 'B', values: [['Personnummer', 'Sv', 'Ma'], ['20100101-0015', 'A', 'B']] }, opts);
    expect(codes(t)).toEqual(['table.pnr.checksum@B!A2']);
    expect(t.problems[0].severity).toBe('warning');
    expect(t.pupils[0].id).toBe('201001010015');
  });

  it('a row without id is an error, listed and skipped', () => {
    const t = readGradeTable({ sheet: 'B', values: [['Personnummer', 'Sv', 'Ma'], ['', 'A', 'B'], [P1, 'C', 'D']] }, opts);
    expect(codes(t)).toEqual(['table.id.missing@B!A2']);
    expect(t.problems[0].severity).toBe('error');
    expect(t.pupils.map((p) => p.id)).toEqual([N1]);
  });

  it('no id column at all is one clear error', () => {
    const t = readGradeTable({ sheet: 'B', values: [['Namn', 'Sv', 'Ma'], ['Bo', 'A', 'B']] }, opts);
    expect(codes(t)).toEqual(['table.id.noColumn@B!A1']);
    expect(t.pupils).toEqual([]);
  });

  it('identical duplicate rows merge with a warning; conflicting ones are an error naming both rows', () => {
    const values = [
      ['Personnummer', 'Klass', 'Sv', 'Ma'],
      [P1, '9A', 'A', 'B'],
      ['201001010014', '9A', 'A', 'B'], // same pupil, other written form, same data
      [P2, '9A', 'C', 'D'],
      [P2, '9A', 'C', 'E'],
    ];
    const t = readGradeTable({ sheet: 'B', values }, opts);
    expect(t.pupils.map((p) => p.id)).toEqual([N1, N2]);
    expect(codes(t)).toEqual(['table.duplicate.merged@B!A3', 'table.duplicate.conflict@B!A5']);
    expect(t.problems.map((p) => p.severity)).toEqual(['warning', 'error']);
    expect(t.problems[1].message).toContain('rad 4 och 5');
    expect(grade(t, N2, 'Ma')?.entry).toEqual({ kind: 'grade', mark: 'D' }); // the first row is kept
  });

  it('gender column value that is not a gender: warning, gender from the personnummer', () => {
    const t = readGradeTable({ sheet: 'B', values: [['Pnr', 'Kön', 'Sv'], [P1, 'Okänt', 'A']] }, opts);
    expect(codes(t)).toEqual(['table.gender.invalid@B!B2']);
    expect(t.pupils[0].gender).toBe('M');
  });

  it('English exemption flag column', () => {
    const t = readGradeTable({ sheet: 'B', values: [['Pnr', 'Dispens engelska', 'En'], [P1, 'Ja', ''], [P2, '', 'C']] }, opts);
    expect(t.pupils.map((p) => p.englishExemption)).toEqual([true, false]);
  });

  it('old scale when chosen', () => {
    const t = readGradeTable({ sheet: 'B', values: [['Pnr', 'Sv', 'Ma'], [P1, 'MVG', 'A']] }, { ...opts, scale: 'old' });
    expect(t.scale).toBe('old');
    expect(grade(t, N1, 'Sv')?.entry).toEqual({ kind: 'grade', mark: 'MVG' });
    expect(codes(t)).toEqual(['table.grade.invalidOld@B!C2']);
  });
});

describe('empty and headerless sheets never throw', () => {
  it('empty grid', () => {
    const t = readGradeTable({ sheet: 'B', values: [] }, opts);
    expect(t.pupils).toEqual([]);
    expect(codes(t)).toEqual(['table.empty@B!A1']);
    expect(t.problems[0].message).toBe('Bladet B är tomt.');
  });
  it('header only', () => {
    const t = readGradeTable({ sheet: 'B', values: [['Personnummer', 'Sv', 'Ma'], [null, '', null]] }, opts);
    expect(t.pupils).toEqual([]);
    expect(codes(t)).toEqual(['table.noRows@B!A1']);
  });
  it('no recognisable header', () => {
    const t = readGradeTable({ sheet: 'B', values: [[], ['foo', 'bar'], ['1', '2']] }, opts);
    expect(t.pupils).toEqual([]);
    expect(codes(t)).toEqual(['table.noHeader@B!A2']);
  });
});

describe('mapping override', () => {
  it('by header text and by column letter, over detection', () => {
    const values = [
      ['Elevkod', 'Svenska åk 9', 'Ma', 'Betyg M'],
      ['k-17', 'A', 'B', 'C'],
    ];
    const t = readGradeTable({ sheet: 'B', values }, {
      ...opts,
      mapping: { Elevkod: { role: 'id' }, 'svenska åk 9': { role: 'subject', subject: 'Sv' }, C: null, D: { role: 'subject', subject: 'Ma' } },
    });
    expect(t.columns.map((c) => c.mapping)).toEqual([
      { role: 'id' }, { role: 'subject', subject: 'Sv' }, null, { role: 'subject', subject: 'Ma' },
    ]);
    expect(t.unmapped).toEqual(['Ma']);
    expect(t.pupils[0].id).toBe('k-17');
    expect(t.pupils[0].personnummer).toBeNull();
    expect(grade(t, 'k-17', 'Ma')).toEqual({ subject: 'Ma', entry: { kind: 'grade', mark: 'C' } });
  });
});

describe('long layout', () => {
  const values = [
    ['Personnummer', 'Klass', 'Ämne', 'Betyg'],
    [P1, '9A', 'Sv', 'A'],
    [P1, '9A', 'Ma', 'B'],
    [P1, '9A', 'MA', 'C'], // conflicts with row 3
    [P2, '9B', 'Matematik', 'E'],
    [P2, '9B', 'Ma', 'e'], // same grade again: merged
    [P2, '9B', 'Xyz', 'A'],
    [P2, '9B', 'M2 SPA', 'D'],
  ];
  const t = readGradeTable({ sheet: 'Lista', values }, opts);
  it('groups rows by pupil', () => {
    expect(t.layout).toBe('long');
    expect(t.pupils.map((p) => [p.id, p.row, p.className, p.grades.length])).toEqual([[N1, 2, '9A', 2], [N2, 5, '9B', 2]]);
    expect(grade(t, N2, 'M2')).toEqual({ subject: 'M2', language: 'SPA', entry: { kind: 'grade', mark: 'D' }, cell: 'Lista!D8' });
  });
  it('a conflicting duplicate grade is an error naming both rows; the first is kept', () => {
    expect(codes(t)).toEqual(['table.long.conflict@Lista!D4', 'table.long.merged@Lista!D6', 'table.long.subject@Lista!C7']);
    expect(t.problems[0].message).toBe(`Eleven ${N1} har två olika betyg i Ma: "B" på rad 3 och "C" på rad 4; rad 4 har inte lästs.`);
    expect(grade(t, N1, 'Ma')?.entry).toEqual({ kind: 'grade', mark: 'B' });
  });
});

/** One SCB åk 9 line: 33 fields in file order. */
function scbLine(pnr: string, first: string, last: string, grades: Partial<Record<string, string>>): string {
  return SCB9_COLUMNS.map((c) => {
    if (c === 'System') return 'IST';
    if (c === 'Datum') return '2026-06-10';
    if (c === 'Version') return '4.2';
    if (c === 'PersonNr') return pnr;
    if (c === 'Skolenhetskod') return '12345678';
    if (c === 'Klass') return '9A';
    if (c === 'Fornamn') return first;
    if (c === 'Efternamn') return last;
    if (c.endsWith('(språk)')) return grades[c] ?? '';
    return grades[c] ?? 'C';
  }).join(';');
}

/** windows-1252 bytes: å ä ö Å Ä Ö are the same code points as Latin-1. */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
}

describe('SCB åk 9 file', () => {
  const lines = [
    scbLine('201001010014', 'Åsa', 'Ängström', { Sv: '2', Sva: 'A', 'M2 (språk)': 'GER', 'M2 (betyg)': 'B', 'M1 (språk)': '', 'M1 (betyg)': '2', 'ML (språk)': '', 'ML (betyg)': '2', Tn: '2', OVR: '2', Idh: '9', Hkk: '3' }),
    scbLine('201001010022', 'Örjan', 'Öst', { Sva: '2', Ma: 'Y' }),
    'IST;2026-06-10;4.2;201001010030;12345678;9A;Kort;Rad;A;B',
  ];
  const text = lines.join('\r\n') + '\r\n';

  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'utf-8-bom'],
    ['windows-1252', cp1252(text), 'windows-1252'],
  ])('headerless, %s', (_, bytes, encoding) => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe(encoding);
    const t = readGradeTable({ sheet: 'betyg.txt', values: parseDelimited(decoded.text) }, opts);
    expect(t.layout).toBe('scb9');
    expect(t.headerRow).toBeNull();
    expect(t.pupils.map((p) => [p.id, p.firstName, p.lastName, p.school, p.className, p.gender])).toEqual([
      [N1, 'Åsa', 'Ängström', '12345678', '9A', 'M'],
      [N2, 'Örjan', 'Öst', '12345678', '9A', 'F'],
    ]);
    const p1 = t.pupils[0];
    expect(p1.grades.find((g) => g.subject === 'M2')).toEqual({ subject: 'M2', language: 'DEU', entry: { kind: 'grade', mark: 'B' } });
    expect(p1.grades.find((g) => g.subject === 'Idh')?.entry).toEqual({ kind: 'streck' });
    expect(p1.grades.find((g) => g.subject === 'Hkk')?.entry).toEqual({ kind: 'notStudied' });
    expect(p1.grades.find((g) => g.subject === 'Sv')?.entry).toEqual({ kind: 'notApplicable' });
    expect(p1.grades.find((g) => g.subject === 'M1')?.language).toBeUndefined();
    // Y in Ma (column M) of line 2 is read as SCB's åk 6 code (the analysis lists it in a slutbetyg
    // file, see core/grades/background.test.ts); line 3 has 10 of 33 columns.
    expect(t.pupils[1].grades.find((g) => g.subject === 'Ma')?.entry).toEqual({ kind: 'code', code: 'Y' });
    expect(codes(t)).toEqual(["table.scb.columns@'betyg.txt'!A3"]);
    expect(t.problems[0].message).toBe('Rad 3 har 10 kolumner men SCB-filen har 33; raden har inte lästs.');
  });

  it('with the variable names as header row', () => {
    const withHeader = [SCB9_COLUMNS.join(';'), ...lines.slice(0, 2)].join('\n');
    const t = readGradeTable({ sheet: 'S', values: parseDelimited(withHeader) }, opts);
    expect(t.layout).toBe('scb9');
    expect(t.headerRow).toBe(1);
    expect(t.unmapped).toEqual([]);
    expect(t.pupils).toHaveLength(2);
    expect(t.pupils[0].grades.find((g) => g.subject === 'M2')?.language).toBe('DEU');
  });

  it('the spec has 33 columns', () => {
    expect(SCB9_COLUMNS).toHaveLength(33);
  });

  it('a headerless 35-column (åk 6) file is read in the order of SCB\'s åk 6 description', () => {
    // SCB6_COLUMNS: … Ma (col 13), M1 (14, 15), M2 (16, 17), Modm_anm/Modmalbe (18, 19), Mu, No (21), … Ovr (35).
    const f = SCB6_COLUMNS.map(() => '');
    Object.assign(f, { 0: 'IST', 1: '2026-06-10', 3: N1, 4: '12345678', 5: '6A', 12: 'C', 17: 'ara', 18: 'B', 20: 'E', 21: '2', 30: 'D', 31: '2' });
    const t = readGradeTable({ sheet: 'S', values: parseDelimited(f.join(';')) }, opts);
    expect(t.layout).toBe('scb6');
    expect(SCB6_COLUMNS).toHaveLength(35);
    const g = Object.fromEntries(t.pupils[0].grades.filter((x) => x.entry.kind === 'grade').map((x) => [x.subject + (x.language ?? ''), (x.entry as { mark: string }).mark]));
    expect(g).toEqual({ Ma: 'C', MLARA: 'B', No: 'E', Sv: 'D' });
    expect(t.pupils[0].className).toBe('6A');
  });
});

describe('more layouts and columns', () => {
  it('an åk 6 file with its header row is read by name (No, So block grades)', () => {
    const header = ['System', 'Datum', 'Version', 'PersonNr', 'Skolenhetskod', 'Klass', 'Fornamn', 'Efternamn', 'Sv', 'Ma', 'No', 'So'];
    const t = readGradeTable({ sheet: 'S', values: [header, ['IST', '2026-06-10', '1', N1, '12345678', '6A', 'A', 'B', 'C', 'D', 'E', '-']] }, opts);
    expect(t.layout).toBe('scb6');
    expect(t.pupils[0].grades.map((g) => [g.subject, g.entry.kind])).toEqual([['Sv', 'grade'], ['Ma', 'grade'], ['No', 'grade'], ['So', 'streck']]);
  });

  it('an ID column holding valid personnummer is normalised; other ids are kept as written', () => {
    const t = readGradeTable({ sheet: 'B', values: [['ID', 'Namn', 'Sv'], [P1, 'Öberg, Åsa', 'A'], ['E-104', 'Bo Ek', 'B']] }, opts);
    expect(t.pupils.map((p) => [p.id, p.personnummer, p.gender, p.firstName, p.lastName])).toEqual([
      [N1, N1, 'M', 'Åsa', 'Öberg'],
      ['E-104', null, null, 'Bo Ek', undefined],
    ]);
    expect(t.problems).toEqual([]);
  });

  it('English headers and a long layout with Subject/Grade', () => {
    const t = readGradeTable({ sheet: 'L', values: [['Student ID', 'Subject', 'Grade'], ['s1', 'Mathematics', 'A'], ['s1', 'English', 'B']] }, opts);
    expect(t.layout).toBe('long');
    expect(t.pupils[0].grades.map((g) => g.subject)).toEqual(['Ma', 'En']);
  });

  it('a subject column without a grade column is one clear problem', () => {
    const t = readGradeTable({ sheet: 'L', values: [['Personnummer', 'Ämne', 'Klass'], [P1, 'Ma', '9A']] }, opts);
    expect(codes(t)).toEqual(['table.long.noGrade@L!A1']);
    expect(t.pupils).toEqual([]);
  });
});

describe('empty workbook cells', () => {
  it('a null cell (how a workbook reader gives an empty cell) reads exactly as an empty text, as one shared grade', () => {
    const header = ['Personnummer', 'Klass', 'Svenska', 'Svenska som andraspråk', 'Engelska', 'Matematik'];
    const withNull: CellValue[][] = [header, ['201001152384', '9A', 'A', null, 'B', 'C'], ['201002162391', '9A', null, 'E', 'F', null]];
    const withText: CellValue[][] = withNull.map((r) => r.map((v) => (v === null ? '' : v)));
    const a = readGradeTable({ sheet: 'Betyg', values: withNull }, { referenceYear: 2026 });
    const b = readGradeTable({ sheet: 'Betyg', values: withText }, { referenceYear: 2026 });
    expect(JSON.stringify(a.pupils)).toBe(JSON.stringify(b.pupils));
    // The same problems, each with the value as found (null or '').
    expect(a.problems.map((p) => ({ ...p, value: p.value ?? '' }))).toEqual(b.problems);
    // Sva of pupil 1 and Sv of pupil 2 are both empty: one shared, frozen grade object, not one per cell.
    const svaOf1 = a.pupils[0].grades.find((g) => g.subject === 'Sva');
    const maOf2 = a.pupils[1].grades.find((g) => g.subject === 'Ma');
    expect(svaOf1?.entry).toEqual({ kind: 'missing' });
    expect(maOf2?.entry).toBe(svaOf1?.entry);
  });
});
