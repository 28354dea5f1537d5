import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { readZipDirectory } from './limits';

/**
 * Builds ZIP archives byte by byte for tests, including malformed ones a ZIP library would refuse to write: entries
 * that declare a size other than the one they inflate to (a lying zip bomb), or a huge entry count.
 */

/** One entry of a test archive. */
export interface TestZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** Store instead of deflating. */
  readonly stored?: boolean;
  /** The uncompressed size written into the headers; defaults to the real one. */
  readonly declaredSize?: number;
}

/** A ZIP archive holding `entries`; `declaredEntryCount` overrides the count in the end record. */
export function buildTestZip(
  entries: readonly TestZipEntry[],
  options: { readonly declaredEntryCount?: number } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.stored ? Buffer.from(entry.data) : deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(entry.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = Math.min(options.declaredEntryCount ?? entries.length, 0xfffe);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The inflated bytes of the entry `name` of a ZIP archive (for reading word/document.xml and the like in tests). */
export function readTestZipEntry(zip: Uint8Array, name: string): Buffer {
  const entry = readZipDirectory(zip, 'test.zip', 'ZIP').find(
    (candidate) => candidate.name === name,
  );
  if (!entry) throw new Error(`The archive has no entry ${name}`);
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const start =
    entry.localHeaderOffset +
    30 +
    view.readUInt16LE(entry.localHeaderOffset + 26) +
    view.readUInt16LE(entry.localHeaderOffset + 28);
  const data = view.subarray(start, start + entry.compressedSize);
  return entry.method === 0 ? Buffer.from(data) : inflateRawSync(data);
}

/** The names of a ZIP archive's entries. */
export function listTestZip(zip: Uint8Array): string[] {
  return readZipDirectory(zip, 'test.zip', 'ZIP').map((entry) => entry.name);
}
