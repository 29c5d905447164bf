/**
 * Cell helpers shared by the attendance readers: problem context with addresses, numbers with decimal
 * commas, pupil identities.
 */
import type { SheetData } from '../app';
import type { CellValue, Gender, Lang, Problem } from '../types';
import { cellText } from '../table/header';
import { cellAddress } from '../table/address';
import { parsePersonnummer } from '../personnummer';
import { t } from '../i18n';

/** Shared context of the readers: where cells are, how problems are written. */
export interface ReadContext {
  sheet: string;
  row0: number;
  col0: number;
  lang: Lang;
  referenceYear: number;
  problems: Problem[];
  problem(r: number, c: number, value: unknown, code: string, severity: Problem['severity'], params?: Record<string, string | number>): void;
}

/**
 * A problem writer for one sheet; addresses honour `SheetData.origin`.
 * @example makeContext({ sheet: 'Frånvaro', values: [], origin: { row: 3, col: 1 } }, 'sv', 2026).problem(0, 0, 'x', 'attendance.missingId', 'error') // problem at Frånvaro!B4
 */
export function makeContext(data: SheetData, lang: Lang, referenceYear: number): ReadContext {
  const problems: Problem[] = [];
  const row0 = data.origin?.row ?? 0;
  const col0 = data.origin?.col ?? 0;
  return {
    sheet: data.sheet, row0, col0, lang, referenceYear, problems,
    problem(r, c, value, code, severity, params = {}) {
      problems.push({ cell: cellAddress(data.sheet, row0 + r, col0 + c), value: value ?? null, message: t(lang, code, { value: cellText(value as CellValue), ...params }), code, severity });
    },
  };
}

/**
 * A number from a cell: numbers as they are, text with a decimal comma or point and spaces as
 * thousands separators. NaN when it is no number; null for an empty cell.
 * @example parseAmount('454,17') // 454.17
 * @example parseAmount('1 234') // 1234
 * @example parseAmount('') // null
 */
export function parseAmount(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') return NaN;
  const n = Number(v);
  if (v !== '' && !Number.isNaN(n) && v.trim() !== '') return n;
  const s = v.replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return null;
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return NaN;
  return Number(s.replace(',', '.'));
}

/**
 * Pupil identity from an id cell: normalised personnummer when it is one (checksum problems listed).
 * @example pupilIdentity(ctx, '20100130-3799', 1, 0) // { id: '201001303799', personnummer: '201001303799', gender: 'M' }
 */
export function pupilIdentity(ctx: ReadContext, value: CellValue, r: number, c: number): { id: string; personnummer: string | null; gender: Gender } | null {
  const text = cellText(value);
  if (!text) return null;
  const p = parsePersonnummer(value, ctx.referenceYear);
  if (!p) return { id: text, personnummer: null, gender: null };
  if (!p.checksumValid || !p.dateValid) ctx.problem(r, c, value, 'attendance.pnrInvalid', 'warning');
  return { id: p.normalized, personnummer: p.normalized, gender: p.gender };
}

