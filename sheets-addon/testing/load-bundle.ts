/** Loads the built dist/sheets-addon/Code.js into a node:vm context with the recording fake. */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { createFakeGas, FakeSpreadsheet } from './fake-gas';

export const CODE_JS = fileURLToPath(new URL('../../dist/sheets-addon/Code.js', import.meta.url));

let cached: vm.Script | null = null;

/** A fresh context (one per test) over one compiled script. */
export function loadBundle(ss: FakeSpreadsheet = new FakeSpreadsheet()) {
  cached ??= new vm.Script(readFileSync(CODE_JS, 'utf8'), { filename: 'Code.js' });
  const gas = createFakeGas(ss);
  const context = vm.createContext({ ...gas.globals, console });
  cached.runInContext(context);
  const g = context as unknown as Record<string, (...args: any[]) => any>;
  return { ...gas, g, context };
}
