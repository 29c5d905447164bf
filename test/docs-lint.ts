/**
 * The docs lint the core test suites share (in the manner of simple-statistics): the exported
 * functions and classes of a module text that lack a JSDoc with prose and an `@example`.
 */
export function undocumented(text: string): string[] {
  const out: string[] = [];
  const re = /^export (?:function|class) (\w+)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(0, m.index).trimEnd();
    const doc = before.endsWith('*/') ? before.slice(before.lastIndexOf('/**')) : '';
    const prose = doc.replace(/@example[\s\S]*/, '').replace(/[/*\s]/g, '');
    if (!doc.includes('@example') || prose.length < 10) out.push(m[1]);
  }
  return out;
}
