import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Problem } from '../../core/types';
import { PROBLEMS_SHOWN, ProblemList } from './ProblemList';

const problems: Problem[] = Array.from({ length: 22 }, (_, i) => ({
  cell: `Betyg!F${i + 2}`, value: 'G', message: `fel ${i}`, code: i < 14 ? 'table.grade.invalid' : 'table.pnr.checksum', severity: i < 14 ? 'error' : 'warning',
}));

describe('ProblemList', () => {
  it('collapses a long list: counts by kind, the first rows, and a show-all button', () => {
    const html = renderToStaticMarkup(<ProblemList lang="sv" problems={problems} heading="Problem (22)" onSelect={() => undefined} />);
    // 22 problems: 14 grade.invalid errors, 22 − 14 = 8 pnr.checksum warnings.
    expect(html).toContain('14 fel och 8 varningar');
    // Badges name the kind in words, never the internal code.
    expect(html).toContain('Ogiltigt betyg: 14');
    expect(html).toContain('Fel kontrollsiffra: 8');
    expect(html).not.toMatch(/table\.|grade\.invalid|pnr\.checksum/);
    expect(html.match(/aria-label="Gå till /g)).toHaveLength(PROBLEMS_SHOWN);
    expect(html).toContain('Visa alla 22');
    expect(html).not.toContain('Betyg!F17'); // the 16th problem (F2 + 15) is folded away
  });
  it('lists a short list whole, in English when asked', () => {
    const html = renderToStaticMarkup(<ProblemList lang="en" problems={problems.slice(0, 2)} heading="Problems (2)" onSelect={() => undefined} />);
    expect(html.match(/aria-label="Go to /g)).toHaveLength(2);
    expect(html).not.toContain('Show all');
    expect(html).toContain('2 errors and 0 warnings');
  });
  it('labels a code without a label of its own as Övrigt', () => {
    const html = renderToStaticMarkup(<ProblemList lang="sv" problems={problems.map((p) => ({ ...p, code: 'no.such.code' }))} heading="x" onSelect={() => undefined} />);
    expect(html).toContain('Övrigt: 22');
  });
  it('says so when there are none', () => {
    expect(renderToStaticMarkup(<ProblemList lang="sv" problems={[]} heading="x" onSelect={() => undefined} />)).toContain('Inga problem hittades.');
  });
});
