import { createInflateRaw } from 'node:zlib';
import { msg } from '../messages';
import { FileRefusedError } from './file-refusal';

/** What a workbook may unpack to: ample for 10,000 rows (a few MB), far below what a zip bomb reaches. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 5_000;
/** Spreadsheet XML compresses about 10:1; a ratio past this on a sizeable part is a bomb, not a sheet. */
const MAX_RATIO = 200;

/** One part of a zip as its central directory lists it. */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const bomb = () =>
  new FileRefusedError('ZIP_BOMB', msg('import.zipBomb', { maximum: MAX_UNPACKED_BYTES }), { maximum: MAX_UNPACKED_BYTES });
const notASheet = () => new FileRefusedError('NOT_A_SPREADSHEET', msg('import.notASpreadsheet'));

/** The zip's central directory (the end record searched from the back), without unpacking anything. */
function centralDirectory(file: Buffer): ZipEntry[] {
  const from = Math.max(0, file.length - 22 - 0xffff);
  let end = -1;
  for (let i = file.length - 22; i >= from; i--) {
    if (file.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notASheet();
  const count = file.readUInt16LE(end + 10);
  const offset = file.readUInt32LE(end + 16);
  // Zip64 markers: no workbook within the upload limit needs them.
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES) throw bomb();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) throw notASheet();
    const nameLength = file.readUInt16LE(at + 28);
    entries.push({
      encrypted: (file.readUInt16LE(at + 8) & 1) === 1,
      method: file.readUInt16LE(at + 10),
      compressedSize: file.readUInt32LE(at + 20),
      size: file.readUInt32LE(at + 24),
      localHeader: file.readUInt32LE(at + 42),
      name: file.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Inflates one part only to count its bytes, chunk by chunk (nothing of it kept: a 10,000-row sheet's
 * XML is several MB): a bomb past `limit` (the size the zip declares), not a sheet if it does not inflate.
 */
function inflateWithin(compressed: Buffer, limit: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        reject(bomb());
      }
    });
    inflate.on('end', () => resolve());
    inflate.on('error', () => reject(notASheet()));
    inflate.end(compressed);
  });
}

/**
 * Checks an .xlsx before any library unpacks it: a workbook (not another zip), no macros, no
 * encryption, and a bounded unpacked size, proved by inflating each part with a hard output limit
 * (the sizes a zip declares can lie). Refusals are FileRefusedError; nothing else is read. Gives the
 * zip's parts, now known to be sound, to the sheet reader.
 */
export async function guardWorkbookZip(file: Buffer): Promise<ZipEntry[]> {
  const entries = centralDirectory(file);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml') && !names.has('xl/workbook.bin')) throw notASheet();
  if (names.has('xl/vbaProject.bin') || entries.some((e) => /macroEnabled/i.test(e.name)))
    throw new FileRefusedError('MACRO_WORKBOOK', msg('import.macroWorkbook'));
  if (entries.some((e) => e.encrypted)) throw new FileRefusedError('ENCRYPTED_WORKBOOK', msg('import.encryptedWorkbook'));
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (total > MAX_UNPACKED_BYTES) throw bomb();
    if (entry.size > 1024 * 1024 && entry.size > entry.compressedSize * MAX_RATIO) throw bomb();
    if (entry.method === 0 || entry.size === 0) continue;
    if (entry.method !== 8) throw notASheet();
    const start = dataStart(file, entry);
    await inflateWithin(file.subarray(start, start + entry.compressedSize), entry.size);
  }
  return entries;
}

/** Where a part's stored bytes begin (past its local header), or NOT_A_SPREADSHEET. */
export function dataStart(file: Buffer, entry: ZipEntry): number {
  const local = entry.localHeader;
  if (local + 30 > file.length || file.readUInt32LE(local) !== 0x04034b50) throw notASheet();
  return local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
}
