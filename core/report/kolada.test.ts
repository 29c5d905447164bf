/** The Kolada request shared by the CLI and the pane: what is sent, the URL, and paging on one host only. */
import { describe, expect, it } from 'vitest';
import { KoladaError, fetchKolada, koladaRequest, yearsOf, type KoladaRequest } from './kolada';
import { parseKoladaJson } from './benchmarks';

const page = (values: unknown[], next?: Record<string, string>) => ({ status: 200, text: JSON.stringify({ count: values.length, values, ...next }) });
const rec = (kpi: string, m: string, v: number) => ({ kpi, municipality: m, period: '2025', values: [{ gender: 'T', value: v, count: 1, status: '' }] });

describe('koladaRequest', () => {
  it('holds only KPI ids, the municipality with riket (and a group) and the years, on Kolada v3', () => {
    const r = koladaRequest({ kommun: ' 1280 ', years: '2023-2025', group: 'G124025' }) as KoladaRequest;
    expect(r).toEqual({
      kpis: ['N15436', 'N15505', 'N15419'], units: ['1280', '0000', 'G124025'], years: [2023, 2024, 2025], origin: 'https://api.kolada.se',
      url: 'https://api.kolada.se/v3/data/kpi/N15436,N15505,N15419/municipality/1280,0000,G124025/year/2023,2024,2025',
    });
  });
  it('names the wrong field and builds nothing', () => {
    expect(koladaRequest({ kommun: '128', years: '2025' })).toEqual({ error: 'kommun' });
    expect(koladaRequest({ kommun: '0000', years: '2025' })).toEqual({ error: 'kommun' });
    expect(koladaRequest({ kommun: '1280', years: '2000-2030' })).toEqual({ error: 'years' });
    expect(koladaRequest({ kommun: '1280', years: '2025', group: 'x/../y' })).toEqual({ error: 'group' });
    expect(yearsOf('2021,2023')).toEqual([2021, 2023]);
  });
});

describe('fetchKolada', () => {
  const req = koladaRequest({ kommun: '1280', years: '2025' }) as KoladaRequest;
  it('follows next_url (v3) and next_page (v2) on the same host only, and saves what parseKoladaJson reads', async () => {
    const asked: string[] = [];
    const saved = await fetchKolada(req, async (url) => {
      asked.push(url);
      if (url === req.url) return page([rec('N15436', '1280', 84.5)], { next_url: 'https://api.kolada.se/v3/p2' });
      if (url.endsWith('/p2')) return page([rec('N15505', '0000', 229.1)], { next_page: 'https://api.kolada.se/v3/p3' });
      return page([rec('N15419', '0000', 75)], { next_url: 'https://elsewhere.example/v3/p4' });
    });
    expect(asked).toEqual([req.url, 'https://api.kolada.se/v3/p2', 'https://api.kolada.se/v3/p3']);
    expect(parseKoladaJson(saved, 'k.json', 'sv').rows.map((r) => [r.kpi, r.code, r.value])).toEqual([['N15436', '1280', 0.845], ['N15505', '0000', 229.1], ['N15419', '0000', 0.75]]);
  });
  it('throws KoladaError on a status other than 200 or an answer that is not Kolada JSON', async () => {
    await expect(fetchKolada(req, async () => ({ status: 410, text: 'Gone' }))).rejects.toEqual(new KoladaError(410, req.url));
    await expect(fetchKolada(req, async () => ({ status: 200, text: '<html>' }))).rejects.toBeInstanceOf(KoladaError);
  });
});
