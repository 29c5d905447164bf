/**
 * The executor over plans made by the real sheet builders of core/report (from a hand-made report
 * model, until buildReport lands): everything they lay out must reach the workbook, in a number of
 * syncs that does not grow with the pupil count.
 */
import { describe, expect, it } from 'vitest';
import { applyPlanExcel, MARKER_KEY } from './executor';
import { FakeExcel } from './testing/fake-excel';
import { buildNamndrapport } from '../core/report/namndrapport';
import { buildAtgardslista, buildElevlista } from '../core/report/lists';
import type { GroupFigures, ReportModel } from '../core/report/model';
import { PLAN_VERSION, type ReportPlan } from '../core/report/plan';
import { DEFAULT_SETTINGS, PROGRAM_CODES, type EligibilityResult, type ProgramCode, type PupilEvaluation } from '../core/types';

function elig(eligible: boolean): EligibilityResult {
  return eligible
    ? { eligible, missing: [], missingCore: [], missingRequired: [], morePassesNeeded: 0 }
    : { eligible, missing: ['Ma'], missingCore: ['Ma'], missingRequired: [], morePassesNeeded: 2 };
}

function pupil(i: number): PupilEvaluation {
  const ok = i % 4 !== 0;
  const eligibility = Object.fromEntries(PROGRAM_CODES.map((c) => [c, elig(ok)])) as Record<ProgramCode, EligibilityResult>;
  const pnr = `2010${String(1 + (i % 12)).padStart(2, '0')}15${String(i % 10000).padStart(4, '0')}`;
  return {
    pupil: { row: i + 2, id: pnr, personnummer: pnr, firstName: `Elev${i}`, lastName: 'Test', className: `9${'AB'[i % 2]}`, school: 'Norrskolan', gender: i % 2 ? 'M' : 'F', grades: [] },
    meritValue16: 200, meritValue17: 215, passed: ok ? 16 : 7, allSubjectsPassed: ok, eligibility, nearEligible: !ok, shortOfYrk: ok ? 0 : 2,
  };
}

function group(label: string, pupils: number): GroupFigures {
  return { label, pupils, eligibleShare: Object.fromEntries(PROGRAM_CODES.map((c) => [c, 0.75])) as GroupFigures['eligibleShare'], meanMeritValue16: 220, meanMeritValue17: 231.5, allSubjectsPassedShare: 0.75 };
}

function plan(n: number): ReportPlan {
  const m: ReportModel = {
    lang: 'sv', settings: DEFAULT_SETTINGS, madeOn: '2026-06-15', period: 'Vårterminen 2026', sources: ['betyg.txt'],
    pupils: Array.from({ length: n }, (_, i) => pupil(i)),
    total: group('Totalt', n), girls: group('Flickor', Math.ceil(n / 2)), boys: group('Pojkar', Math.floor(n / 2)),
    schools: [group('Norrskolan', n)], subjects: [],
  };
  return { generator: 'skolanalys', version: PLAN_VERSION, sheets: [buildNamndrapport(m), buildElevlista(m), buildAtgardslista(m)] };
}

describe('applyPlanExcel with the report builders', () => {
  it('writes every block, table, chart and highlight of the plan', async () => {
    const p = plan(40);
    const fx = new FakeExcel();
    fx.addSheet('Betyg', [['Namn']]);
    const res = await applyPlanExcel(fx.context as unknown as Excel.RequestContext, p);
    expect(res.sheets).toEqual(p.sheets.map((s) => s.name));
    for (const sp of p.sheets) {
      const s = fx.sheet(sp.name)!;
      expect(s.customProperties.get(MARKER_KEY)).toBe(sp.key);
      for (const b of sp.blocks) {
        // Corners of each block hold the plan's values.
        const last = b.values.length - 1;
        const lastCol = b.values[0].length - 1;
        expect(s.cell(b.row, b.col), `${sp.key}/${b.id}`).toEqual(b.values[0][0] ?? '');
        expect(s.cell(b.row + last, b.col + lastCol), `${sp.key}/${b.id}`).toEqual(b.values[last][lastCol] ?? '');
      }
      expect(s.tables.map((t) => t.name).sort()).toEqual(sp.blocks.filter((b) => b.table).map((b) => b.table!.name.replace(/[^\p{L}\p{N}_]/gu, '_')).sort());
      expect(s.charts).toHaveLength(sp.charts?.length ?? 0);
      expect(s.conditionalFormats).toHaveLength(sp.conditionalFormats?.length ?? 0);
    }
  });

  it('takes as many syncs for 5 000 pupils as for 50', async () => {
    const counts: number[] = [];
    for (const n of [50, 5000]) {
      const fx = new FakeExcel();
      fx.addSheet('Betyg');
      await applyPlanExcel(fx.context as unknown as Excel.RequestContext, plan(n));
      counts.push(fx.syncs);
    }
    expect(counts[0]).toBe(3);
    expect(counts[1]).toBe(counts[0]);
  });
});
