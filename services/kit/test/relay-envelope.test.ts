import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_SCHEMA_DIR, knownEventTypes, toCloudEvent, toKafkaMessage, type OutboxRow } from '../src';

const row = (type: string): OutboxRow => ({
  seq: '7',
  id: '0b8e5a53-5d0e-4d5c-9d47-5b8d3e2f1a10',
  aggregate_type: 'Organization',
  aggregate_id: '4f7c1f0e-2a4b-4c8e-9a55-0d6f3b1e2c33',
  type,
  payload: { name: '第一党支部' },
  occurred_at: new Date('2026-11-25T08:00:00.123Z'),
});

it('names, as dataschema, the $id of the JSON Schema the event was validated against', () => {
  const types = knownEventTypes();
  expect(types.length).toBeGreaterThan(0);
  for (const type of types) {
    const schema = JSON.parse(readFileSync(join(EVENT_SCHEMA_DIR, `${type}.json`), 'utf8')) as { $id: string };
    expect({ type, dataschema: toCloudEvent(row(type), 'organizations').dataschema }).toEqual({ type, dataschema: schema.$id });
  }
});

it('keys the Kafka message by aggregate id and carries the whole event in the value (structured mode)', () => {
  const event = toCloudEvent(row('organization.renamed'), 'organizations');
  expect(toKafkaMessage(event)).toEqual({
    key: '4f7c1f0e-2a4b-4c8e-9a55-0d6f3b1e2c33',
    value: JSON.stringify({
      specversion: '1.0',
      id: '0b8e5a53-5d0e-4d5c-9d47-5b8d3e2f1a10',
      source: '/cpb/organizations',
      type: 'cn.cpb.organization.renamed',
      subject: '4f7c1f0e-2a4b-4c8e-9a55-0d6f3b1e2c33',
      time: '2026-11-25T08:00:00.123Z',
      datacontenttype: 'application/json',
      dataschema: 'https://schemas.cpb.example/events/organization.renamed.json',
      data: { name: '第一党支部' },
    }),
    headers: { 'content-type': 'application/cloudevents+json' },
  });
});
