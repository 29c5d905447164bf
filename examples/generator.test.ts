import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parsePersonnummer } from '../core/personnummer';
import { defaultAttendancePlan, evaluateLadder, isoDate, readAttendance, reportingRates } from '../core/attendance';
import { parseDelimited } from '../core/table/text';
import {
  ABSENCE_STREAKS, CORE_SUBJECTS, LADDER_CASES, LESSON_DAYS, POORLY_REGISTERED, DEMO_PUPILS, DEMO_SEED, LEFT_AFTER_AK8, NEW_IN_AK9, PLANTED, SCB_GRADE_COLUMNS,
  SCB_TEST_COLUMNS, SHORT_ID_IN_AK8, SURVEY_ANSWERS, demoTextFiles, generatePupils, isPass, scbGradeFileText, schoolDays,
  type Pupil,
} from './generator';
import { demoWorkbookBytes } from './workbook';

const dir = fileURLToPath(new URL('.', import.meta.url));
const pupils = generatePupils(DEMO_PUPILS, DEMO_SEED);
const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const lines = (text: string) => text.replace(/^\ufeff/, '').split('\r\n').slice(0, -1);
const BOM = [0xef, 0xbb, 0xbf];

describe('determinism', () => {
  it('the same seed gives the same bytes, and the committed files are current', () => {
    const first = demoTextFiles(DEMO_SEED);
    const again = demoTextFiles(DEMO_SEED);
    expect(first.length).toBe(13); // 9 + åk 3 test, åk 6 grades and test, åk 7 grades (issue 15)
    first.forEach(([name, bytes], i) => {
      expect(Buffer.from(again[i][1]).equals(Buffer.from(bytes)), name).toBe(true);
      expect(Buffer.from(file(name)).equals(Buffer.from(bytes)), `${name} differs: run npm run generate:examples`).toBe(true);
    });
  });

  it('another seed gives other pupils', () => {
    expect(scbGradeFileText(generatePupils(50, 7))).not.toBe(scbGradeFileText(pupils.slice(0, 50)));
  });

  it('the workbook bytes repeat and equal the committed skolanalys-demo.xlsx', async () => {
    const a = await demoWorkbookBytes(pupils, DEMO_SEED);
    const b = await demoWorkbookBytes(generatePupils(DEMO_PUPILS, DEMO_SEED), DEMO_SEED);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(file('skolanalys-demo.xlsx')).equals(Buffer.from(a))).toBe(true);
  });

  it('the folder stays under 4 MB', () => {
    const total = readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
    expect(total).toBeLessThan(4 * 2 ** 20);
  });

  it('makes 100 000 pupils with unique ids', () => {
    const big = generatePupils(100_000, 1);
    expect(big.length).toBe(100_000);
    expect(new Set(big.map((p) => p.personnummer)).size).toBe(100_000);
  });
});

describe('personnummer', () => {
  it('all pass the Luhn check with the right gender digit and a 2010 birth date, but the two planted ones', () => {
    for (const p of pupils) {
      const parsed = parsePersonnummer(p.personnummer, 2026);
      expect(parsed, p.personnummer).not.toBeNull();
      expect(parsed!.dateValid).toBe(true);
      expect(p.personnummer.slice(0, 4)).toBe('2010');
      expect(parsed!.gender).toBe(p.gender);
      if (p.index === PLANTED.badCheckDigit) expect(parsed!.checksumValid).toBe(false);
      else if (p.index === PLANTED.temporaryId) expect(parsed!.kind).toBe('temporary');
      else expect([parsed!.kind, parsed!.checksumValid]).toEqual(['personnummer', true]);
    }
    expect(new Set(pupils.map((p) => p.personnummer)).size).toBe(DEMO_PUPILS);
  });
});

