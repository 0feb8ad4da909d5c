/**
 * Imports a spreadsheet through the gateway (issue 18), as any client would:
 *   npm run import -- members roster.xlsx [--dry-run] [--report errors.xlsx] [--as community-secretary]
 *   npm run import -- members --template > 党员信息导入模板.xlsx
 *   npm run import -- resident-units units.xlsx [--dry-run] [--as street-admin]
 *   npm run import -- team-memberships teams.xlsx [--dry-run] [--as community-secretary]
 * Kinds: members (to the members service), resident-units (organizations), team-memberships
 * (activities); the gateway sends each file to the service that owns its rows. Token: CPB_TOKEN, or --as <demo user>; gateway: GATEWAY_URL.
 * Prints the report (rows, created, skipped, each error: row, column, value, message); exits 1 when
 * the file has errors or is refused, so nothing was written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gatewayClient, parseArgs } from './lib/gateway-client';

/** The kinds the gateway takes (gateway/src/file-proxy.ts importOwners). */
const KINDS = ['members', 'resident-units', 'team-memberships'];

interface Report {
  committed: boolean;
  dryRun: boolean;
  alreadyImported: boolean;
  rowCount: number;
  createdCount: number;
  skippedRows: number[];
  errorCount: number;
  errors: { row: number; column: string; value: string; message: string }[];
}

async function main(): Promise<number> {
  const { positional, options } = parseArgs(process.argv.slice(2));
  const [kind, path] = positional;
  if (!kind || !KINDS.includes(kind) || (!path && !options.template)) {
    console.error(
      `usage: npm run import -- <${KINDS.join('|')}> <file.xlsx|file.csv> [--dry-run] [--report errors.xlsx] [--as <demo user>] | <kind> --template > template.xlsx`,
    );
    return 2;
  }
  const client = await gatewayClient(typeof options.as === 'string' ? options.as : undefined);
  if (options.template) {
    const answer = await fetch(`${client.origin}/imports/${kind}/template`, { headers: client.headers });
    if (!answer.ok) return refused(await answer.text());
    process.stdout.write(Buffer.from(await answer.arrayBuffer()));
    return 0;
  }
  const file = readFileSync(path);
  const answer = await fetch(`${client.origin}/imports/${kind}?dryRun=${options['dry-run'] ? 'true' : 'false'}`, {
    method: 'POST',
    headers: { ...client.headers, 'content-type': 'application/octet-stream' },
    body: new Blob([new Uint8Array(file)]),
  });
  const body = (await answer.json()) as { data?: Report; errors?: { message: string; extensions: { code: string; reason?: string } }[] };
  if (!body.data) return refused(JSON.stringify(body.errors));
  const r = body.data;
  console.log(
    `${r.rowCount} rows: ${r.dryRun ? 'dry run, ' : ''}${r.alreadyImported ? 'this file was imported before, ' : ''}${r.createdCount} created, ${r.skippedRows.length} skipped (imported before), ${r.errorCount} errors${r.committed ? ', committed' : ', nothing written'}`,
  );
  for (const e of r.errors) console.log(`  row ${e.row} ${e.column} ${JSON.stringify(e.value)}: ${e.message}`);
  if (r.errorCount > 0 && typeof options.report === 'string') {
    // The same file again, answered as the annotated workbook (a dry run: nothing can be written).
    const annotated = await fetch(`${client.origin}/imports/${kind}?dryRun=true&report=xlsx`, {
      method: 'POST',
      headers: { ...client.headers, 'content-type': 'application/octet-stream' },
      body: new Blob([new Uint8Array(file)]),
    });
    writeFileSync(options.report, Buffer.from(await annotated.arrayBuffer()));
    console.log(`errors written beside each row in ${options.report}`);
  }
  return r.errorCount > 0 ? 1 : 0;
}

function refused(text: string): number {
  console.error(`refused: ${text}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
