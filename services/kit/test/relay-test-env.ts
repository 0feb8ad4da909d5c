import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Imported first by the relay tests: the kit reads EVENT_SCHEMA_DIR when it loads, and the relay's
 * tests need an event type of their own (the services' types belong to the services).
 */
export const TEST_EVENT_TYPE = 'relaytest.happened';

const dir = mkdtempSync(join(tmpdir(), 'relay-schemas-'));
writeFileSync(
  join(dir, `${TEST_EVENT_TYPE}.json`),
  JSON.stringify({
    type: 'object',
    required: ['n'],
    properties: { n: { type: 'integer', minimum: 0 }, note: { type: 'string' } },
    additionalProperties: false,
  }),
);
process.env.EVENT_SCHEMA_DIR = dir;
