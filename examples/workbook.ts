/**
 * The principal's own demo workbook (examples/skolanalys-demo.xlsx): a note sheet that must survive
 * untouched, the final grades in a wide layout under title rows, the national tests with SCB
 * variable names, the åk 8 grades, the Vklass attendance totals and the survey.
 */
import ExcelJS from 'exceljs';
import type * as ExcelJSNs from 'exceljs';
import JSZip from 'jszip';
import {
  SCB_TEST_COLUMNS, SURVEY_QUESTIONS, ak8Rows, hyphenated, scbTestFields, surveyRows, vklassRows,
  type CoreSubject, type GradeCell, type Pupil,
} from './generator';
import { normalizeLanguage } from '../core/grades/subjects';

/** Fixed document dates so the workbook is byte-stable for a seed. */
export const WORKBOOK_DATE = new Date(Date.UTC(2026, 5, 15, 8, 0, 0));

/** Wide-layout subject headers of `Betyg VT2026`, full Swedish names (language subjects as `M2 SPA`). */
export const WIDE_SUBJECTS: readonly (readonly [CoreSubject, string])[] = [
  ['Sv', 'Svenska'], ['Sva', 'Svenska som andraspråk'], ['En', 'Engelska'], ['Ma', 'Matematik'], ['Bi', 'Biologi'],
  ['Fy', 'Fysik'], ['Ke', 'Kemi'], ['Tk', 'Teknik'], ['Ge', 'Geografi'], ['Hi', 'Historia'], ['Re', 'Religionskunskap'],
  ['Sh', 'Samhällskunskap'], ['Bl', 'Bild'], ['Hkk', 'Hem- och konsumentkunskap'], ['Idh', 'Idrott och hälsa'],
  ['Mu', 'Musik'], ['Sl', 'Slöjd'],
];

/** A grade as a person types it: streck `-`; code 3 (not studied) and 2 (not applicable) blank. */
function typed(g: GradeCell): string | null {
  if (g === '9') return '-';
  if (g === '2' || g === '3' || g === '') return null;
  return g;
}

/** Rows of `Betyg VT2026` from the header down (title rows are added by the builder). */
export function wideGradeRows(pupils: readonly Pupil[]): (string | null)[][] {
  const langCols: string[] = [];
  const order = ['M1', 'M2', 'ML'];
  for (const p of pupils) {
    for (const [code, lg] of [['M1', p.m1], ['M2', p.m2], ['ML', p.ml]] as const) {
      if (lg.lang) {
        const h = `${code} ${normalizeLanguage(lg.lang)}`;
        if (!langCols.includes(h)) langCols.push(h);
      }
    }
  }
  langCols.sort((a, b) => order.indexOf(a.slice(0, 2)) - order.indexOf(b.slice(0, 2)) || a.localeCompare(b));
  const header = ['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Skola', ...WIDE_SUBJECTS.map(([, h]) => h), ...langCols];
  const rows: (string | null)[][] = [header];
  for (const p of pupils) {
    const lang: Record<string, string | null> = {};
    for (const [code, lg] of [['M1', p.m1], ['M2', p.m2], ['ML', p.ml]] as const) {
      if (lg.lang) lang[`${code} ${normalizeLanguage(lg.lang)}`] = typed(lg.grade);
    }
    rows.push([
      hyphenated(p.personnummer), p.firstName, p.lastName, p.className, p.schoolName,
      ...WIDE_SUBJECTS.map(([s]) => typed(p.grades[s])),
      ...langCols.map((h) => lang[h] ?? null),
    ]);
  }
  return rows;
}

/** Digit-only texts become numbers, as they do when a text file is opened in Excel (PersonNr kept as text). */
function asExcelWouldStore(fields: readonly string[], textColumns: ReadonlySet<number>): (string | number | null)[] {
  return fields.map((f, i) => (f === '' ? null : !textColumns.has(i) && /^\d{1,8}$/.test(f) ? Number(f) : f));
}

