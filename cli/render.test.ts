/**
 * The written workbook as LibreOffice renders it: a PDF with one page per sheet of the sample
 * (each is small and printed fit-to-width), the Nämndrapport title and the charts' titles on it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSampleWorkbook } from './fixtures/write-sample';
// @ts-expect-error plain .mjs helper without types
import { pageTexts, pdfPages, xlsxToPdf } from './lo.mjs';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-render-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LibreOffice rendering of a written workbook', () => {
  it('converts to a PDF with one page per sheet, the Nämndrapport title and the chart titles', async () => {
    const xlsx = join(dir, 'sample.xlsx');
    await writeSampleWorkbook(xlsx);
    const pdf: string = xlsxToPdf(xlsx, dir);
    expect(statSync(pdf).size).toBeGreaterThan(1000);
    // Betyg VT2026 (3 rows), Nämndrapport (charts beside and below 8 rows), Elevlista (19 rows + 2 charts):
    // each fits one landscape A4 page at fit-to-width.
    expect(pdfPages(pdf)).toBe(3);
    const pages: string[] = pageTexts(pdf);
    expect(pages[0]).toContain('Ada Berg');
    expect(pages[1]).toContain('Nämndrapport – skolresultat årskurs 9');
    // Chart titles are drawn text: the charts were read from our DrawingML parts.
    expect(pages[1]).toContain('Behörighet per grupp');
    expect(pages[1]).toContain('Meritvärde över tid');
    expect(pages[1]).toContain('YRK per grupp');
    expect(pages[2]).toContain('Elevlista – innehåller personuppgifter');
    expect(pages[2]).toContain('Betygsfördelning');
  }, 120_000);
});