describe('SCB grade file', () => {
  const text = new TextDecoder('windows-1252').decode(file('betyg-ak9-vt2026.txt'));
  const rows = lines(text).map((l) => l.split(';'));

  it('is headerless, 33 columns per row, CRLF, Windows-1252 names', () => {
    expect(SCB_GRADE_COLUMNS.length).toBe(33);
    expect(rows.length).toBe(300);
    expect(rows.every((r) => r.length === 33)).toBe(true);
    expect(rows[0][0]).not.toBe('System');
    expect(text.split('\n').length - 1).toBe(text.split('\r\n').length - 1);
    // å, ä, ö are single bytes (0xE5, 0xE4, 0xF6) in Windows-1252, not UTF-8 pairs.
    const raw = file('betyg-ak9-vt2026.txt');
    expect(raw.includes(0xc3)).toBe(false);
    expect(/[åäöÅÄÖ]/.test(rows.map((r) => r[6] + r[7]).join(''))).toBe(true);
  });

  it('has the class of exactly 7 at Västerskolan', () => {
    expect(rows.filter((r) => r[4] === '34567890' && r[5] === '9D').length).toBe(7);
    const sizes = new Map<string, number>();
    for (const r of rows) sizes.set(`${r[4]} ${r[5]}`, (sizes.get(`${r[4]} ${r[5]}`) ?? 0) + 1);
    // All other classes have 20–30 pupils.
    expect([...sizes.values()].filter((n) => n !== 7).every((n) => n >= 20 && n <= 30)).toBe(true);
    expect(sizes.size).toBe(12);
  });

  it('uses the codes as the spec says and holds the planted bad cells', () => {
    const col = (name: string) => SCB_GRADE_COLUMNS.indexOf(name as (typeof SCB_GRADE_COLUMNS)[number]);
    const allowed = new Set(['A', 'B', 'C', 'D', 'E', 'F', '9', '3', '2']);
    // Grade columns: from Bl (index 8) on, language-code columns aside.
    const gradeCols = SCB_GRADE_COLUMNS.map((c, k) => [c, k] as const).filter(([c, k]) => k >= 8 && !c.endsWith('(språk)'));
    const bad = rows.flatMap((r, i) => gradeCols.map(([c, k]) => [i, c, r[k]] as const)).filter(([, , v]) => !allowed.has(v));
    expect(bad).toEqual([
      [PLANTED.badCellG, 'Bi', 'G'],
      [PLANTED.badCellY, 'Mu', 'Y'],
      [PLANTED.emptyCell, 'Idh', ''],
    ]);
    // Exactly one of Sv/Sva is '2'; a non-taken language has '2' and no code.
    for (const r of rows) {
      expect([r[col('Sv')], r[col('Sva')]].filter((v) => v === '2').length).toBe(1);
      for (const m of ['M1', 'M2', 'ML']) {
        if (r[col(`${m} (betyg)`)] === '2') expect(r[col(`${m} (språk)`)]).toBe('');
      }
    }
    expect(rows.some((r) => r[col('M2 (språk)')] === 'GER')).toBe(true);
    expect(rows.some((r) => r[col('M2 (språk)')] === 'DEU')).toBe(true);
    expect(rows.filter((r) => r.includes('3')).length).toBe(3);
  });
});

