/**
 * Compression of the parts the writer makes, over Node's native zlib: as a part's chunks are
 * written (the 100 MB sheets of a 100 000-pupil report), on libuv's pool or a worker thread.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { crc32, createDeflateRaw } from 'node:zlib';

/** A part already compressed (in the background, see `compressInBackground`). */
export interface Compressed {
  data: Buffer;
  crc: number;
  size: number;
}

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