function addTable(ws: ExcelJSNs.Worksheet, rows: readonly (readonly (string | number | null)[])[], headerRow: number): void {
  rows.forEach((r, i) => {
    const row = ws.getRow(headerRow + i);
    r.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v;
    });
  });
  ws.getRow(headerRow).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  const widths = rows[0].map((_, c) => Math.min(40, Math.max(6, ...rows.slice(0, 50).map((r) => String(r[c] ?? '').length + 2))));
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
}

/** Builds the demo workbook from the pupils. */
export function buildDemoWorkbook(pupils: readonly Pupil[], seed: number): ExcelJSNs.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Rektor';
  wb.lastModifiedBy = 'Rektor';
  wb.created = WORKBOOK_DATE;
  wb.modified = WORKBOOK_DATE;

  const note = wb.addWorksheet('Läs mig');
  note.getCell('A1').value = 'Min arbetsbok för uppföljning, åk 9 vt 2026';
  note.getCell('A1').font = { bold: true, size: 14 };
  note.getCell('A3').value = 'Bladen med betyg, prov och frånvaro är inklistrade från skolornas exporter. Ändra inte i dem för hand.';
  note.getCell('A4').value = 'Alla elever i boken är påhittade (testdata). Inga riktiga personnummer.';
  note.getCell('A6').value = 'Senast uppdaterad';
  note.getCell('B6').value = WORKBOOK_DATE;
  note.getCell('B6').numFmt = 'yyyy-mm-dd';
  note.getCell('A7').value = 'Kontroll';
  note.getCell('B7').value = { formula: '1+1', result: 2 };
  note.getCell('A8').value = 'Att göra';
  note.getCell('B8').value = 'Prata med Söderskolan om studieron; följa upp eleverna nära behörighet.';
  note.getColumn(1).width = 20;
  note.getColumn(2).width = 60;

  const grades = wb.addWorksheet('Betyg VT2026');
  grades.getCell('A1').value = 'Slutbetyg åk 9 vårterminen 2026';
  grades.getCell('A1').font = { bold: true, size: 14 };
  grades.getCell('A2').value = 'Källa: skolans betygsexport';
  addTable(grades, wideGradeRows(pupils), 4);

  const np = wb.addWorksheet('Nationella prov');
  const pnrCol = new Set([SCB_TEST_COLUMNS.indexOf('PersonNr'), SCB_TEST_COLUMNS.indexOf('Datum')]);
  addTable(np, [[...SCB_TEST_COLUMNS], ...pupils.map((p) => asExcelWouldStore(scbTestFields(p), pnrCol))], 1);

  const ak8 = wb.addWorksheet('Betyg VT2025');
  addTable(ak8, ak8Rows(pupils, seed).map((r) => r.map((v) => (v === '' ? null : v))), 1);

  const att = wb.addWorksheet('Frånvaro');
  addTable(att, vklassRows(pupils), 1);

  const survey = wb.addWorksheet('Elevenkät');
  addTable(survey, surveyRows(pupils, seed).map((r, i) => r.map((v, c) => (v === '' ? null : i > 0 && c === 3 ? Number(v) : v))), 1);

  const questions = wb.addWorksheet('Enkätfrågor');
  addTable(questions, [['Fråga', 'Text', 'Område', 'Omvänd'], ...SURVEY_QUESTIONS.map((q) => [q.id, q.text, q.area, q.reversed ? 'ja' : 'nej'])], 1);
  return wb;
}

/**
 * The workbook as xlsx bytes, the same for the same pupils: ExcelJS stamps zip entries with the
 * current time, so the zip is rewritten with a fixed date.
 */
export async function demoWorkbookBytes(pupils: readonly Pupil[], seed: number): Promise<Uint8Array> {
  const raw = await buildDemoWorkbook(pupils, seed).xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(raw as ArrayBuffer);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date: WORKBOOK_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
