import { describe, expect, it } from 'vitest';
import { wellFormed } from '../fixtures/well-formed';
import type { SheetPlan } from '../../core/report/plan';
import { StyleSheet, sheetXml } from './sheetxml';

function render(values: (string | number | null)[][]): string {
  const plan: SheetPlan = { key: 'x', name: 'X', personalData: false, blocks: [{ id: 'b', row: 0, col: 0, values }] };
  const x = sheetXml(plan, new StyleSheet(''), new Set(), { tables: () => '' });
  return Buffer.concat(x.chunks).toString('utf8');
}

describe('sheetXml cell writing', () => {
  // 600 rows of unique names make column B a "rarely repeats" column, written without the value map;
  // the awkward texts come after that switch, so they test the direct path's escaping.
  const awkward = ['a&b', ' lead', 'trail ', 'x\ny', '<t>', 'q"q', 'bad\u0001ctl', 'Åsa Öberg', '\u00a0nbsp', 'ok'];
  const values: (string | number | null)[][] = [
    ...Array.from({ length: 600 }, (_, i) => [`id${i}`, `Namn${i}`, i % 3 === 0 ? 'Ja' : 'Nej']),
    ...awkward.map((v, i) => [`id${600 + i}`, v, 2.5 * i]),
  ];
  const xml = render(values);

  it('is well-formed XML', () => wellFormed(xml));

  it('escapes and preserves texts exactly as the XML rules need, also on the direct path', () => {
    const row = (k: number) => 601 + k; // the awkward texts start at sheet row 601
    expect(xml).toContain(`<c r="B${row(0)}" t="inlineStr"><is><t>a&amp;b</t></is></c>`);
    expect(xml).toContain(`<c r="B${row(1)}" t="inlineStr"><is><t xml:space="preserve"> lead</t></is></c>`);
    expect(xml).toContain(`<c r="B${row(2)}" t="inlineStr"><is><t xml:space="preserve">trail </t></is></c>`);
    expect(xml).toContain(`<c r="B${row(3)}" t="inlineStr"><is><t xml:space="preserve">x\ny</t></is></c>`);
    expect(xml).toContain(`<c r="B${row(4)}" t="inlineStr"><is><t>&lt;t&gt;</t></is></c>`);
    expect(xml).toContain(`<c r="B${row(5)}" t="inlineStr"><is><t>q&quot;q</t></is></c>`);
    expect(xml).toContain(`<c r="B${row(6)}" t="inlineStr"><is><t>badctl</t></is></c>`); // control characters are not XML
    expect(xml).toContain(`<c r="B${row(7)}" t="inlineStr"><is><t>Åsa Öberg</t></is></c>`);
    expect(xml).toContain(`<c r="B${row(8)}" t="inlineStr"><is><t xml:space="preserve">\u00a0nbsp</t></is></c>`);
  });

  it('writes repeated texts, numbers and row numbers the same way every time', () => {
    expect(xml).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t>id0</t></is></c><c r="B1" t="inlineStr"><is><t>Namn0</t></is></c><c r="C1" t="inlineStr"><is><t>Ja</t></is></c></row>');
    // Row 598 is i = 597 (597 % 3 = 0 → Ja); row 600 is i = 599 (→ Nej).
    expect(xml).toContain('<c r="C598" t="inlineStr"><is><t>Ja</t></is></c>');
    expect(xml).toContain('<c r="C600" t="inlineStr"><is><t>Nej</t></is></c>');
    expect(xml).toContain('<c r="C601"><v>0</v></c><'); // 2.5 × 0
    expect(xml).toContain('<c r="C602"><v>2.5</v></c>'); // 2.5 × 1
  });
});
