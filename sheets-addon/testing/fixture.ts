/**
 * Synthetic inputs for the Sheets tests and bench: a grade sheet of N pupils (wide layout,
 * valid-checksum personnummer on made-up dates) and a report plan of N pupils built by core's
 * own sheet builders from a hand-made model. Deterministic: pupil i always gets the same row.
 */
import { luhnCheckDigit } from '../../core/personnummer';
import { buildAtgardslista, buildElevlista } from '../../core/report/lists';
import { buildNamndrapport } from '../../core/report/namndrapport';
import type { GroupFigures, ReportModel } from '../../core/report/model';
import { PLAN_VERSION, type ReportPlan } from '../../core/report/plan';
import { DEFAULT_SETTINGS, PROGRAM_CODES, type EligibilityResult, type ProgramCode, type PupilEvaluation } from '../../core/types';

export const SUBJECT_HEADERS = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl', 'M2'];
const MARKS = ['A', 'B', 'C', 'D', 'E', 'F', 'E', 'C', 'B', 'D', 'E', '-'];

/** A valid 12-digit personnummer for pupil i (born 2010–2011, made-up dates). */
export function personnummer(i: number): string {
  const month = 1 + (i % 12);
  const day = 1 + (Math.floor(i / 12) % 28);
  const serial = 100 + (Math.floor(i / 336) % 900);
  const yy = 10 + (Math.floor(i / 302400) % 2);
  const nine = `${yy}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${serial}`;
  return `20${nine}${luhnCheckDigit(nine)}`;
}

/** A grade sheet: header row, then one row per pupil with A–F (some F and streck). */
export function gradeGrid(pupils: number): (string | number)[][] {
  const header = ['Personnummer', 'Förnamn', 'Efternamn', 'Klass', ...SUBJECT_HEADERS];
  const rows: (string | number)[][] = [header];
  for (let i = 0; i < pupils; i++) {
    const grades = SUBJECT_HEADERS.map((_, s) => MARKS[(i * 7 + s * 5) % MARKS.length]);
    rows.push([personnummer(i), `Elev${i}`, `Efternamn${i % 97}`, i % 2 ? '9B' : '9A', ...grades]);
  }
  return rows;
}

function elig(eligible: boolean, missing: string[] = [], more = 0): EligibilityResult {
  return { eligible, missing: missing as never, missingCore: [], missingRequired: [], morePassesNeeded: more };
}

function group(label: string, pupils: number, share: number | '..'): GroupFigures {
  const eligibleShare = Object.fromEntries(PROGRAM_CODES.map((c) => [c, share])) as GroupFigures['eligibleShare'];
  return { label, pupils, eligibleShare, meanMeritValue16: 220, meanMeritValue17: 231.5, allSubjectsPassedShare: share };
}

/** A report model of N pupils (two classes, one school); figures are placeholders, not computed. */
export function reportModel(pupils: number): ReportModel {
  const list: PupilEvaluation[] = [];
  for (let i = 0; i < pupils; i++) {
    const ok = i % 4 !== 0;
    const yrk = ok ? elig(true) : elig(false, ['Ma'], 2);
    const eligibility = Object.fromEntries(PROGRAM_CODES.map((c) => [c, c === 'YRK' ? yrk : elig(ok && i % 3 !== 0, ok ? [] : ['Ma'], ok ? 0 : 2)])) as Record<ProgramCode, EligibilityResult>;
    list.push({
      pupil: { row: i + 2, id: personnummer(i), personnummer: personnummer(i), firstName: `Elev${i}`, lastName: `Efternamn${i % 97}`, className: i % 2 ? '9B' : '9A', school: 'Norrskolan', gender: i % 2 ? 'F' : 'M', grades: [] },
      meritValue16: 150 + (i % 120), meritValue17: 160 + (i % 120), passed: ok ? 16 : 12, allSubjectsPassed: ok, eligibility, nearEligible: !ok, shortOfYrk: ok ? 0 : 2,
    });
  }
  return {
    lang: 'sv',
    settings: DEFAULT_SETTINGS,
    madeOn: '2026-06-15',
    period: 'Vårterminen 2026',
    sources: ['Betyg'],
    pupils: list,
    total: group('Totalt', pupils, 0.75),
    girls: group('Flickor', Math.floor(pupils / 2), 0.75),
    boys: group('Pojkar', Math.ceil(pupils / 2), 0.75),
    schools: [group('Norrskolan', pupils, 0.75)],
    subjects: [],
  };
}

/** Nämndrapport, Elevlista and Åtgärdslista of N pupils, as core's builders lay them out. */
export function fixturePlan(pupils: number): ReportPlan {
  const m = reportModel(pupils);
  return { generator: 'skolanalys', version: PLAN_VERSION, sheets: [buildNamndrapport(m), buildElevlista(m), buildAtgardslista(m)] };
}
