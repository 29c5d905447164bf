/**
 * A zip archive read from its central directory, and a writer that copies entries as they are.
 *
 * The writer never re-encodes a part it was not asked to change: an unchanged entry's compressed
 * bytes, method, CRC and timestamp go to the output as they came, so the user's parts are
 * byte-identical by construction (and cost nothing to "write"). Only entries that are new or
 * changed are compressed here.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { compressInBackground, type Compressed } from './zip';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** The name's bytes as stored (kept so that a copied entry is named exactly as before). */
  nameBytes: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed data starts in the archive. */
  dataStart: number;
}

/** Why an archive could not be read: an i18n key of the cli area with its parameters. */
export class ZipError extends Error {
  constructor(readonly key: string, readonly params: Record<string, string | number> = {}) {
    super(key);
  }
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CEN = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** A zip archive held in memory; entries are decompressed only when asked for. */
export class ZipArchive {
  readonly entries: ZipEntry[] = [];
  /** Lower-cased name → entry: OPC part names compare case-insensitively. */
  private readonly byName = new Map<string, ZipEntry>();

  constructor(readonly buf: Buffer) {
    // Old .xls and encrypted (password-to-open) workbooks are OLE compound files, not zips.
    if (buf.length >= 8 && buf.readUInt32LE(0) === 0xe011cfd0 && buf.readUInt32LE(4) === 0xe11ab1a1) throw new ZipError('cli.error.oleFile');
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
      if (buf.readUInt32LE(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('cli.error.zipNoDirectory');
    let count = buf.readUInt16LE(eocd + 10);
    let dirOffset = buf.readUInt32LE(eocd + 16);
    if ((count === 0xffff || dirOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === SIG_LOCATOR64) {
      const at = Number(buf.readBigUInt64LE(eocd - 20 + 8));
      if (at + 56 <= buf.length && buf.readUInt32LE(at) === SIG_EOCD64) {
        count = Number(buf.readBigUInt64LE(at + 32));
        dirOffset = Number(buf.readBigUInt64LE(at + 48));
      }
    }
    let p = dirOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CEN) throw new ZipError('cli.error.zipDamaged', { at: p });
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      let compressedSize = buf.readUInt32LE(p + 20);
      let size = buf.readUInt32LE(p + 24);
      let local = buf.readUInt32LE(p + 42);
      const nameBytes = buf.subarray(p + 46, p + 46 + nameLen);
      // Zip64: the real sizes and offset sit in extra field 0x0001, in this order, when the 32-bit ones are full.
      let e = p + 46 + nameLen;
      const eEnd = e + extraLen;
      while (e + 4 <= eEnd) {
        const id = buf.readUInt16LE(e);
        const len = buf.readUInt16LE(e + 2);
        if (id === 1) {
          let q = e + 4;
          if (size === 0xffffffff) { size = Number(buf.readBigUInt64LE(q)); q += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = Number(buf.readBigUInt64LE(q)); q += 8; }
          if (local === 0xffffffff) local = Number(buf.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== SIG_LOCAL) throw new ZipError('cli.error.zipDamaged', { at: local });
      const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      // Bit 11: UTF-8 name; otherwise CP437, which for the ASCII names of OOXML parts is the same.
      const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1');
      const entry: ZipEntry = {
        name, nameBytes: Buffer.from(nameBytes), flags, method, time: buf.readUInt16LE(p + 12), date: buf.readUInt16LE(p + 14),
        crc: buf.readUInt32LE(p + 16), compressedSize, size, dataStart,
      };
      if (!name.endsWith('/')) {
        this.entries.push(entry);
        this.byName.set(name.toLowerCase(), entry);
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** The entry named `name` (case-insensitive, with or without a leading `/`). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get((name.startsWith('/') ? name.slice(1) : name).toLowerCase());
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** The compressed bytes of an entry, as stored. */
  raw(e: ZipEntry): Buffer {
    return this.buf.subarray(e.dataStart, e.dataStart + e.compressedSize);
  }

  /** The decompressed bytes of an entry. */
  bytes(name: string | ZipEntry): Buffer {
    const e = typeof name === 'string' ? this.entry(name) : name;
    if (!e) throw new ZipError('cli.error.partMissing', { part: String(name) });
    if (e.flags & 1) throw new ZipError('cli.error.zipEncrypted', { part: e.name });
    const raw = this.raw(e);
    if (e.method === 0) return raw;
    if (e.method !== 8) throw new ZipError('cli.error.zipMethod', { part: e.name, method: e.method });
    try {
      // One output chunk of the known size: no list of 16 KiB chunks to join (a copy of the whole part).
      return inflateRawSync(raw, { chunkSize: Math.max(64 * 1024, Math.min(e.size + 64, 1 << 30)) });
    } catch (err) {
      throw new ZipError('cli.error.partDamaged', { part: e.name, reason: err instanceof Error ? err.message : String(err) });
    }
  }

  /** An entry as UTF-8 text (a BOM dropped), or undefined when there is none. */
  text(name: string): string | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    const b = this.bytes(e);
    return b.toString('utf8', b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);
  }
}

/** What goes into a written zip: an entry copied as it is, or new content. */
export type ZipItem =
  | { kind: 'copy'; entry: ZipEntry; from: ZipArchive }
  | { kind: 'new'; name: string; data: string | Buffer | Buffer[] | Promise<Compressed> };

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

async function compressed(data: string | Buffer | Buffer[] | Promise<Compressed>): Promise<Compressed> {
  if (data instanceof Promise) return data;
  if (Array.isArray(data)) return compressInBackground(data);
  const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // Big parts get a faster level: a few percent larger, several times quicker.
  return { data: deflateRawSync(raw, { level: raw.length > 8 << 20 ? 1 : 6 }), crc: crc32(raw) >>> 0, size: raw.length };
}

/**
 * Writes a zip of `items` in their order. Copied entries keep their compressed bytes, method,
 * CRC, name bytes, flags (but the data-descriptor bit: sizes go in the header) and timestamp;
 * new ones are deflated and stamped `when`. No zip64: workbooks stay far below 4 GiB.
 */
export async function writeZipItems(items: ZipItem[], when: Date): Promise<Buffer> {
  const stamp = dosDateTime(when);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const it of items) {
    let nameBytes: Buffer, flags: number, method: number, time: number, date: number, crc: number, csize: number, size: number, data: Buffer;
    if (it.kind === 'copy') {
      const e = it.entry;
      ({ nameBytes, method, time, date, crc, size } = e);
      flags = e.flags & ~0x8;
      data = it.from.raw(e);
      csize = data.length;
    } else {
      const c = await compressed(it.data);
      nameBytes = Buffer.from(it.name, 'utf8');
      flags = /[^\x20-\x7e]/.test(it.name) ? 0x800 : 0;
      method = 8;
      ({ time, date } = stamp);
      ({ crc, size } = c);
      data = c.data;
      csize = data.length;
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(csize, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(SIG_CEN, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(flags, 8);
    cen.writeUInt16LE(method, 10);
    cen.writeUInt16LE(time, 12);
    cen.writeUInt16LE(date, 14);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(csize, 20);
    cen.writeUInt32LE(size, 24);
    cen.writeUInt16LE(nameBytes.length, 28);
    cen.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, data);
    central.push(cen, nameBytes);
    offset += 30 + nameBytes.length + csize;
  }
  const cenSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_EOCD, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(cenSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
