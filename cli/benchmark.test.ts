/**
 * `skolanalys benchmark`: the CLI's one network call, against a local HTTP server on 127.0.0.1 (never
 * Kolada itself). What is sent is said on screen first, and the request holds only KPI ids, the
 * municipality codes and years; pages are followed on the same host only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { main } from './main';
import { parseKoladaJson } from '../core/report/benchmarks';

let dir: string;
let server: Server;
let base: string;
const log: string[] = [];
const requests: { method: string; url: string; body: string; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skolanalys-bench-'));
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', body, headers: req.headers });
      log.push(`request ${req.url}`);
      res.setHeader('content-type', 'application/json');
      if (req.url?.endsWith('/page2')) {
        // A next page on another host must not be followed.
        res.end(JSON.stringify({ count: 1, values: [{ kpi: 'N15505', municipality: '0000', period: '2025', values: [{ gender: 'T', value: 229.1, count: 1, status: '' }] }], next_url: 'http://192.0.2.1/v3/elsewhere' }));
        return;
      }
      if (req.url?.includes('/municipality/9999')) {
        res.statusCode = 500;
        res.end('{}');
        return;
      }
      res.end(JSON.stringify({ count: 1, values: [{ kpi: 'N15436', municipality: '1280', period: '2025', values: [{ gender: 'T', value: 84.5, count: 1, status: '' }] }], next_url: `${base}/v3/page2` }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => { out.push(s); log.push(`out ${s}`); }, err: (s: string) => err.push(s) } };
}

describe('benchmark', () => {
  it('says what it sends, sends only KPI ids, codes and years, follows pages on the same host and saves JSON that report can read', async () => {
    const o = io();
    const file = join(dir, 'jamforelse.json');
    const code = await main(['benchmark', '--kommun', '1280', '--years', '2024-2025', '--url', base, '--out', file], o.io);
    expect(code, o.err.join('\n')).toBe(0);
    expect(requests.map((r) => [r.method, r.url, r.body])).toEqual([
      ['GET', '/v3/data/kpi/N15436,N15505,N15419/municipality/1280,0000/year/2024,2025', ''],
      ['GET', '/v3/page2', ''],
    ]);
    // No cookie, no authorisation, nothing of ours in the headers.
    expect(Object.keys(requests[0].headers).filter((h) => /cookie|authorization|referer/i.test(h))).toEqual([]);
    // The screen said it before the first request.
    expect(log[0]).toMatch(/^out Hämtar jämförelsetal från Kolada \(http:\/\/127\.0\.0\.1:\d+\)\. Det enda som skickas är KPI N15436, N15505, N15419, kommunkoderna 1280, 0000 och åren 2024, 2025; inget om elever\.$/);
    expect(log[1]).toMatch(/^request /);
    const saved = parseKoladaJson(readFileSync(file, 'utf8'), 'jamforelse.json', 'sv');
    expect(saved.problems).toEqual([]);
    expect(saved.rows.map((r) => [r.kpi, r.code, r.value])).toEqual([['N15436', '1280', 0.845], ['N15505', '0000', 229.1]]);
  });

  it('refuses a bad code or years before any request, and a failed answer saves nothing', async () => {
    const before = requests.length;
    for (const args of [['--kommun', '12', '--years', '2024'], ['--kommun', '1280', '--years', '24-25'], ['--kommun', '1280', '--years', '2000-2030']]) {
      const o = io();
      expect(await main(['benchmark', ...args, '--url', base, '--out', join(dir, 'x.json')], o.io)).toBe(2);
    }
    expect(requests.length).toBe(before);
    const o = io();
    expect(await main(['benchmark', '--kommun', '9999', '--years', '2025', '--url', base, '--out', join(dir, 'fel.json')], o.io)).toBe(1);
    expect(o.err.join('')).toContain('500');
    expect(() => readFileSync(join(dir, 'fel.json'))).toThrow();
  });
});