describe('distributions (hand-simple counts over the records)', () => {
  const pts: Record<string, number> = { A: 20, B: 17.5, C: 15, D: 12.5, E: 10 };
  it('about 85 % have ≥ 8 passes including Sv/Sva, En and Ma', () => {
    const eligible = pupils.filter((p) => {
      const swedish = p.sva ? p.grades.Sva : p.grades.Sv;
      const others = CORE_SUBJECTS.filter((s) => !['Sv', 'Sva', 'En', 'Ma'].includes(s)).map((s) => p.grades[s]);
      others.push(p.m1.grade, p.m2.grade, p.ml.grade, p.tn, p.ovr);
      return isPass(swedish) && isPass(p.grades.En) && isPass(p.grades.Ma) && others.filter(isPass).length >= 5;
    });
    const share = eligible.length / pupils.length;
    expect(share).toBeGreaterThanOrEqual(0.8);
    expect(share).toBeLessThanOrEqual(0.9);
  });

  it('meritvärde (17) averages around 225, girls above boys', () => {
    // 16 best of everything but M2, plus M2 (Skolverket's rule), F/streck/codes 0 points.
    const merit = (p: Pupil) => {
      const g = [...CORE_SUBJECTS.map((s) => p.grades[s]), p.m1.grade, p.ml.grade, p.tn, p.ovr].map((x) => pts[x] ?? 0);
      g.sort((a, b) => b - a);
      return g.slice(0, 16).reduce((a, b) => a + b, 0) + (pts[p.m2.grade] ?? 0);
    };
    const mean = (ps: Pupil[]) => ps.reduce((s, p) => s + merit(p), 0) / ps.length;
    expect(mean(pupils)).toBeGreaterThan(210);
    expect(mean(pupils)).toBeLessThan(240);
    expect(mean(pupils.filter((p) => p.gender === 'F'))).toBeGreaterThan(mean(pupils.filter((p) => p.gender === 'M')));
  });

  it('has about 10 % Sva, about 70 % M2, some ML, rare M1, F and streck', () => {
    const share = (f: (p: Pupil) => boolean) => pupils.filter(f).length / pupils.length;
    expect(share((p) => p.sva)).toBeGreaterThan(0.07);
    expect(share((p) => p.sva)).toBeLessThan(0.14);
    expect(share((p) => p.m2.lang !== '')).toBeGreaterThan(0.62);
    expect(share((p) => p.m2.lang !== '')).toBeLessThan(0.78);
    expect(share((p) => p.ml.lang !== '')).toBeGreaterThan(0.06);
    expect(share((p) => p.m1.lang !== '')).toBeLessThan(0.05);
    expect(share((p) => CORE_SUBJECTS.some((s) => p.grades[s] === 'F'))).toBeGreaterThan(0.05);
    expect(share((p) => CORE_SUBJECTS.some((s) => p.grades[s] === '9'))).toBeGreaterThan(0.01);
    // The two planted pupils with only F and streck.
    const onlyFailing = pupils.filter((p) => CORE_SUBJECTS.every((s) => ['F', '9', '2'].includes(p.grades[s])));
    expect(onlyFailing.map((p) => p.index)).toEqual([...PLANTED.onlyFailing]);
  });
});

describe('national-test file', () => {
  const rows = lines(new TextDecoder().decode(file('np-ak9-vt2026.txt'))).map((l) => l.split(';'));
  const col = (n: string) => SCB_TEST_COLUMNS.indexOf(n as (typeof SCB_TEST_COLUMNS)[number]);
  it('has a BOM, 32 columns per row, SV_KURSPLAN 2 exactly for Sva pupils, allowed codes', () => {
    expect([...file('np-ak9-vt2026.txt').slice(0, 3)]).toEqual(BOM);
    expect(SCB_TEST_COLUMNS.length).toBe(32);
    expect(rows.every((r) => r.length === 32)).toBe(true);
    rows.forEach((r, i) => expect(r[col('SV_KURSPLAN')]).toBe(pupils[i].sva ? '2' : '1'));
    const grades = new Set(['A', 'B', 'C', 'D', 'E', 'F', '99', '88', '77']);
    for (const n of ['MA_PROVB', 'SV_PROVB', 'EN_PROVB', 'NO_PROVB', 'SO_PROVB']) expect(rows.every((r) => grades.has(r[col(n)]))).toBe(true);
    expect(new Set(rows.map((r) => r[col('NO_PROV')]))).toEqual(new Set(['BI', 'FY', 'KE']));
    expect(new Set(rows.map((r) => r[col('SO_PROV')]))).toEqual(new Set(['GE', 'HI', 'RE', 'SH']));
    for (const code of ['99', '88', '77']) expect(rows.some((r) => r[col('MA_PROVB')] === code || r[col('EN_PROVB')] === code)).toBe(true);
  });

  it('test grades mostly equal the final grade; the final grade is more often higher than lower', () => {
    const steps = 'FEDCBA';
    let same = 0, finalHigher = 0, finalLower = 0;
    rows.forEach((r, i) => {
      const t = r[col('MA_PROVB')], f = pupils[i].grades.Ma;
      if (steps.includes(t) && t.length === 1 && steps.includes(f) && f.length === 1) {
        const d = steps.indexOf(f) - steps.indexOf(t);
        if (d === 0) same++; else if (d > 0) finalHigher++; else finalLower++;
      }
    });
    expect(same).toBeGreaterThan(finalHigher);
    expect(finalHigher).toBeGreaterThan(finalLower);
    expect(finalLower).toBeGreaterThan(0);
  });
});

