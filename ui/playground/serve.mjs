#!/usr/bin/env node
// `npm run playground`: builds the panel, then serves dist/ui/playground on localhost:5173
// (plain node:http; PORT overrides the port, 0 picks a free one).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { build, PLAYGROUND } from '../build.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.css': 'text/css' };

/** Serves `dir` on 127.0.0.1; resolves with the server and its URL. */
export function serve(dir = PLAYGROUND, port = 5173) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, url: `http://localhost:${typeof addr === 'object' && addr ? addr.port : port}/` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await build();
  console.log(`built the playground from ${r.source}`);
  const { url } = await serve(PLAYGROUND, Number(process.env.PORT ?? 5173));
  console.log(`Skolanalys playground: ${url}`);
}
