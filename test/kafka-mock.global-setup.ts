import { buildMockBroker } from '@cpb/kit/testing';

/**
 * Jest global setup of the tiers that talk to Kafka: compiles the mock broker before any test's
 * timeout runs (minutes the first time on a machine, a timestamp check after that).
 */
export default function buildTheMockBroker(): void {
  if (!process.env.KAFKA_BROKERS?.trim()) buildMockBroker();
}
