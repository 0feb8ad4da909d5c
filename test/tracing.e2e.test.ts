/**
 * Tracing as a deployment turns it on (issue 14): the real processes, configured only by the standard
 * OTEL_* variables, export OTLP/HTTP to a collector (here a receiver in the test), and one mutation
 * shows up as one trace across the gateway, activities (with its Postgres statements, instrumented
 * through the require hooks), the organizations peer, the relay and the resources consumer; the
 * service's log lines carry the same trace id.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { dropDatabase, eventTopic, graphql, mintCallerToken } from '@cpb/kit';
import { TEST_SERVER_URL, startKafkaBroker, type KafkaBroker } from '@cpb/kit/testing';
import { worldId } from '@cpb/demo-world';
import { serviceDatabaseUrl, startStack, type Stack } from '../scripts/lib/stack';
import { subgraphs } from '../scripts/subgraphs';

jest.setTimeout(180_000);

interface ExportedSpan {
  service: string;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string;
  boolValue?: boolean;
}
interface OtlpJson {
  resourceSpans: {
    resource: { attributes: { key: string; value: OtlpValue }[] };
    scopeSpans: {
      scope: { name: string };
      spans: { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: { key: string; value: OtlpValue }[] }[];
    }[];
  }[];
}

const attributes = (list: { key: string; value: OtlpValue }[] = []) =>
  Object.fromEntries(list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]));

/** An OTLP/HTTP (JSON) trace receiver, as a collector would be. */
async function startReceiver(): Promise<{ url: string; spans: ExportedSpan[]; stop(): Promise<void> }> {
  const spans: ExportedSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        for (const resourceSpans of (JSON.parse(body) as OtlpJson).resourceSpans) {
          const service = String(attributes(resourceSpans.resource.attributes)['service.name']);
          for (const scopeSpans of resourceSpans.scopeSpans) {
            for (const span of scopeSpans.spans) {
              spans.push({
                service,
                scope: scopeSpans.scope.name,
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId ?? '',
                name: span.name,
                attributes: attributes(span.attributes),
              });
            }
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const prefix = `t_tr_${randomBytes(3).toString('hex')}_`;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let broker: KafkaBroker;
let stack: Stack;
const logLines: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
  broker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: eventTopic(s.name), partitions: 3 })) });
  stack = await startStack({
    serverUrl: TEST_SERVER_URL,
    databasePrefix: prefix,
    ports: 'free',
    env: {
      KAFKA_BROKERS: broker.brokers.join(','),
      LOG_LEVEL: 'info',
      APOLLO_TELEMETRY_DISABLED: '1',
      // Only the standard variables: a collector's endpoint, JSON over HTTP, every trace, quick batches.
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '1',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      // The seeded history goes out through the relays as the stack starts (thousands of spans): a queue that
      // holds them all, so the traced change's spans are never the ones dropped.
      OTEL_BSP_MAX_QUEUE_SIZE: '100000',
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '4096',
    },
    echo: (line) => logLines.push(line),
  });
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await broker?.stop();
  await receiver?.stop();
  await Promise.all(subgraphs.map((s) => dropDatabase(serviceDatabaseUrl(TEST_SERVER_URL, `${prefix}${s.name}`))));
});

it('exports one trace from the gateway through activities, its statements, a peer, the relay and the resources consumer', async () => {
  const admin = `Bearer ${await mintCallerToken({ role: 'DISTRICT_ADMIN', sub: 'e2e-trace' })}`;
  const organizerId = worldId('org-community', 0);
  const startsAt = new Date(Date.now() + 48 * 3_600_000).toISOString();
  const endsAt = new Date(Date.now() + 50 * 3_600_000).toISOString();
  const created = await graphql<{ createActivity: { id: string } }>(
    stack.gatewayUrl,
    'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
    { input: { title: '追踪测试活动', kind: 'VOLUNTEER_SERVICE', organizerId, startsAt, endsAt, capacity: 5 } },
    { authorization: admin },
  );
  expect(created.errors).toBeUndefined();
  const secretary = `Bearer ${await mintCallerToken({ role: 'COMMUNITY_SECRETARY', sub: 'e2e-secretary', orgId: organizerId })}`;
  const published = await graphql(
    stack.gatewayUrl,
    'mutation PublishTraced($id: ID!) { publishActivity(id: $id) { status } }',
    { id: created.data!.createActivity.id },
    { authorization: secretary },
  );
  expect(published).toEqual({ data: { publishActivity: { status: 'PUBLISHED' } } });

  const topic = eventTopic('activities');
  const deadline = Date.now() + 60_000;
  let traceId: string | undefined;
  let spans: ExportedSpan[] = [];
  while (Date.now() < deadline) {
    traceId = receiver.spans.find(
      (s) => s.service === 'gateway' && s.name === 'gateway.request' && s.attributes['graphql.operation.name'] === 'PublishTraced',
    )?.traceId;
    spans = receiver.spans.filter((s) => s.traceId === traceId);
    const published = spans.some((s) => s.service === 'activities' && s.name === `publish ${topic}`);
    if (traceId && published && spans.some((s) => s.service === 'resources' && s.name === `process ${topic}`)) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const by = (service: string, name: string | RegExp) =>
    spans.filter((s) => s.service === service && (typeof name === 'string' ? s.name === name : name.test(s.name)));
  expect(traceId).toBeDefined();
  expect(by('gateway', 'mutation PublishTraced')).toHaveLength(1);
  expect(by('gateway', 'gateway.fetch').length).toBeGreaterThanOrEqual(1);
  const [server] = by('activities', 'mutation PublishTraced__activities__0');
  expect(by('gateway', 'gateway.fetch').map((s) => s.spanId)).toContain(server.parentSpanId);
  const statements = spans.filter((s) => s.service === 'activities' && s.scope === '@opentelemetry/instrumentation-pg');
  expect(statements.length).toBeGreaterThanOrEqual(2);
  expect(statements.every((s) => s.attributes['db.system'] === 'postgresql' || s.attributes['db.system.name'] === 'postgresql')).toBe(true);
  const [peer] = by('activities', 'peer organizations Organization');
  expect(by('organizations', /^query /)[0].parentSpanId).toBe(peer.spanId);
  const [create] = by('activities', 'create activity.published');
  const [publish] = by('activities', `publish ${topic}`);
  expect(publish.parentSpanId).toBe(create.spanId);
  expect(by('resources', `process ${topic}`)[0].parentSpanId).toBe(publish.spanId);

  // The service's request log line carries the trace it belongs to.
  const line = logLines.find((l) => l.startsWith('[activities]') && l.includes('"msg":"graphql"') && l.includes(traceId!));
  expect(JSON.parse(line!.slice('[activities] '.length))).toMatchObject({
    trace_id: traceId,
    span_id: server.spanId,
    operation: 'PublishTraced__activities__0',
  });
});
