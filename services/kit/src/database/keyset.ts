import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationError } from '../errors';
import { msg } from '../messages';
import { lazyCount, type LazyCount, type Page } from '../graphql/pagination';

/** A list's position: the sort column's value, then the id that makes the order total. */
export type SortKey = [string, string];

/** The Postgres type of a sort column: the cursor's value is cast to it. */
export type SortType = 'text' | 'date' | 'timestamptz';
export type IdType = 'uuid' | 'bigint';

export interface KeysetOrder {
  /** SQL of the sort column, e.g. `m.name`. */
  sort: string;
  type: SortType;
  /** SQL of the column that breaks ties, e.g. `m.id`. */
  id: string;
  idType?: IdType;
  direction?: 'ASC' | 'DESC';
}

/** What a value of each type looks like: the seal vouches for a cursor, and this keeps a malformed one from reaching SQL anyway. */
const looksLike: Record<SortType | IdType, (value: string) => boolean> = {
  text: () => true,
  date: (value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)),
  timestamptz: (value) => !Number.isNaN(Date.parse(value)),
  uuid: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  bigint: (value) => /^\d{1,19}$/.test(value),
};

/**
 * The order of a cursor-paged list, said once: a sort column, then an id, both in one direction.
 * A page continues strictly after the cursor's (sort, id) with one row comparison, so it reads an
 * index on (sort, id) from that point, with no OFFSET, and rows written meanwhile neither repeat
 * nor shift a page.
 */
export class Keyset {
  readonly sort: string;
  readonly type: SortType;
  readonly id: string;
  readonly idType: IdType;
  readonly direction: 'ASC' | 'DESC';

  constructor(order: KeysetOrder) {
    this.sort = order.sort;
    this.type = order.type;
    this.id = order.id;
    this.idType = order.idType ?? 'uuid';
    this.direction = order.direction ?? 'ASC';
  }

  /** The ORDER BY list: `sort DIR, id DIR`. */
  get orderBy(): string {
    return `${this.sort} ${this.direction}, ${this.id} ${this.direction}`;
  }

  /**
   * For SQL with numbered parameters: `(sort, id) > ($n::type, $m::uuid)` (`<` descending) with the
   * cursor's values appended to `params`, or null on the first page.
   */
  condition(page: Page<SortKey>, params: unknown[]): string | null {
    const position = this.position(page);
    if (!position) return null;
    return `(${this.sort}, ${this.id}) ${this.comparison} ($${params.push(position[0])}::${this.type}, $${params.push(position[1])}::${this.idType})`;
  }

  /** `condition` as a further ` AND …` of a WHERE clause; empty on the first page. */
  after(page: Page<SortKey>, params: unknown[]): string {
    const condition = this.condition(page, params);
    return condition ? ` AND ${condition}` : '';
  }

  /** For a TypeORM query: its rows after the cursor, in this order, `limit + 1` of them (the extra one tells a next page exists). */
  rows<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, page: Page<SortKey>): Promise<T[]> {
    const position = this.position(page);
    if (position) {
      const after = `(CAST(:keysetSort AS ${this.type}), CAST(:keysetId AS ${this.idType}))`;
      query.andWhere(`(${this.sort}, ${this.id}) ${this.comparison} ${after}`, { keysetSort: position[0], keysetId: position[1] });
    }
    return query
      .orderBy(this.sort, this.direction)
      .addOrderBy(this.id, this.direction)
      .limit(page.limit + 1)
      .getMany();
  }

  /**
   * One page of a filtered TypeORM query and the filter's total (counted before the cursor narrows it),
   * counted only if the connection's `totalCount` is selected.
   */
  async page<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, page: Page<SortKey>): Promise<{ rows: T[]; total: LazyCount }> {
    const counting = query.clone();
    return { rows: await this.rows(query, page), total: lazyCount(() => counting.getCount()) };
  }

  private get comparison(): '>' | '<' {
    return this.direction === 'ASC' ? '>' : '<';
  }

  /** The cursor's (sort, id), checked for shape: anything else is refused as a cursor this list did not return. */
  private position(page: Page<SortKey>): SortKey | null {
    const after: unknown = page.after;
    if (after === null || after === undefined) return null;
    if (Array.isArray(after) && after.length === 2) {
      const [sort, id]: unknown[] = after;
      if (typeof sort === 'string' && typeof id === 'string' && looksLike[this.type](sort) && looksLike[this.idType](id)) return [sort, id];
    }
    throw new ValidationError('after', msg('page.foreignCursor', { field: 'after' }));
  }
}

/** The keyset of a list ordered by `sort`, then `id` (ascending unless `direction` says otherwise). */
export function keyset(order: KeysetOrder): Keyset {
  return new Keyset(order);
}
