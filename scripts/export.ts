/**
 * Writes a report as .xlsx from the graph through the gateway (issue 18), as any client would:
 *   npm run -s export -- census --street <streetId> > census.xlsx
 *   npm run -s export -- roster [--organization <orgId>] > 党员名册.xlsx
 *   npm run -s export -- hours --year 2025 [--organization <orgId>] > 志愿服务时长.xlsx
 * Token: CPB_TOKEN, or --as <demo user>; gateway: GATEWAY_URL; --out <file> instead of stdout.
 * Scoped and masked as the graph answers the caller, with registered operations (scripts/lib/exports.ts);
 * an analyst's roster is counts per organisation.
 */
import { createWriteStream } from 'node:fs';
import { writeExport } from '@cpb/kit/spreadsheets';
import { exportReports, reportFor } from './lib/exports';
import { gatewayClient, parseArgs } from './lib/gateway-client';

async function main(): Promise<number> {
  const { positional, options } = parseArgs(process.argv.slice(2));
  if (!exportReports[positional[0] ?? '']) {
    console.error(
      `usage: npm run -s export -- <${Object.keys(exportReports).join('|')}> [--street id] [--organization id] [--year YYYY] [--out file.xlsx] [--as <demo user>]`,
    );
    return 2;
  }
  const client = await gatewayClient(typeof options.as === 'string' ? options.as : undefined);
  const report = reportFor(positional[0], client)!;
  const out = typeof options.out === 'string' ? createWriteStream(options.out) : process.stdout;
  const started = Date.now();
  const rows = await writeExport(out, report.sheet, report.columns, report.rows(client, options));
  console.error(`${rows} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
