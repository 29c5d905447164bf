/**
 * Zip in and out for the workbook post-processing. Reading uses JSZip; writing is a small zip
 * writer over Node's native zlib, because JSZip's JavaScript deflate takes seconds on the
 * 100 MB sheet parts of a 100 000-pupil report.
 */
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** A part already compressed (in the background, see `compressInBackground`). */
export interface Compressed {
  data: Buffer;
  crc: number;
  size: number;
}

/** A workbook's parts by path; text parts may be kept as strings until written. */
export type Parts = Map<string, Uint8Array | string | Buffer[] | Promise<Compressed>>;

/** A part being compressed as its chunks arrive. */
export interface Compressor {
  write(chunk: Buffer): void;
  end(): Promise<Compressed>;
}

/**
 * Deflates a part on libuv's thread pool. Its work only moves on when the main thread yields,
 * so it suits parts written before an `await`; big sheets use `workerCompressor`.
 */
export function streamCompressor(bigHint: boolean): Compressor {
  const z = createDeflateRaw({ level: bigHint ? 1 : 6 });
  const out: Buffer[] = [];
  z.on('data', (d: Buffer) => out.push(d));
  const ended = once(z, 'end');
  let crc = 0;
  let size = 0;
  return {
    write(chunk) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      z.write(chunk);
    },
    end() {
      z.end();
      return ended.then(() => ({ data: Buffer.concat(out), crc: crc >>> 0, size }));
    },
  };
}

// The worker deflates (level 1) and checksums the chunks of each part id as they come.
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const { createDeflateRaw, crc32 } = require('node:zlib');
const parts = new Map();
parentPort.on('message', (m) => {
  let p = parts.get(m.id);
  if (!p) {
    const z = createDeflateRaw({ level: 1 });
    p = { z, out: [], crc: 0, size: 0 };
    z.on('data', (d) => p.out.push(d));
    z.on('end', () => {
      const data = Buffer.concat(p.out);
      parentPort.postMessage({ id: m.id, data, crc: p.crc >>> 0, size: p.size }, [data.buffer]);
      parts.delete(m.id);
    });
    parts.set(m.id, p);
  }
  if (m.chunk) {
    const c = Buffer.from(m.chunk);
    p.crc = crc32(c, p.crc);
    p.size += c.length;
    p.z.write(c);
  }
  if (m.end) p.z.end();
});
`;

let worker: Worker | null = null;
let nextId = 0;
let open = 0;
const waiting = new Map<number, (c: Compressed) => void>();

/**
 * Deflates a big part on a worker thread while the main thread goes on writing it: the worker
 * runs even while the main thread never yields, so on two cores a 150 MB sheet is compressed
 * by the time its last row is written. Chunks are transferred, not copied.
 */
export function workerCompressor(): Compressor {
  if (!worker) {
    worker = new Worker(WORKER_CODE, { eval: true });
    worker.on('message', (m: { id: number; data: Uint8Array; crc: number; size: number }) => {
      waiting.get(m.id)?.({ data: Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength), crc: m.crc, size: m.size });
      waiting.delete(m.id);
      if (--open === 0 && worker) {
        void worker.terminate();
        worker = null;
      }
    });
  }
  const w = worker;
  const id = nextId++;
  open++;
  const done = new Promise<Compressed>((resolve, reject) => {
    waiting.set(id, resolve);
    w.once('error', reject);
  });
  return {
    write(chunk) {
      // A chunk of its own buffer moves to the worker; a slice of a shared one is copied.
      const own = chunk.byteOffset === 0 && chunk.buffer.byteLength >= chunk.length && chunk.buffer.byteLength < chunk.length * 2;
      const data = own ? new Uint8Array(chunk.buffer, 0, chunk.length) : new Uint8Array(chunk);
      w.postMessage({ id, chunk: data }, [data.buffer as ArrayBuffer]);
    },
    end() {
      w.postMessage({ id, end: true });
      return done;
    },
  };
}

/** Deflates chunks already made, in the background (see `streamCompressor`). */
export function compressInBackground(chunks: Buffer[]): Promise<Compressed> {
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const c = streamCompressor(size > 8 << 20);
  for (const chunk of chunks) c.write(chunk);
  return c.end();
}

/** All entries of a zip, decompressed. */
export async function readZip(bytes: Uint8Array): Promise<Parts> {
  // require, not import(): the ESM loader would first scan JSZip's CommonJS source for its exports.
  const Zip = createRequire(import.meta.url)('jszip') as typeof import('jszip');
  const zip = await Zip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    parts.set(f.name, await f.async('uint8array'));
  }
  return parts;
}

/** A part as text. */
export function partText(parts: Parts, path: string): string | undefined {
  const p = parts.get(path);
  if (p === undefined) return undefined;
  if (typeof p === 'string') return p;
  if (p instanceof Promise) throw new Error(`partText: ${path} is already compressed`);
  if (Array.isArray(p)) return Buffer.concat(p).toString('utf8');
  return Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('utf8');
}

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * Writes parts as a zip (deflate, no zip64: parts and total stay far below 4 GiB).
 * `[Content_Types].xml` goes first, as Office expects. `when` is the entries' timestamp.
 */
export async function writeZip(parts: Parts, when: Date): Promise<Buffer> {
  const names = [...parts.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  const { time, date } = dosDateTime(when);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const p = parts.get(name)!;
    let data: Buffer;
    let crc: number;
    let size: number;
    if (p instanceof Promise || Array.isArray(p)) {
      ({ data, crc, size } = await (p instanceof Promise ? p : compressInBackground(p)));
    } else {
      const raw = typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p.buffer, p.byteOffset, p.byteLength);
      // Big parts get a faster level: a few percent larger, several times quicker.
      data = deflateRawSync(raw, { level: raw.length > 8 << 20 ? 1 : 6 });
      crc = crc32(raw) >>> 0;
      size = raw.length;
    }
    const fname = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fname.length, 26);
    local.writeUInt16LE(0, 28);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt16LE(time, 12);
    cen.writeUInt16LE(date, 14);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(data.length, 20);
    cen.writeUInt32LE(size, 24);
    cen.writeUInt16LE(fname.length, 28);
    cen.writeUInt32LE(offset, 42);
    chunks.push(local, fname, data);
    central.push(cen, fname);
    offset += local.length + fname.length + data.length;
  }
  const cenSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cenSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