describe('long and åk 8 files', () => {
  it('long layout: one row per graded subject, language codes in Ämne', () => {
    const rows = lines(new TextDecoder().decode(file('betyg-ak9-long.csv'))).map((l) => l.split(';'));
    expect(rows[0]).toEqual(['Personnummer', 'Klass', 'Ämne', 'Betyg']);
    // 16 compulsory places per pupil + their languages/OVR.
    const extra = pupils.reduce((s, p) => s + [p.m1, p.m2, p.ml].filter((x) => x.grade !== '2').length + (p.ovr !== '2' ? 1 : 0), 0);
    expect(rows.length - 1).toBe(16 * DEMO_PUPILS + extra);
    expect(rows.some((r) => /^M2 (SPA|DEU|FRA|GER|FRE)$/.test(r[2]))).toBe(true);
    expect(rows.some((r) => r[3] === '-')).toBe(true);
  });

  it('åk 8: leavers, newcomers, the short id and class 8X for 9X', () => {
    const rows = lines(new TextDecoder().decode(file('betyg-ak8-vt2025.csv'))).map((l) => l.split(';'));
    expect(rows[0].join(';')).toBe('Personnummer;Förnamn;Efternamn;Klass;Sv;Sva;En;Ma;Bi;Fy;Ke;Tk;Ge;Hi;Re;Sh;Bl;Hkk;Idh;Mu;Sl;M2;ML');
    expect(rows.every((r) => r.length === 23)).toBe(true);
    // 300 − 8 new + 10 leavers = 302 data rows.
    expect(rows.length - 1).toBe(DEMO_PUPILS - NEW_IN_AK9.length + LEFT_AFTER_AK8);
    const ids = new Set(rows.slice(1).map((r) => r[0]));
    for (const i of NEW_IN_AK9) expect(ids.has(pupils[i].personnummer)).toBe(false);
    const short = pupils[SHORT_ID_IN_AK8].personnummer;
    expect(ids.has(`${short.slice(2, 8)}-${short.slice(8)}`)).toBe(true);
    expect(parsePersonnummer(`${short.slice(2, 8)}-${short.slice(8)}`, 2025)?.normalized).toBe(short);
    const ak9 = new Set(pupils.map((p) => p.personnummer));
    expect(rows.slice(1).filter((r) => !ak9.has(r[0]) && !r[0].includes('-')).length).toBe(LEFT_AFTER_AK8);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byId.get(pupils[0].personnummer)![3]).toBe('8' + pupils[0].className.slice(1));
    // Grades a little lower on average than in åk 9 (compare Ma of the pupils in both).
    const pts = (g: string) => 'FEDCBA'.indexOf(g);
    let d = 0, n = 0;
    for (const p of pupils) {
      const r = byId.get(p.personnummer);
      if (r && pts(r[7]) >= 0 && pts(p.grades.Ma) >= 0) { d += pts(p.grades.Ma) - pts(r[7]); n++; }
    }
    expect(d / n).toBeGreaterThan(0.05);
    expect(d / n).toBeLessThan(0.6);
  });
});

