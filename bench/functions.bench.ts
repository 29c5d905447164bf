/**
 * Custom-function cost: µs per call of each function over 10 000 calls (one formula per row of a
 * 10 000-row sheet), and one ANDELBEHORIGA over a 10 000 × 17 grade matrix.
 */
import { FUNCTIONS, functionByName } from '../core/functions/catalog';
import type { FunctionArg } from '../core/functions/types';
import { median, type BenchFigure } from './types';

const HEADER = ['Sv', 'En', 'Ma', 'Bi', 'Fy', 'Ke', 'Tk', 'Ge', 'Hi', 'Re', 'Sh', 'Bl', 'Hkk', 'Idh', 'Mu', 'Sl', 'M2 SPA'];
const MARKS = ['A', 'B', 'C', 'D', 'E', 'F', '-'];
const row = (i: number) => HEADER.map((_, s) => MARKS[(i * 7 + s * 3) % MARKS.length]);

const ARGS: Record<string, (i: number) => FunctionArg[]> = {
  MERITVARDE: (i) => [[row(i)], [HEADER], 17],
  BEHORIG: (i) => [[row(i)], [HEADER], 'NA'],
  SAKNAS: (i) => [[row(i)], [HEADER], 'NA'],
  BETYGSPOANG: (i) => [MARKS[i % MARKS.length]],
  ANDELBEHORIGA: (i) => [[row(i), row(i + 1)], [HEADER], 'YRK'],
  FRANVARO: (i) => [i % 500, 1000],
  FRANVARONIVA: (i) => [(i % 100) / 100],
  KON: () => ['19121212-1212'],
  PERSONNUMMER: () => ['121212-1212'],
  ENKATINDEX: (i) => [[[['Stämmer helt och hållet', 'Stämmer ganska bra', 'Stämmer ganska dåligt', 'Stämmer inte alls'][i % 4]], ['Stämmer ganska bra'], ['Vet ej'], ['Stämmer inte alls']]],
};

function perCall(name: string, calls: number): number {
  const f = functionByName(name)!;
  const make = ARGS[name];
  const args = Array.from({ length: calls }, (_, i) => make(i));
  const ctx = { lang: 'sv' as const, referenceYear: 2026 };
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) f.impl(args[i], ctx);
  return ((performance.now() - t0) * 1000) / calls;
}

export async function run(): Promise<BenchFigure[]> {
  const out: BenchFigure[] = [];
  for (const f of FUNCTIONS) {
    perCall(f.name, 1000); // warm-up
    const v = median([1, 2, 3].map(() => perCall(f.name, 10_000)));
    out.push({ name: `functions: ${f.name} per call`, value: Math.round(v * 100) / 100, unit: 'µs', how: 'median of 3 × 10 000 calls, arguments built beforehand' });
  }
  const matrix = Array.from({ length: 10_000 }, (_, i) => row(i));
  const andel = functionByName('ANDELBEHORIGA')!;
  const times = [1, 2, 3].map(() => {
    const t0 = performance.now();
    andel.impl([matrix, [HEADER], 'YRK'], { lang: 'sv', referenceYear: 2026 });
    return performance.now() - t0;
  });
  out.push({ name: 'functions: ANDELBEHORIGA over 10 000 × 17', value: Math.round(median(times) * 10) / 10, unit: 'ms', how: 'median of 3 calls' });
  return out;
}
