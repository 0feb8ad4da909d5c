import { Redis } from 'ioredis';
import type { AnswerStore, CachedAnswer, Lookup } from './store';

/**
 * KEYS: the subgraph's marks hash, its generation. ARGV: partition, offset. Bumps once per new high
 * offset. Offsets are compared as decimal strings (length, then digits): Lua's numbers are doubles.
 */
const ADVANCE = `
local seen = redis.call('HGET', KEYS[1], ARGV[1])
local offset = ARGV[2]
if seen and (#seen > #offset or (#seen == #offset and seen >= offset)) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('INCR', KEYS[2])
return 1`;

type WithAdvance = Redis & { advance(marks: string, generation: string, partition: number, offset: string): Promise<number> };

/**
 * Answers in Redis, shared by every gateway replica: an answer one replica cached is a hit on all, and
 * a generation bumped by any replica's evictor makes it stale for all. A lookup is one MGET (the
 * answer and every subgraph's generation); Redis expires answers by their cache hints' max-age.
 */
export class RedisAnswerStore implements AnswerStore {
  private readonly redis: WithAdvance;
  private readonly answerPrefix: string;
  private readonly generationPrefix: string;
  private readonly marksPrefix: string;

  /** `prefix` keeps one deployment's keys apart in a Redis that may serve others too (REDIS_KEY_PREFIX). */
  constructor(
    url: string,
    prefix: string,
    private readonly subgraphs: readonly string[],
  ) {
    this.answerPrefix = `${prefix}answer:`;
    this.generationPrefix = `${prefix}generation:`;
    this.marksPrefix = `${prefix}offsets:`;
    // Fail fast instead of queueing requests behind a Redis that is away: the gateway then answers uncached.
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
    }) as WithAdvance;
    this.redis.defineCommand('advance', { numberOfKeys: 2, lua: ADVANCE });
    this.redis.on('error', () => undefined); // reconnects by itself; each failed command is reported where it is used
  }

  /** Resolves once connected (start-up waits for it, so the first requests find Redis). */
  async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      this.redis.once('ready', resolve);
      this.redis.once('end', () => reject(new Error('Redis (REDIS_URL) closed the connection before it was ready')));
    });
  }

  async lookup(key: string): Promise<Lookup> {
    const [answer, ...generations] = await this.redis.mget(
      this.answerPrefix + key,
      ...this.subgraphs.map((s) => this.generationPrefix + s),
    );
    return {
      answer: answer ? (JSON.parse(answer) as CachedAnswer) : undefined,
      generations: Object.fromEntries(this.subgraphs.map((s, i) => [s, Number(generations[i] ?? 0)])),
    };
  }

  async save(key: string, answer: CachedAnswer, ttlMs: number): Promise<void> {
    await this.redis.set(this.answerPrefix + key, JSON.stringify(answer), 'PX', ttlMs);
  }

  async bump(subgraphs: readonly string[]): Promise<void> {
    const batch = this.redis.multi();
    for (const subgraph of subgraphs) batch.incr(this.generationPrefix + subgraph).del(this.marksPrefix + subgraph);
    await batch.exec();
  }

  async advance(subgraph: string, partition: number, offset: string): Promise<boolean> {
    return (await this.redis.advance(this.marksPrefix + subgraph, this.generationPrefix + subgraph, partition, offset)) === 1;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
