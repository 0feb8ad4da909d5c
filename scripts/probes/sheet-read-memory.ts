/**
 * What reading a roster's sheet costs in memory (issue 18's members target), one way per process:
 * `tsx scripts/probes/sheet-read-memory.ts <make|none|exceljs|kit> [file] [--rows 10000]`. Run it under the
 * production heap (`NODE_OPTIONS=--max-old-space-size=288`). Prints the resident peak (VmHWM) before
 * and after the read and the largest heapUsed / external / arrayBuffers sampled every 20 ms during it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { importTemplate, readSheet } from '@cpb/kit/spreadsheets';
import { memberColumns } from '../../services/members/src/domain/member-import-columns';
import { roster } from '../lib/roster-file';

const [mode = 'kit', path = '/tmp/roster-10000.xlsx'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 10_000;

const mib = (n: number) => Math.round(n / 1024 / 1024);
const peak = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;

async function make(): Promise<void> {
  writeFileSync(path, await roster(await importTemplate('党员信息', memberColumns), rows, ['某某社区党委']));
  console.log(`wrote ${path}`);
}

/** The floor of a hand-fed reader: one zip part inflated as a stream into saxes, every cell's value seen and dropped. */
async function saxCells(file: Buffer, name: string): Promise<number> {
  let at = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = file.readUInt16LE(at + 10);
  at = file.readUInt32LE(at + 16);
  for (let i = 0; i < count; i++) {
    const nameLength = file.readUInt16LE(at + 28);
    const entry = file.toString('utf8', at + 46, at + 46 + nameLength);
    if (entry === name) {
      const local = file.readUInt32LE(at + 42);
      const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
      const parser = new SaxesParser();
      let cells = 0;
      let text = '';
      parser.on('opentag', (t) => {
        if (t.name === 'c') cells++;
        text = '';
      });
      parser.on('text', (t) => void (text += t));
      const inflate = createInflateRaw();
      inflate.setEncoding('utf8');
      inflate.end(file.subarray(start, start + file.readUInt32LE(at + 20)));
      for await (const chunk of inflate) parser.write(chunk as string);
      parser.close();
      return cells + text.length * 0;
    }
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return 0;
}

async function main(): Promise<void> {
  if (mode === 'make') return make();
  const file = readFileSync(path);
  global.gc?.();
  const high = { heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0, rss: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    for (const k of Object.keys(high) as (keyof typeof high)[]) high[k] = Math.max(high[k], m[k]);
  };
  const before = process.memoryUsage();
  const peakBefore = peak();
  const timer = setInterval(sample, 20);
  const started = Date.now();
  let count = 0;
  if (mode === 'exceljs') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        row.eachCell(() => undefined);
        count++;
      }
      break;
    }
  } else if (mode === 'sax') {
    count = await saxCells(file, 'xl/worksheets/sheet1.xml');
  } else if (mode === 'kit') {
    await readSheet(file, { columns: memberColumns, maxRows: 20_000 }, () => void count++);
  }
  sample();
  clearInterval(timer);
  console.log(
    `${mode}: ${count} rows in ${Date.now() - started} ms; VmHWM ${Math.round(peakBefore)} -> ${Math.round(peak())} MiB; ` +
      `during: heapTotal ${mib(before.heapTotal)} -> max ${mib(high.heapTotal)}, heapUsed ${mib(before.heapUsed)} -> max ${mib(high.heapUsed)}, external ${mib(before.external)} -> ${mib(high.external)}, ` +
      `arrayBuffers ${mib(before.arrayBuffers)} -> ${mib(high.arrayBuffers)}, rss ${mib(before.rss)} -> ${mib(high.rss)} MiB`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