describe('attendance', () => {
  it('Vklass: exact header, BOM, N + GF + F + Ej reg = Undv. tid, absence spread', () => {
    const raw = file('franvaro-vklass-vt2026.csv');
    expect([...raw.slice(0, 3)]).toEqual(BOM);
    const rows = lines(new TextDecoder().decode(raw)).map((l) => l.split(';'));
    expect(rows[0].join(';')).toBe('Personnummer;Elev;Klass;Undv. tid;N min;GF min;F min;Ej reg tid');
    const data = rows.slice(1).map((r) => r.slice(3).map(Number));
    expect(data.length).toBe(DEMO_PUPILS);
    for (const [u, n, gf, f, ej] of data) expect(n + gf + f + ej).toBe(u);
    const share = data.map(([u, , gf, f]) => (gf + f) / u);
    const over = (x: number) => share.filter((s) => s > x).length;
    expect(over(0.1) / DEMO_PUPILS).toBeGreaterThan(0.06);
    expect(over(0.1) / DEMO_PUPILS).toBeLessThan(0.16);
    expect(over(0.2)).toBeGreaterThanOrEqual(3);
    expect(over(0.5)).toBe(1);
    expect(data.filter(([, , , , ej]) => ej > 0).length).toBeGreaterThan(10);
    // Most pupils between 2 and 8 %.
    expect(share.filter((s) => s >= 0.02 && s <= 0.08).length / DEMO_PUPILS).toBeGreaterThan(0.6);
  });

  it('Skola24: hours with decimal commas add up; the exported percent is rounded', () => {
    const rows = lines(new TextDecoder().decode(file('franvaro-skola24-vt2026.csv'))).map((l) => l.split(';'));
    expect(rows[0].join(';')).toBe('Personnummer;Namn;Klass;Schemalagd tid (h);Närvaro (h);Giltig frånvaro (h);Ogiltig frånvaro (h);Frånvaro (%)');
    for (const r of rows.slice(1)) {
      const [s, n, g, o] = r.slice(3, 7).map((v) => Number(v.replace(',', '.')));
      expect(Math.abs(n + g + o - s)).toBeLessThan(0.021); // each rounded to 0.01 h
      expect(Number(r[7])).toBe(Math.round((100 * (g + o)) / s));
    }
  });

  it('lessons: weekdays 2026-01-12 … 2026-03-06, valid statuses, a streak across a weekend', () => {
    const days = schoolDays(LESSON_DAYS);
    expect([days[0], days[19], days[39]]).toEqual(['2026-01-12', '2026-02-06', '2026-03-06']);
    const rows = lines(new TextDecoder().decode(file('franvaro-lektioner-vt2026.csv'))).map((l) => l.split(';'));
    expect(rows[0].join(';')).toBe('Personnummer;Klass;Datum;Starttid;Minuter;Status;Sen min');
    const statuses = new Set(['Närvarande', 'Giltig frånvaro', 'Ogiltig frånvaro', 'Sen ankomst', 'Ej rapporterad']);
    const dayset = new Set(days);
    for (const r of rows.slice(1)) {
      expect(statuses.has(r[5])).toBe(true);
      expect(dayset.has(r[2])).toBe(true);
      expect(r[6] !== '').toBe(r[5] === 'Sen ankomst');
    }
    for (const s of statuses) expect(rows.some((r) => r[5] === s), s).toBe(true);
    // Pupil 3: Friday 23 Jan, Monday 26 Jan and Tuesday 27 Jan all excused, the Thursday before not wholly.
    const [who] = ABSENCE_STREAKS[0];
    const of = (date: string) => rows.filter((r) => r[0] === pupils[who].personnummer && r[2] === date).map((r) => r[5]);
    for (const d of ['2026-01-23', '2026-01-26', '2026-01-27']) {
      expect(of(d).filter((s) => s !== 'Ej rapporterad').every((s) => s === 'Giltig frånvaro')).toBe(true);
    }
    expect(of('2026-01-22').every((s) => s === 'Giltig frånvaro')).toBe(false);
  });

  it('lessons: the planted pupils reach every step of the default närvaroplan, on the days worked out by hand', () => {
    const text = new TextDecoder().decode(file('franvaro-lektioner-vt2026.csv'));
    const t = readAttendance({ sheet: 'Lektioner', values: parseDelimited(text) }, { referenceYear: 2026 });
    const e = evaluateLadder(t, defaultAttendancePlan('sv'));
    const steps = (i: number) => {
      const r = e.pupils[t.pupils.findIndex((p) => p.id === pupils[i].personnummer)];
      return r.reached.map((d) => (Number.isNaN(d) ? null : isoDate(d)));
    };
    // Whole days absent; each school day has 4–6 lessons, so day counts approximate the shares.
    // occasions: 17 and 19 Feb → 2nd occasion in February; 2 of 29 days < 10 %.
    expect(steps(LADDER_CASES.occasions)).toEqual(['2026-02-19', null, null, null]);
    // weekday: 16 Feb, 23 Feb (2nd occasion → step 1), 2 Mar (3rd Monday in 42 days → step 2); 3 of 36 days < 10 %.
    expect(steps(LADDER_CASES.weekday)).toEqual(['2026-02-23', '2026-03-02', null, null]);
    // step3: 20–22 Jan; 26 Jan 3 of 11 days, 9 Feb (26 Jan + 14) 3 of 21 ≈ 14 %; 2 Mar: 3 of 36 < 10 %.
    expect(steps(LADDER_CASES.step3)).toEqual([null, '2026-01-26', '2026-02-09', null]);
    // step4: every Friday (20 %): 2nd occasion 23 Jan; 26 Jan; 9 Feb; 9 Feb + 21 = 2 Mar.
    expect(steps(LADDER_CASES.step4)).toEqual(['2026-01-23', '2026-01-26', '2026-02-09', '2026-03-02']);
    // longRun: 11–18 Feb, the 6th day in a row on 18 Feb; above 10 % from 13 Feb (3 of 25 days), step 3 on 27 Feb.
    expect(steps(LADDER_CASES.longRun)).toEqual(['2026-02-18', '2026-02-13', '2026-02-27', null]);
    // The poorly registered class: 9C (three schools share the name in this file) is under 95 %.
    expect(reportingRates(t, 0.95).byClass.filter((c) => c.uncertain).map((c) => c.className)).toEqual([POORLY_REGISTERED.className]);
  });
});

