/**
 * Create-once sheets (the Närvaroplan, Mål): the tool makes them once with a default, and from
 * then on they are the school's. Every host asks this one function which of a plan's sheets to
 * write, so none of them can overwrite the school's edits.
 */
import type { ReportPlan, SheetPlan } from './plan';

/** A sheet a host has: its name and, when the tool made it, its marker key. */
export interface ExistingSheet {
  name: string;
  key?: string | null;
}

/**
 * The plan's sheets to write: all but the create-once sheets (`createOnly`) the workbook already
 * has, found by marker key or, without a marker, by name (case ignored).
 * @example
 * sheetsToWrite({ generator: 'skolanalys', version: 1, sheets: [{ key: 'narvaroplan', name: 'Närvaroplan', personalData: false, createOnly: true, blocks: [] }] },
 *   [{ name: 'Vår plan', key: 'narvaroplan' }]).length // 0
 */
export function sheetsToWrite(plan: ReportPlan, existing: readonly ExistingSheet[]): SheetPlan[] {
  return plan.sheets.filter((sp) => !sp.createOnly || ownedBy(sp, existing) === undefined);
}

/**
 * The name of the workbook's sheet that stands for a create-once plan sheet, if it has one.
 * @example ownedBy({ key: 'mal', name: 'Mål', personalData: false, createOnly: true, blocks: [] }, [{ name: 'mål' }]) // 'mål'
 */
export function ownedBy(sp: SheetPlan, existing: readonly ExistingSheet[]): string | undefined {
  return findOwned(sp.key, [sp.name], existing);
}

/**
 * The workbook's sheet for a report key that the school reads back (Närvaroplan, Mål, Historik,
 * Jämförelsetal): the one carrying the key's marker, else an unmarked sheet of one of `names`.
 * @example findOwned('mal', ['Mål', 'Targets'], [{ name: 'Betyg' }, { name: 'targets' }]) // 'targets'
 */
export function findOwned(key: string, names: readonly string[], existing: readonly ExistingSheet[]): string | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return (existing.find((e) => e.key === key) ?? existing.find((e) => !e.key && wanted.has(e.name.toLowerCase())))?.name;
}
