import { describe, expect, it } from 'vitest';
import { defaultAttendancePlan, parseShare, planRuleRows, planSettingRows, readPlanSheet } from './plan-sheet';
import { bandIndex, bandLabels } from './bands';

/** The sheet as the report lays it out (title, intro, blank, steps table, blank, settings), as a host reads it back. */
function defaultSheet(lang: 'sv' | 'en' = 'sv') {
  const plan = defaultAttendancePlan(lang);
  const { header, rows } = planRuleRows(plan, lang);
  return [['Närvaroplan'], ['intro'], [], header, ...rows, [], ['Gränser'], ...planSettingRows(plan, lang)];
}

describe('the default närvaroplan', () => {
  it('cites a source for every step and reports to the huvudman at the investigation (7 kap. 19 a §)', () => {
    const p = defaultAttendancePlan('sv');
    expect(p.steps.map((s) => [s.index, s.name, s.afterDays, s.reportToHuvudman])).toEqual([
      [1, 'Uppmärksamma', null, false], [2, 'Kartlägga', null, false], [3, 'Utreda', 14, true], [4, 'Samverka med socialtjänsten', 21, false]]);
    expect(p.steps.every((s) => (s.source ?? '').length > 10)).toBe(true);
    expect(p.bands).toEqual({ total: [0.05, 0.15, 0.3, 0.5], invalid: [0.01, 0.05, 0.15] });
    expect(p.reportingThreshold).toBe(0.95);
  });
  it('reads back from its own sheet as the same plan, in Swedish and in English', () => {
    for (const lang of ['sv', 'en'] as const) {
      const read = readPlanSheet({ sheet: 'Närvaroplan', values: defaultSheet(lang) }, lang);
      expect(read.problems).toEqual([]);
      expect(read.from).toBe('sheet');
      const strip = (p: ReturnType<typeof defaultAttendancePlan>) => ({ ...p, steps: p.steps.map(({ source: _s, ...s }) => ({ ...s, rules: s.rules.map(({ cell: _c, ...r }) => r) })) });
      expect(strip(read.plan)).toEqual(strip(defaultAttendancePlan(lang)));
      // The rules remember their cells: the header is row 4, the first rule row 5, Regel is column C.
      expect(read.plan.steps[0].rules[0].cell).toBe('Närvaroplan!C5');
    }
  });
});