describe('survey', () => {
  it('questions: 12 items, five areas, 1–2 reversed; answers from the scale, no ids', () => {
    const q = lines(new TextDecoder().decode(file('elevenkat-fragor.csv'))).map((l) => l.split(';'));
    expect(q[0]).toEqual(['Fråga', 'Text', 'Område', 'Omvänd']);
    expect(q.length - 1).toBe(12);
    expect(new Set(q.slice(1).map((r) => r[2]))).toEqual(new Set(['Trygghet', 'Studiero', 'Stimulans', 'Stöd', 'Bemötande']));
    const reversed = q.filter((r) => r[3] === 'ja').length;
    expect(reversed >= 1 && reversed <= 2).toBe(true);
    const text = new TextDecoder().decode(file('elevenkat-2026.csv'));
    const rows = lines(text).map((l) => l.split(';'));
    expect(rows[0]).toEqual(['Skola', 'Klass', 'Kön', 'Årskurs', ...q.slice(1).map((r) => r[0])]);
    const allowed = new Set<string>([...SURVEY_ANSWERS, 'Vet ej', '']);
    expect(rows.slice(1).every((r) => r.length === 16 && r.slice(4).every((a) => allowed.has(a)))).toBe(true);
    expect(/\d{6}[-+]?\d{4}/.test(text)).toBe(false);
    expect(pupils.some((p) => text.includes(p.lastName))).toBe(false);
  });
});

describe('demo workbook', () => {
  it('has the sheets, the note cells, title rows above the header and the 7-pupil class', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'skolanalys-demo.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Läs mig', 'Betyg VT2026', 'Nationella prov', 'Betyg VT2025', 'Frånvaro', 'Elevenkät', 'Enkätfrågor']);
    const note = wb.getWorksheet('Läs mig')!;
    expect(note.getCell('B7').value).toEqual({ formula: '1+1', result: 2 });
    expect(note.getCell('B6').value).toBeInstanceOf(Date);
    const g = wb.getWorksheet('Betyg VT2026')!;
    expect(g.getCell('A1').value).toBe('Slutbetyg åk 9 vårterminen 2026');
    expect(g.getCell('A3').value).toBeNull();
    expect(g.getCell('A4').value).toBe('Personnummer');
    const header = (g.getRow(4).values as unknown[]).slice(1);
    expect(header).toContain('Svenska som andraspråk');
    expect(header).toContain('M2 SPA');
    expect(header).not.toContain('M2 GER');
    let seven = 0;
    g.eachRow((row, r) => {
      if (r > 4 && row.getCell(5).value === 'Västerskolan' && row.getCell(4).value === '9D') seven++;
    });
    expect(seven).toBe(7);
    expect((wb.getWorksheet('Nationella prov')!.getRow(1).values as unknown[]).slice(1)).toEqual([...SCB_TEST_COLUMNS]);
  });
});
