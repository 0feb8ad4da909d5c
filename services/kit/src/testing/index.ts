export { createTestDatabase, TEST_SERVER_URL, type TestDatabase } from './test-database';
export { createKitDatabase, type KitDatabase } from './kit-database';
export { startTestSubgraph, type TestSubgraph } from './subgraph-harness';
export { graphql, responseErrorCodes, type GraphQLResponse } from '../graphql/client';
export {
  buildMockBroker,
  startKafkaBroker,
  startTopicReader,
  type KafkaBroker,
  type TopicSpec,
  type TopicReader,
  type ReceivedMessage,
} from './kafka-broker';
export { startTestTracing, type TestTracing, type ReadableSpan } from './tracing';
export { parseMetrics, metricValue, scrape, type Sample } from './metrics';
export { refused, refusal } from './refusals';
export { addDays, at, daysAgo, hoursFromNow, mondayInWeeks, yearsAgo } from './calendar';
export { startFederation, inEnglish, type Federation, type FederationOptions } from './federation';
export { onBroker, outboxRows, startOnBroker, type OnBroker } from './on-broker';
