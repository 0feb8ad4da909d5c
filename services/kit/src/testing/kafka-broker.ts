import { randomBytes } from 'node:crypto';
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { logLevel } from 'kafkajs';
import { kafkaClient } from '../events/kafka-client';

export interface TopicSpec {
  name: string;
  partitions: number;
}

export interface KafkaBroker {
  /** Bootstrap servers, `host:port`. */
  brokers: string[];
  /** Starts an outage: connections drop and new ones are refused, on the same port (mock broker only). */
  down(): Promise<void>;
  /** Ends the outage; topics, messages and committed offsets are as before. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

const BUILD_SCRIPT = join(__dirname, '..', '..', '..', '..', 'infra', 'kafka-mock', 'build.sh');
const START_TIMEOUT_MS = 10_000;
const COMMAND_TIMEOUT_MS = 5_000;

let mockBinary: string | undefined;

/**
 * The mock broker's executable, compiled (with librdkafka, from npm's copy of its source) when missing
 * or stale. The first build takes minutes, so the Kafka tiers run this in Jest's global setup, before
 * any test's clock starts; the build's progress goes to stderr.
 */
export function buildMockBroker(): string {
  mockBinary ??= execFileSync('bash', [BUILD_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  return mockBinary;
}

/**
 * A Kafka for tests: librdkafka's mock cluster in a child process, or, with `KAFKA_BROKERS` set, that
 * real Kafka with the topics created (outages cannot be staged there).
 */
export async function startKafkaBroker(options: { topics: TopicSpec[] }): Promise<KafkaBroker> {
  const real = process.env.KAFKA_BROKERS?.trim();
  if (real)
    return useRealKafka(
      real.split(',').map((b) => b.trim()),
      options.topics,
    );
  const child = spawn(
    buildMockBroker(),
    options.topics.map((t) => `${t.name}:${t.partitions}`),
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = new LineReader(createInterface({ input: child.stdout }), child, () => stderr);
  const bootstrap = await lines.next(START_TIMEOUT_MS);
  const command = async (name: 'down' | 'up') => {
    child.stdin.write(`${name}\n`);
    const answer = await lines.next(COMMAND_TIMEOUT_MS);
    if (answer !== `ok ${name}`) throw new Error(`mock broker answered "${answer}" to ${name}`);
  };
  return {
    brokers: bootstrap.split(','),
    down: () => command('down'),
    up: () => command('up'),
    stop: () => stopChild(child),
  };
}

/** Hands out the mock's stdout lines one at a time, failing fast if it exits or stays silent. */
class LineReader {
  private readonly queued: string[] = [];
  private waiting: ((line: string | Error) => void) | undefined;

  constructor(lines: Interface, child: ChildProcessWithoutNullStreams, stderr: () => string) {
    lines.on('line', (line) => this.push(line));
    child.on('exit', (code, signal) => this.push(new Error(`mock broker exited (${code ?? signal}): ${stderr().trim()}`)));
  }

  private push(item: string | Error): void {
    if (this.waiting) this.waiting(item);
    else if (typeof item === 'string') this.queued.push(item);
  }

  next(timeoutMs: number): Promise<string> {
    const line = this.queued.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => settle(new Error(`mock broker silent for ${timeoutMs} ms`)), timeoutMs);
      const settle = (item: string | Error) => {
        clearTimeout(timer);
        this.waiting = undefined;
        if (typeof item === 'string') resolve(item);
        else reject(item);
      };
      this.waiting = settle;
    });
  }
}

async function stopChild(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

async function useRealKafka(brokers: string[], topics: TopicSpec[]): Promise<KafkaBroker> {
  const admin = kafkaClient({ clientId: 'cpb-tests', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: topics.map((t) => ({ topic: t.name, numPartitions: t.partitions })) });
  } finally {
    await admin.disconnect();
  }
  const unsupported = () => Promise.reject(new Error('a real Kafka (KAFKA_BROKERS) cannot be taken down by the tests'));
  return { brokers, down: unsupported, up: unsupported, stop: async () => undefined };
}

export interface ReceivedMessage {
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
  /** `performance.now()` when this process saw it: for latency measurements. */
  receivedAt: number;
}

export interface TopicReader {
  /** Everything read so far, in arrival order (per partition: log order). */
  messages: ReceivedMessage[];
  /** Resolves when `done(messages)` holds; rejects after `timeoutMs` with what arrived. */
  waitFor(done: (messages: ReceivedMessage[]) => boolean, timeoutMs: number): Promise<ReceivedMessage[]>;
  stop(): Promise<void>;
}

/**
 * Reads a topic from the beginning with a fresh consumer group, as an analytics consumer would;
 * resolves once the group is joined. Timeouts are short because the mock makes a consumer's
 * disconnect wait for its request timeout.
 */
export async function startTopicReader(brokers: string[], topic: string): Promise<TopicReader> {
  const kafka = kafkaClient({
    clientId: 'cpb-test-reader',
    brokers,
    logLevel: logLevel.NOTHING,
    requestTimeout: 2_000,
    connectionTimeout: 1_000,
  });
  const consumer = kafka.consumer({
    groupId: `test-reader-${randomBytes(4).toString('hex')}`,
    sessionTimeout: 6_000,
    rebalanceTimeout: 3_000,
    heartbeatInterval: 500,
    maxWaitTimeInMs: 50,
    retry: { retries: 10, initialRetryTime: 100, maxRetryTime: 1_000 },
  });
  const messages: ReceivedMessage[] = [];
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) if (value !== undefined) headers[name] = value.toString();
      messages.push({
        partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? '',
        headers,
        receivedAt: performance.now(),
      });
    },
  });
  await withTimeout(joined, START_TIMEOUT_MS, `consumer never joined its group on ${topic}`);
  return {
    messages,
    async waitFor(done, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!done(messages)) {
        if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms on ${topic}; ${messages.length} messages arrived`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages;
    },
    stop: () => consumer.disconnect(),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