describe('reading the school’s edited sheet', () => {
  const header = ['Steg', 'Namn', 'Regel', 'Frånvaro', 'Gräns', 'Fönster (dagar)', 'Dagar efter föregående steg', 'Vem gör vad', 'Tidsfrist (dagar)', 'Anmäls till huvudman'];
  it('lists each malformed rule cell by its address and keeps the good rows', () => {
    const values = [
      ['Vår närvaroplan'],
      header,
      [1, 'Kontakt', 'Dagar i följd', 'Total', 3, null, null, 'Mentor ringer', 1, 'Nej'],
      [1, '', 'tillfällen per termin', 'ogiltig', '4', null, null, '', null, ''], // an alternative of step 1, any case
      ['två', 'Möte', 'Andel frånvaro', 'Total', 0.1], // A4: bad step
      [2, 'Möte', 'Andel fravaro', 'Total', 0.1], // C5: unknown rule
      [2, 'Möte', 'Andel frånvaro', 'Giltig', 0.1], // D6: bad measure
      [2, 'Möte', 'Andel frånvaro', 'Total', '150 %'], // E7: share over 100 %
      [2, 'Möte', 'Samma veckodag', 'Total', 2.5, 'sex'], // F8: bad window (checked before the limit)
      [3, 'Utredning', 'Andel frånvaro', 'Total', '12 %', 28, 'två veckor', 'Rektor', 21, 'Ja'], // G9: bad days after
      [4, 'EHT', 'Samma ämne', 'Ogiltig', 3, null, null, 'EHT', 'snart', 'kanske'], // I10 and J10: warnings, row used
      [],
      ['Frånvaroband, total frånvaro (nedre gränser)', '10 %', 20, 0.5],
      ['Frånvaroband, ogiltig frånvaro (nedre gränser)', 0.05, 0.02],
      ['Lägsta rapporteringsgrad', 90],
    ];
    const r = readPlanSheet({ sheet: 'Närvaroplan', values }, 'sv');
    expect(r.problems.map((p) => [p.cell, p.code, p.severity])).toEqual([
      // Settings are read first: 0.02 after 0.05 is not rising.
      ['Närvaroplan!C14', 'attendance.plan.problem.badBand', 'error'],
      ['Närvaroplan!A5', 'attendance.plan.problem.badStep', 'error'],
      ['Närvaroplan!C6', 'attendance.plan.problem.badRule', 'error'],
      ['Närvaroplan!D7', 'attendance.plan.problem.badMeasure', 'error'],
      ['Närvaroplan!E8', 'attendance.plan.problem.badShare', 'error'],
      ['Närvaroplan!F9', 'attendance.plan.problem.badDays', 'error'],
      ['Närvaroplan!G10', 'attendance.plan.problem.badDays', 'error'],
      ['Närvaroplan!I11', 'attendance.plan.problem.badDays', 'warning'],
      ['Närvaroplan!J11', 'attendance.plan.problem.badYesNo', 'warning'],
    ]);
    expect(r.problems[0].message).toContain('standardbanden');
    const p = r.plan;
    expect(p.steps.map((s) => [s.index, s.name, s.rules.map((x) => x.kind), s.deadlineDays, s.reportToHuvudman])).toEqual([
      [1, 'Kontakt', ['consecutive', 'occasions'], 1, false],
      [4, 'EHT', ['subject'], null, false],
    ]);
    expect(p.steps[0].rules[1]).toEqual({ kind: 'occasions', measure: 'invalid', count: 4, per: 'term', cell: 'Närvaroplan!C4' });
    expect(p.steps[1].rules[0]).toEqual({ kind: 'subject', measure: 'invalid', count: 3, windowDays: 42, cell: 'Närvaroplan!C11' });
    // Total bands '10 %', 20 (read as %), 0.5 (a fraction) → 10/20/50 %; ogiltig not rising → default; 90 → 90 %.
    expect(p.bands).toEqual({ total: [0.1, 0.2, 0.5], invalid: [0.01, 0.05, 0.15] });
    expect(p.reportingThreshold).toBe(0.9);
  });
  it('honours the origin of a selection in the addresses', () => {
    const r = readPlanSheet({ sheet: 'Plan', values: [header, ['x', 'A', 'Dagar i följd', 'Total', 3]], origin: { row: 4, col: 1 } }, 'sv');
    // Values start at B5: the bad step is B6; with no step left, the header's Steg cell (B5) says so.
    expect(r.problems.map((p) => [p.cell, p.code])).toEqual([['Plan!B6', 'attendance.plan.problem.badStep'], ['Plan!B5', 'attendance.plan.problem.noSteps']]);
  });
  it('a sheet without the header gives the default plan and a warning naming the sheet', () => {
    const r = readPlanSheet({ sheet: 'Närvaroplan', values: [['Anteckningar']] }, 'sv');
    expect(r.from).toBe('default');
    expect(r.plan.steps.length).toBe(4);
    expect(r.problems.map((p) => [p.cell, p.severity])).toEqual([['Närvaroplan!A1', 'warning']]);
    expect(r.problems[0].message).toContain('Närvaroplan');
  });
});

describe('shares and bands', () => {
  it('parses shares as written in cells', () => {
    expect([parseShare(0.1), parseShare(10), parseShare('10 %'), parseShare('0,1'), parseShare('12,5%'), parseShare(''), parseShare('tio')]).toEqual([0.1, 0.1, 0.1, 0.1, 0.125, null, NaN]);
  });
  it('puts a share exactly at a bound in the higher band', () => {
    const b = [0.05, 0.15, 0.3, 0.5];
    expect([0.049, 0.05, 0.149, 0.15, 0.3, 0.5, 1].map((x) => bandIndex(x, b))).toEqual([0, 1, 1, 2, 3, 4, 4]);
    expect(bandIndex(null, b)).toBeNull();
    // 0.15 computed as 9 / 60 carries float noise and still reaches the bound.
    expect(bandIndex(9 / 60, b)).toBe(2);
  });
  it('labels bands in Swedish and English', () => {
    expect(bandLabels([0.05, 0.15, 0.3, 0.5], 'sv')).toEqual(['under 5 %', '5–15 %', '15–30 %', '30–50 %', 'minst 50 %']);
    expect(bandLabels([0.01, 0.05, 0.15], 'en')).toEqual(['under 1%', '1–5%', '5–15%', 'at least 15%']);
  });
});
