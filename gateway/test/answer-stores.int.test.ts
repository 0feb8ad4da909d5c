/**
 * Both answer stores bump a subgraph's generation once per event offset, whichever replica reads it
 * first, and a (re)join's blanket bump forgets the offsets read. The Redis store against the Redis on
 * this machine (REDIS_URL, default redis://127.0.0.1:6379), under a key prefix of its own.
 */
import { randomBytes } from 'node:crypto';
import { RedisAnswerStore } from '../src/response-cache/redis-store';
import { MemoryAnswerStore, type AnswerStore } from '../src/response-cache/store';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const subgraphs = ['organizations', 'members'];

async function generation(store: AnswerStore, subgraph: string): Promise<number> {
  return (await store.lookup('nothing-here')).generations[subgraph] ?? 0;
}

describe.each([
  ['in process', () => new MemoryAnswerStore(10)],
  ['in Redis', () => new RedisAnswerStore(REDIS_URL, `test:stores:${randomBytes(4).toString('hex')}:`, subgraphs)],
])('%s', (_name, open) => {
  let store: AnswerStore;
  beforeEach(async () => {
    store = open();
    if (store instanceof RedisAnswerStore) await store.ready();
  });
  afterEach(() => store.close());

  it('bumps once per new offset of a partition, not once per replica that reads it', async () => {
    const start = await generation(store, 'organizations');
    expect(await store.advance('organizations', 0, '7')).toBe(true);
    // A second replica reading the same batch, or a part of it, changes nothing.
    expect(await store.advance('organizations', 0, '7')).toBe(false);
    expect(await store.advance('organizations', 0, '5')).toBe(false);
    expect(await generation(store, 'organizations')).toBe(start + 1);
    // Another partition, or a newer offset, is a new event.
    expect(await store.advance('organizations', 1, '3')).toBe(true);
    expect(await store.advance('organizations', 0, '8')).toBe(true);
    expect(await generation(store, 'organizations')).toBe(start + 3);
    // Offsets are per subgraph: the members topic's offset 7 is its own event.
    expect(await store.advance('members', 0, '7')).toBe(true);
    // Offsets past 2^53 compare exactly.
    expect(await store.advance('members', 0, '9007199254740992')).toBe(true);
    expect(await store.advance('members', 0, '9007199254740993')).toBe(true);
    expect(await store.advance('members', 0, '10')).toBe(false);
  });

  it('forgets the offsets read on a blanket bump, so a recreated topic (lower offsets) still evicts', async () => {
    await store.advance('organizations', 0, '100');
    const before = await generation(store, 'organizations');
    await store.bump(subgraphs);
    expect(await generation(store, 'organizations')).toBe(before + 1);
    expect(await store.advance('organizations', 0, '1')).toBe(true);
    expect(await generation(store, 'organizations')).toBe(before + 2);
  });
});
