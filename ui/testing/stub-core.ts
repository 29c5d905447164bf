/**
 * Stand-in for core/report/build.ts in the wiring test's playground build: a small, predictable
 * detect and buildReport that record what the panel passed (on `globalThis.__stubCore`), so the
 * test checks the panel's wiring apart from core's figures. Never shipped.
 */
import type { DetectOptions, Detection, ReportInputs, ReportKind, ReportResult, SheetData } from '../../core/app';
import type { ColumnInfo, ColumnRole, Problem, Settings, SubjectCode } from '../../core/types';
import { SUBJECTS } from '../../core/grades/subjects';
import { cellAddress, columnLetter } from '../../core/table/address';

export interface StubRecord {
  detect: { sheet: string; mapping?: DetectOptions['mapping']; now?: string }[];
  buildReport: { inputs: ReportInputs; kinds: ReportKind[]; settings: Settings; now: string }[];
}

function record(): StubRecord {
  const g = globalThis as { __stubCore?: StubRecord };
  return (g.__stubCore ??= { detect: [], buildReport: [] });
}

const FIXED: Record<string, ColumnRole> = { personnummer: { role: 'personnummer' }, förnamn: { role: 'firstName' }, efternamn: { role: 'lastName' }, klass: { role: 'class' } };

function role(header: string): ColumnRole | null {
  const h = header.trim().toLowerCase();
  if (FIXED[h]) return FIXED[h];
  const s = SUBJECTS.find((x) => x.code.toLowerCase() === h || x.sv.toLowerCase() === h);
  return s ? { role: 'subject', subject: s.code } : null;
}

/** Header: the first row naming `Personnummer` (else row 1); a filled subject cell other than A–F or `-` is a problem. */
export function detect(data: SheetData, options: DetectOptions = {}): Detection {
  record().detect.push({ sheet: data.sheet, mapping: options.mapping, now: options.now?.toISOString() });
  const found = data.values.findIndex((r) => r.some((v) => String(v ?? '').trim().toLowerCase() === 'personnummer'));
  const top = Math.max(found, 0);
  const header = (data.values[top] ?? []).map((v) => String(v ?? ''));
  const columns: ColumnInfo[] = header.map((h, index) => {
    const key = h.trim() || columnLetter(index);
    const mapping = options.mapping && key in options.mapping ? options.mapping[key] : role(h);
    return { index, letter: columnLetter(index), header: h, mapping };
  });
  const rows = data.values.slice(top + 1).filter((r) => r.some((v) => v !== null && v !== undefined && v !== ''));
  const problems: Problem[] = [];
  data.values.slice(top + 1).forEach((r, i) => columns.forEach((c) => {
    if (c.mapping?.role !== 'subject') return;
    const v = r[c.index];
    if (v !== null && v !== undefined && v !== '' && (typeof v !== 'string' || !/^([A-F]|-)$/.test(v))) {
      problems.push({ cell: cellAddress(data.sheet, top + 1 + i, c.index), value: v, message: `Ogiltigt betyg ${String(v)}`, code: 'grade.invalid', severity: 'error' });
    }
  }));
  const subjects = columns.flatMap((c) => (c.mapping?.role === 'subject' ? [c.mapping.subject as SubjectCode] : []));
  return {
    sheet: data.sheet,
    kind: subjects.length ? 'grades' : 'unknown',
    headerRow: top + 1,
    layout: 'wide',
    pupils: rows.length,
    subjects,
    columns,
    unmapped: columns.filter((c) => !c.mapping).map((c) => c.header),
    problems,
  };
}

/** One sheet per kind naming the sources; throws when the period is `fel` (the error path). */
export function buildReport(inputs: ReportInputs, kinds: readonly ReportKind[], settings: Settings, now: Date): ReportResult {
  record().buildReport.push({ inputs, kinds: [...kinds], settings, now: now.toISOString() });
  if (inputs.period === 'fel') throw new Error('stubbfel i underlaget');
  return {
    plan: {
      generator: 'skolanalys',
      version: 1,
      sheets: kinds.map((k) => ({ key: k, name: `Stub ${k}`, personalData: false, blocks: [{ id: 'sources', row: 0, col: 0, values: [[(inputs.sources ?? []).join(', ')]] }] })),
    },
    problems: [{ cell: `${inputs.grades.sheet}!A1`, value: null, message: 'stubbproblem', code: 'stub.problem', severity: 'warning' }],
  };
}
