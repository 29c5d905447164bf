#!/usr/bin/env node
// `npm run dev:excel`: builds the add-in, serves dist/excel-addin over https://localhost:3000
// with the Office dev certificates, and on Windows/macOS sideloads the built manifest
// (dist/excel-addin/manifest.xml, with package.json's version) into Excel.
//
// Certificates: run `npx office-addin-dev-certs install` once (it creates and trusts a local CA
// and writes ~/.office-addin-dev-certs/localhost.{crt,key}). Sideloading uses
// `npx office-addin-debugging start`, which needs the native module keytar: it is not a
// dependency of this project (npm install must work on Linux CI without it); npx fetches it on
// the machines that sideload. Flags: --no-sideload to only serve, --port N.
import { createServer } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir, platform } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { spawn } from 'node:child_process';
import { build, OUT } from './build.mjs';

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1]) || 3000;
const sideload = !args.includes('--no-sideload') && (platform() === 'win32' || platform() === 'darwin');

const certDir = join(homedir(), '.office-addin-dev-certs');
const cert = join(certDir, 'localhost.crt');
const key = join(certDir, 'localhost.key');
if (!existsSync(cert) || !existsSync(key)) {
  console.error(`No dev certificates in ${certDir}.\nRun once: npx office-addin-dev-certs install\nthen again: npm run dev:excel`);
  process.exit(1);
}

await build({ baseUrl: `https://localhost:${port}` });

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml' };
const server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
  const url = new URL(req.url ?? '/', `https://localhost:${port}`);
  const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '') || 'taskpane.html';
  const file = join(OUT, rel);
  if (!file.startsWith(OUT) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' });
  res.end(readFileSync(file));
});

server.listen(port, () => {
  console.log(`Serving dist/excel-addin on https://localhost:${port}/ (Ctrl+C to stop)`);
  if (!sideload) {
    console.log('Sideload by hand: Excel → Insert → Add-ins → Upload my add-in → dist/excel-addin/manifest.xml (Excel on the web), or run on Windows/macOS.');
    return;
  }
  const npx = platform() === 'win32' ? 'npx.cmd' : 'npx';
  const child = spawn(npx, ['--yes', 'office-addin-debugging', 'start', `${OUT}/manifest.xml`, 'desktop', '--app', 'excel', '--no-debug', '--dev-server-port', String(port)], { stdio: 'inherit' });
  child.on('exit', (code) => console.log(`office-addin-debugging exited with ${code}`));
});

process.on('SIGINT', () => {
  if (sideload) spawn(platform() === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'office-addin-debugging', 'stop', `${OUT}/manifest.xml`], { stdio: 'inherit' }).on('exit', () => process.exit(0));
  else process.exit(0);
});
