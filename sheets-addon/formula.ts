/**
 * A catalogue formula (`=SKOLA.MERITVARDE(C2:S2; $C$1:$S$1; 17)`, written with Swedish
 * separators as the catalogue's examples are) as Apps Script's setFormula wants it, whatever the
 * spreadsheet's locale: `SKOLA_` names, comma argument separators, decimal points. String
 * literals are left as they are.
 */
export function toSheetsFormula(formula: string): string {
  return formula
    .split('"')
    .map((p, i) => (i % 2 === 1 ? p : p.replace(/\bSKOLA\./gi, 'SKOLA_').replace(/(\d),(\d)/g, '$1.$2').replace(/;/g, ',')))
    .join('"');
}
