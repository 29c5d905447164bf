/**
 * What crosses google.script.run: plain JSON-like data only. A Date in a return value makes the
 * whole result arrive as null, so the server sends dates as `{ $date: epoch ms }` and the
 * sidebar turns them back into Dates.
 */
import type { CellValue } from '../core/types';

export type WireCell = string | number | boolean | null | { $date: number };

/** A cell value as sent from the server. */
export function toWire(v: unknown): WireCell {
  if (v === undefined || v === null) return null;
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return { $date: (v as Date).getTime() };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** A cell value as received in the sidebar. */
export function fromWire(v: WireCell): CellValue {
  if (v !== null && typeof v === 'object') return new Date(v.$date);
  return v;
}
