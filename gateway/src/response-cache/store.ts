import type { FormattedExecutionResult } from 'graphql';

/**
 * One cached answer and the generation of each subgraph it read, as they were when its request
 * started: it is valid while none of those subgraphs has had an event since.
 */
export interface CachedAnswer {
  generations: Record<string, number>;
  result: FormattedExecutionResult;
}

/** What `lookup` found: the entry under the key (if any) and every subgraph's current generation. */
export interface Lookup {
  answer?: CachedAnswer;
  generations: Record<string, number>;
}

/**
 * Where answers live: in this process, or in Redis shared by every gateway replica. Eviction is a
 * generation per subgraph: an event of a subgraph bumps its generation, and every answer that read
 * that subgraph under an older one is stale from then on (it is overwritten or expires later).
 */
export interface AnswerStore {
  /** The answer under `key` and the current generations, in one round trip. */
  lookup(key: string): Promise<Lookup>;
  save(key: string, answer: CachedAnswer, ttlMs: number): Promise<void>;
  /**
   * Every answer that read these subgraphs is stale (an evictor (re)joined and may have missed events);
   * their partitions' high-water marks are forgotten too, so a topic recreated with lower offsets is seen.
   */
  bump(subgraphs: readonly string[]): Promise<void>;
  /**
   * An event batch up to `offset` of one partition of `subgraph`'s topic was read: bumps the subgraph's
   * generation once, by whichever replica reads that offset first. Every replica reads every event, so a
   * bump per replica would make the answers one replica cached after the event stale again when a slower
   * replica reads it. Resolves true when this call bumped.
   */
  advance(subgraph: string, partition: number, offset: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Whether `answer` read no subgraph that has changed since. */
export function stillValid(answer: CachedAnswer, current: Record<string, number>): boolean {
  return Object.entries(answer.generations).every(([subgraph, generation]) => (current[subgraph] ?? 0) === generation);
}

interface Kept {
  answer: CachedAnswer;
  until: number;
}

/** The in-process store: at most `maxEntries` answers, least recently used out first. */
export class MemoryAnswerStore implements AnswerStore {
  private readonly entries = new Map<string, Kept>();
  private readonly generations: Record<string, number> = {};
  /** `${subgraph}/${partition}` to the highest offset read. */
  private readonly marks = new Map<string, bigint>();

  constructor(private readonly maxEntries: number) {}

  async lookup(key: string): Promise<Lookup> {
    const generations = { ...this.generations };
    const kept = this.entries.get(key);
    if (!kept) return { generations };
    this.entries.delete(key);
    if (kept.until <= Date.now()) return { generations };
    this.entries.set(key, kept); // re-inserted: the Map's order is the recency order
    return { answer: kept.answer, generations };
  }

  async save(key: string, answer: CachedAnswer, ttlMs: number): Promise<void> {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { answer, until: Date.now() + ttlMs });
  }

  async bump(subgraphs: readonly string[]): Promise<void> {
    for (const subgraph of subgraphs) this.generations[subgraph] = (this.generations[subgraph] ?? 0) + 1;
    for (const mark of [...this.marks.keys()]) if (subgraphs.includes(mark.split('/')[0])) this.marks.delete(mark);
  }

  async advance(subgraph: string, partition: number, offset: string): Promise<boolean> {
    const mark = `${subgraph}/${partition}`;
    const seen = this.marks.get(mark);
    if (seen !== undefined && seen >= BigInt(offset)) return false;
    this.marks.set(mark, BigInt(offset));
    this.generations[subgraph] = (this.generations[subgraph] ?? 0) + 1;
    return true;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
