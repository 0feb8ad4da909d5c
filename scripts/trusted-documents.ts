/**
 * Writes schemas/trusted-documents.json, the manifest of every operation under schemas/operations/
 * (the dashboard's build writes it too). `--check` fails when the committed file is stale, so a
 * review of that file is a review of what production will run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildManifest, manifestText } from './lib/trusted-documents';

const operationsDir = join(__dirname, '..', 'schemas', 'operations');
const manifestPath = join(__dirname, '..', 'schemas', 'trusted-documents.json');

const text = manifestText(buildManifest(operationsDir));
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(manifestPath, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (committed !== text) {
    console.error('schemas/trusted-documents.json is stale: run `npm run documents` and commit it');
    process.exit(1);
  }
  console.log('schemas/trusted-documents.json is up to date');
} else {
  writeFileSync(manifestPath, text);
  console.log(`wrote schemas/trusted-documents.json (${JSON.parse(text).operations.length} operations)`);
}
