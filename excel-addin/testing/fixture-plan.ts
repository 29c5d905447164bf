/**
 * A hand-built ReportPlan of any size for executor tests and the bench, shaped like the real
 * report (a pupil list with a table, formats and highlights; a summary with a chart) but with
 * values that are easy to check: pupil i has meritvärde i % 341 and share (i % 100) / 100.
 */
import { PLAN_VERSION, type ReportPlan, type SheetPlan } from '../../core/report/plan';

export const SUBJECT_HEADERS = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl', 'M2'];
const MARKS = ['A', 'B', 'C', 'D', 'E', 'F', '-'];

export function pupilListSheet(pupils: number): SheetPlan {
  const header = ['Personnummer', 'Namn', 'Klass', ...SUBJECT_HEADERS, 'Meritvärde', 'Andel', 'Behörig'];
  const rows: (string | number | boolean)[][] = [header];
  for (let i = 0; i < pupils; i++) {
    rows.push([
      // A text personnummer: the executor must keep it text (it looks like a number).
      `2010${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 10000).padStart(4, '0')}`,
      `Elev ${i + 1}`,
      `9${'ABC'[i % 3]}`,
      ...SUBJECT_HEADERS.map((_, s) => MARKS[(i + s) % MARKS.length]),
      i % 341,
      (i % 100) / 100,
      i % 5 === 0 ? 'Nej' : 'Ja',
    ]);
  }
  const cols = header.length;
  return {
    key: 'elevlista',
    name: 'Elevlista',
    personalData: true,
    tabColor: '#FCE4D6',
    frozenRows: 3,
    frozenColumns: 2,
    columnWidths: [14, 20, 6],
    blocks: [
      {
        id: 'title',
        row: 0,
        col: 0,
        values: [['Elevlista – innehåller personuppgifter']],
        styles: [{ range: { row: 0, col: 0, rows: 1, cols: 1 }, bold: true, fontSize: 14, fontColor: '#1F3864' }],
      },
      {
        id: 'pupils',
        row: 2,
        col: 0,
        values: rows,
        columnFormats: [...new Array(cols - 3).fill(null), '0.0', '0.0%', null],
        styles: [{ range: { row: 0, col: 0, rows: 1, cols }, bold: true, fill: '#D9E1F2', border: true }],
        table: { name: 'Elevlista', style: 'TableStyleLight9' },
      },
    ],
    conditionalFormats: [
      { range: { row: 3, col: cols - 1, rows: pupils, cols: 1 }, when: { equals: 'Nej' }, fill: '#FFC7CE', fontColor: '#9C0006' },
      { range: { row: 3, col: cols - 3, rows: pupils, cols: 1 }, when: { greaterOrEqual: 300 }, fill: '#C6EFCE' },
    ],
  };
}

export function summarySheet(): SheetPlan {
  return {
    key: 'namndrapport',
    name: 'Nämndrapport',
    personalData: false,
    blocks: [
      {
        id: 'eligibility',
        row: 0,
        col: 0,
        values: [
          ['Program', 'Flickor', 'Pojkar'],
          ['YRK', 0.858, 0.846],
          ['NA', '..', 0.5],
        ],
        columnFormats: [null, '0.0%', '0.0%'],
      },
    ],
    charts: [
      {
        id: 'behorighet',
        type: 'column',
        title: 'Andel behöriga',
        data: { row: 0, col: 0, rows: 3, cols: 3 },
        anchor: { row: 5, col: 0, width: 480, height: 288 },
        yAxisTitle: 'Andel',
        percentAxis: true,
      },
    ],
  };
}

export function fixturePlan(pupils: number): ReportPlan {
  return { generator: 'skolanalys', version: PLAN_VERSION, sheets: [summarySheet(), pupilListSheet(pupils)] };
}
