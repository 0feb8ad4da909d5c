/**
 * One trace from the dashboard's mutation to a Kafka consumer (issue 14): the gateway's spans, the
 * subgraph's server span and its Postgres statements, a peer check, the event's create span, the
 * relay's publish span and the resources service's consumer span all carry one trace id, linked
 * parent to child over HTTP headers, an outbox row and a Kafka record (librdkafka's mock broker).
 */
import { SpanKind } from '@opentelemetry/api';
import { eventTopic, mintCallerToken } from '@cpb/kit';
import { startKafkaBroker, startTestTracing, type KafkaBroker, type ReadableSpan, type TestTracing } from '@cpb/kit/testing';
import { subgraphs } from '@cpb/subgraphs';
import { activityInput, createActivityMutation } from '../services/activities/test/fixtures';
import { loadNeighbourhood, type Neighbourhood } from '@cpb/demo-world/testing';
import { type Federation, startFederation } from '@cpb/kit/testing';

let tracing: TestTracing;
let broker: KafkaBroker;
let federation: Federation;
let place: Neighbourhood;

beforeAll(async () => {
  tracing = startTestTracing();
  broker = await startKafkaBroker({ topics: subgraphs.map((s) => ({ name: s.topic, partitions: 3 })) });
  federation = await startFederation({ env: { KAFKA_BROKERS: broker.brokers.join(',') } });
  place = await loadNeighbourhood(federation);
});

afterAll(async () => {
  await federation?.stop();
  await broker?.stop();
  await tracing?.stop();
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

it('follows one mutation from the gateway through the subgraph, a peer check, the outbox relay and Kafka to a consumer in one trace', async () => {
  const created = await federation.query<{ createActivity: { id: string } }>(createActivityMutation, { input: activityInput(place) });
  const activityId = created.data!.createActivity.id;
  // A community secretary: authorising the change asks the organizations service where the organiser sits.
  const secretary = await mintCallerToken({ role: 'COMMUNITY_SECRETARY', sub: 'trace-secretary', orgId: place.organizationId });
  const published = await federation.query(
    'mutation PublishForTrace($id: ID!) { publishActivity(id: $id) { status } }',
    { id: activityId },
    { authorization: `Bearer ${secretary}` },
  );
  expect(published).toEqual({ data: { publishActivity: { status: 'PUBLISHED' } } });

  const request = tracing.spans().find((s) => s.name === 'gateway.request' && s.attributes['graphql.operation.name'] === 'PublishForTrace');
  expect(request).toBeDefined();
  const traceId = request!.spanContext().traceId;
  const inTrace = (spans: ReadableSpan[]) => spans.filter((s) => s.spanContext().traceId === traceId);
  // The consumer is the last hop; wait for its span (the relay polls, the consumer fetches).
  const spans = inTrace(await tracing.waitFor((all) => inTrace(all).some((s) => s.name === `process ${eventTopic('activities')}`), 30_000));
  const named = (name: string) => spans.filter((s) => s.name === name);

  // The gateway: its HTTP server span is the root; @apollo/gateway's request, plan and fetch spans below it.
  const gatewayServer = spans.find((s) => s.kind === SpanKind.SERVER && s.attributes['cpb.service'] === 'gateway')!;
  expect(gatewayServer.name).toBe('mutation PublishForTrace');
  expect(parentOf(gatewayServer)).toBeUndefined();
  expect(parentOf(request!)).toBe(idOf(gatewayServer));
  expect(named('gateway.plan')).toHaveLength(1);
  const fetch = named('gateway.fetch').find((s) => s.attributes.service === 'activities')!;
  expect(fetch).toBeDefined();

  // The subgraph's server span continues the gateway's fetch span (over HTTP, via traceparent).
  const activities = spans.find((s) => s.kind === SpanKind.SERVER && s.attributes['cpb.service'] === 'activities')!;
  expect(parentOf(activities)).toBe(idOf(fetch));
  expect(activities.attributes['cpb.request_id']).toBe(gatewayServer.attributes['cpb.request_id']);

  // Its Postgres statements, including the UPDATE that published the activity, hang under it.
  const statements = spans.filter(
    (s) => s.instrumentationScope.name === '@opentelemetry/instrumentation-pg' && parentOf(s) === idOf(activities),
  );
  expect(statements.some((s) => /UPDATE\s+activity/i.test(String(s.attributes['db.query.text'] ?? s.attributes['db.statement'])))).toBe(
    true,
  );

  // The peer check: a client span in activities, the organizations service's server span below it, same request id.
  const peer = spans.find((s) => s.kind === SpanKind.CLIENT && s.attributes['peer.service'] === 'organizations')!;
  expect(parentOf(peer)).toBe(idOf(activities));
  const organizations = spans.find((s) => s.kind === SpanKind.SERVER && s.attributes['cpb.service'] === 'organizations')!;
  expect(parentOf(organizations)).toBe(idOf(peer));
  expect(organizations.attributes['cpb.request_id']).toBe(gatewayServer.attributes['cpb.request_id']);

  // The event: created in the mutation, published by the relay, processed by resources' consumer.
  const [create] = named('create activity.published');
  expect(parentOf(create)).toBe(idOf(activities));
  const [publish] = named(`publish ${eventTopic('activities')}`);
  expect(publish.kind).toBe(SpanKind.PRODUCER);
  expect(parentOf(publish)).toBe(idOf(create));
  const [consume] = named(`process ${eventTopic('activities')}`);
  expect(consume.kind).toBe(SpanKind.CONSUMER);
  expect(parentOf(consume)).toBe(idOf(publish));
  expect(consume.attributes['cloudevents.event_type']).toBe('cn.cpb.activity.published');
  // The CloudEvent's own traceparent (the tracing extension) names where it started: the create span.
  expect(consume.links.map((l) => l.context.spanId)).toEqual([idOf(create)]);

  // The outbox row kept the context the relay and consumers continued from.
  const [row] = await federation.subgraphs.activities.running.database.dataSource.query(
    `SELECT traceparent FROM outbox WHERE type = 'activity.published' AND aggregate_id = $1`,
    [activityId],
  );
  expect(row.traceparent).toBe(`00-${traceId}-${idOf(create)}-01`);
});
