/**
 * Privacy scanner: no board-level sheet of a plan (`personalData: false`) may hold a
 * personnummer in any form, a 10/12-digit run, a pupil's name from the input, or a figure of a
 * group under the suppression threshold (domain §6). Run on the demo data with every input, and
 * on random data with small schools and classes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport, REPORT_KINDS, type ReportInputs } from '../../core/app';
import type { ReportPlan } from '../../core/report/plan';
import { parseDelimited } from '../../core/table/text';
import { DEFAULT_SETTINGS, type Lang, type Settings } from '../../core/types';
import { ak8GradeText, DEMO_PUPILS, DEMO_SEED, generatePupils, scbGradeFileText, scbTestFileText, vklassText } from '../../examples/generator';
import { privacyViolations } from './scan';
import { check, personnummerArb, WIDE_SUBJECTS } from './arbitraries';

const NOW = new Date('2026-06-15T10:00:00Z');

const sd = (sheet: string, text: string) => ({ sheet, values: parseDelimited(text) });

describe('privacy scanner', () => {
  it('finds a planted personnummer, name and small-group figure (the scanner itself works)', () => {
    const plan: ReportPlan = {
      generator: 'skolanalys', version: 1, sheets: [{
        key: 'namndrapport', name: 'Nämndrapport', personalData: false, blocks: [
          { id: 'a', row: 0, col: 0, values: [['Skola', 'Elever', 'Andel'], ['Norrskolan', 7, 0.5], ['Söder', 12, 0.25]] },
          { id: 'b', row: 4, col: 0, values: [['Kontakt: Anna', '20100101 - 0006', 201001010006]] },
          { id: 'c', row: 6, col: 0, values: [['Ämne', 'Elever med betyg A–F', 'Streck (-)', 'Ej läst (3)'], ['Svenska', 2, 1, 0], ['Engelska', 12, 1, 0]] },
        ],
      }],
    };
    const found = privacyViolations(plan, ['Anna'], 10);
    // One figure of the 7-pupil school, the name, the personnummer text (two rules) and the number (two rules).
    expect(found.filter((f) => /^\S+: [\d.]+ shown for/.test(f))).toEqual(['Nämndrapport!R2C3: 0.5 shown for "Norrskolan" with 7 < 10 pupils']);
    expect(found.filter((f) => f.includes('pupil name Anna'))).toHaveLength(1);
    expect(found.filter((f) => f.includes('R5C2'))).toHaveLength(2);
    expect(found.filter((f) => f.includes('R5C3'))).toHaveLength(2);
    // Svenska: 2 graded + 1 streck + 0 code 3 = 3 < 10, so its streck counts must not show; Engelska's (13) may.
    // §11.8: total 25, flickor 16 shown, pojkar 9 hidden → 25 − 16 reveals the 9 boys.
    const gender: ReportPlan = { ...plan, sheets: [{ ...plan.sheets[0], blocks: [{ id: 'h', row: 0, col: 0, values: [['Indikator', 'Totalt', 'Flickor', 'Pojkar'], ['Antal elever', 25, 16, 9], ['Andel behöriga', 0.8, 0.75, '..']] }] }] };
    expect(privacyViolations(gender, [], 10)).toEqual(['Nämndrapport girls/boys: total 25 minus the shown parts reveals 9 < 10 pupils (16, 9 hidden)']);
    const safe: ReportPlan = { ...plan, sheets: [{ ...plan.sheets[0], blocks: [{ id: 'h', row: 0, col: 0, values: [['Indikator', 'Totalt', 'Flickor', 'Pojkar'], ['Antal elever', 25, 16, 9], ['Andel behöriga', 0.8, '..', '..']] }] }] };
    expect(privacyViolations(safe, [], 10)).toEqual([]);
    expect(found.filter((f) => f.includes('streck/code-3'))).toEqual(['Nämndrapport!R8: streck/code-3 counts shown for "Svenska" with 3 < 10 pupils']);
  });

  it('the demo municipality: every input, every report kind, no personal data on the Nämndrapport', () => {
    const pupils = generatePupils(DEMO_PUPILS, DEMO_SEED);
    const inputs: ReportInputs = {
      grades: sd('betyg', scbGradeFileText(pupils)),
      tests: sd('np', scbTestFileText(pupils)),
      attendance: sd('franvaro', vklassText(pupils)),
      previous: sd('ak8', ak8GradeText(pupils, DEMO_SEED)),
    };
    const names = pupils.flatMap((p) => [p.firstName, p.lastName]);
    for (const lang of ['sv', 'en'] as const) {
      const { plan } = buildReport(inputs, REPORT_KINDS, { ...DEFAULT_SETTINGS, lang }, NOW);
      expect(plan.sheets.filter((s) => !s.personalData).map((s) => s.key)).toContain('namndrapport');
      expect(privacyViolations(plan, names, DEFAULT_SETTINGS.suppressionThreshold, lang)).toEqual([]);
    }
  });

  it('random files with small schools, classes and gender groups leak nothing (grades, attendance, an earlier year)', () => {
    const first = ['Anna', 'Bo', 'Cecilia', 'David', 'Elin', 'Fredrik', 'Göran', 'Hanna', 'Ibrahim', 'Jasmin'];
    const last = ['Andersson', 'Öberg', 'Lindqvist', 'Nilsson', 'Karlsson'];
    const rowArb = fc.record({
      pnr: personnummerArb,
      first: fc.constantFrom(...first),
      last: fc.constantFrom(...last),
      klass: fc.constantFrom('9A', '9B', '9C', '9D', ''),
      school: fc.constantFrom('Norrskolan', 'Söderskolan', 'Lillskolan', ''),
      gender: fc.constantFrom('F', 'M', ''),
      grades: fc.array(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', '-', '3'), { minLength: WIDE_SUBJECTS.length, maxLength: WIDE_SUBJECTS.length }),
      before: fc.array(fc.constantFrom('A', 'C', 'E', 'F', ''), { minLength: WIDE_SUBJECTS.length, maxLength: WIDE_SUBJECTS.length }),
      absent: fc.integer({ min: 0, max: 9000 }),
      unexcused: fc.integer({ min: 0, max: 3000 }),
      attends: fc.boolean(),
    });
    const arb = fc.tuple(fc.array(rowArb, { minLength: 1, maxLength: 45 }), fc.constantFrom(5, 10), fc.constantFrom<Lang>('sv', 'en'), fc.boolean());
    check(arb, ([rows, threshold, lang, extras]) => {
      const head = ['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Skola', 'Kön', ...WIDE_SUBJECTS];
      const values = [head, ...rows.map((p) => [p.pnr, p.first, p.last, p.klass, p.school, p.gender, ...p.grades])];
      const inputs: ReportInputs = { grades: { sheet: 'Betyg', values } };
      if (extras) {
        inputs.previous = { sheet: 'Åk8', values: [head, ...rows.map((p) => [p.pnr, p.first, p.last, p.klass, p.school, p.gender, ...p.before])] };
        // Vklass totals in minutes: 18 000 scheduled, the rest present.
        inputs.attendance = {
          sheet: 'Frånvaro',
          values: [['Personnummer', 'Elev', 'Klass', 'Undv. tid', 'N min', 'GF min', 'F min', 'Ej reg tid'],
            ...rows.filter((p) => p.attends).map((p) => [p.pnr, `${p.first} ${p.last}`, p.klass, 18000, 18000 - p.absent - p.unexcused, p.absent, p.unexcused, 0])],
        };
      }
      const settings: Settings = { ...DEFAULT_SETTINGS, lang, suppressionThreshold: threshold };
      const { plan } = buildReport(inputs, REPORT_KINDS, settings, NOW);
      const found = privacyViolations(plan, [...first, ...last], threshold, lang);
      if (found.length) throw new Error(found.slice(0, 5).join('\n'));
    }, 120);
  });

  // Known finding H9-1 (docs/hardening.md): fails until the Nämndrapport suppresses these counts.
  it('progression on the Nämndrapport: F → godkänt and godkänt → F counts of a subject with fewer than threshold compared grades are ".."', () => {
    // 3 pupils matched between åk 8 and åk 9; Ma goes F → E for one of them. 3 < 10 compared grades.
    const head = ['Personnummer', 'Förnamn', 'Efternamn', 'Klass', 'Sv', 'En', 'Ma'];
    const ids = ['20100101-0006', '20100102-0005', '20100103-0004'];
    const before = [head, ...ids.map((id, i) => [id, 'A', 'B', '9A', 'C', 'C', i === 0 ? 'F' : 'C'])];
    const after = [head, ...ids.map((id, i) => [id, 'A', 'B', '9A', 'C', 'C', i === 0 ? 'E' : 'C'])];
    const { plan } = buildReport({ grades: { sheet: 'Ak9', values: after }, previous: { sheet: 'Ak8', values: before } }, ['namndrapport'], DEFAULT_SETTINGS, NOW);
    const block = plan.sheets[0].blocks.find((b) => b.id === 'progression-subjects');
    expect(block, 'progression table on the Nämndrapport').toBeDefined();
    const ma = block!.values.find((r) => r[0] === 'Matematik')!;
    // Columns: Ämne, Jämförda betyg, Höjt, Oförändrat, Sänkt, F → godkänt, Godkänt → F.
    expect(ma[1]).toBe(3);
    expect(ma.slice(2)).toEqual(['..', '..', '..', '..', '..']);
  });
});
