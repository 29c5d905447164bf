import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../types';
import { pupil, table } from '../grades/fixtures/pupils';
import { followCohort } from '../progression/cohort';
import { buildResultatdialog } from './resultatdialog';

// Class 9A: a (Ma C→F, En B→B) and b (Ma E→E); class 9B: c (Ma A→A). Two files, åk 8 and åk 9.
const t8 = table([
  pupil({ Ma: 'C', En: 'B' }, { id: 'a', className: '8A', firstName: 'Ada', lastName: 'Ek' }),
  pupil({ Ma: 'E' }, { id: 'b', className: '8A' }),
  pupil({ Ma: 'A' }, { id: 'c', className: '8B' }),
], { sheet: 'åk 8' });
const t9 = table([
  pupil({ Ma: 'F', En: 'B' }, { id: 'a', className: '9A', firstName: 'Ada', lastName: 'Ek' }),
  pupil({ Ma: 'E' }, { id: 'b', className: '9A' }),
  pupil({ Ma: 'A' }, { id: 'c', className: '9B' }),
], { sheet: 'åk 9' });

describe('Resultatdialog sheets', () => {
  const c = followCohort([{ label: 'åk 8', table: t8 }, { label: 'åk 9', table: t9 }], DEFAULT_SETTINGS);
  const sheets = buildResultatdialog(c, 'sv');
  const cells = (i: number) => sheets[i].blocks.flatMap((b) => b.values);

  it('one sheet per class of the latest file, marked as personal data', () => {
    expect(sheets.map((s) => [s.key, s.name, s.personalData])).toEqual([
      ['resultatdialog_9A', 'Resultatdialog 9A', true],
      ['resultatdialog_9B', 'Resultatdialog 9B', true],
    ]);
    expect(String(cells(0)[0][0])).toContain('personuppgifter');
  });

  it('each file\'s grades side by side per subject, passes per file, drops to F and moving away', () => {
    const rows = cells(0);
    const h = rows.findIndex((r) => r[0] === 'Namn');
    expect(rows[h]).toEqual(['Namn', 'Personnummer', 'En åk 8', 'En åk 9', 'Ma åk 8', 'Ma åk 9', 'Godkända åk 8', 'Godkända åk 9', 'Saknas till yrkesprogram åk 9', 'Till F', 'Längre från behörighet']);
    // a: En B B, Ma C F; 2 passes then 1; short of YRK max(Sv + Ma named = 2, 8 − 1 = 7) = 7; Ma dropped to F; moving away (6 → 7).
    expect(rows[h + 1]).toEqual(['Ek, Ada', 'a', 'B', 'B', 'C', 'F', 2, 1, 7, 'Ma', 'ja']);
    expect(rows[h + 2]).toEqual(['', 'b', '', '', 'E', 'E', 1, 1, 7, '', '']);
    // The F cells of the grade columns are red.
    expect(sheets[0].conditionalFormats?.[0]).toMatchObject({ when: { equals: 'F' }, range: { col: 2, cols: 4, rows: 2 } });
    // Class 9B grades only Ma.
    expect(cells(1).find((r) => r[0] === 'Namn')).toEqual(['Namn', 'Personnummer', 'Ma åk 8', 'Ma åk 9', 'Godkända åk 8', 'Godkända åk 9', 'Saknas till yrkesprogram åk 9', 'Till F', 'Längre från behörighet']);
  });
});
