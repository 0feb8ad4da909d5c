import pino from 'pino';
import { EntitySchema } from 'typeorm';
import { keyset, likeContains, openDatabase, whereEquals, type Database, type Keyset, type Page, type SortKey } from '../src';
import { createTestDatabase, type TestDatabase } from '../src/testing';

interface Item {
  id: string;
  name: string;
  day: string;
}

const ItemEntity = new EntitySchema<Item>({
  name: 'item',
  columns: { id: { type: 'uuid', primary: true }, name: { type: 'text' }, day: { type: 'date' } },
});
/** Names with LIKE metacharacters, and ties: several rows share a name or a day, so only the id orders them. */
const NAMES = ['a%b', 'a_b', 'a\\b', 'axb', 'ab', '王伟', '王伟', '王伟', '李娜', '李娜', '张敏', 'a%b'];

let testDb: TestDatabase;
let db: Database;
let items: Item[];

beforeAll(async () => {
  testDb = await createTestDatabase('kit_list_queries');
  db = await openDatabase({
    serviceName: 'keyset',
    url: testDb.url,
    poolMax: 2,
    embeddedDataDir: '.data',
    entities: [ItemEntity],
    migrations: [],
    logger: pino({ level: 'silent' }),
  });
  await db.dataSource.query('CREATE TABLE item (id uuid PRIMARY KEY, name text NOT NULL, day date NOT NULL)');
  items = NAMES.map((name, i) => ({ id: crypto.randomUUID(), name, day: `2026-05-0${1 + (i % 3)}` }));
  for (const item of items)
    await db.dataSource.query('INSERT INTO item (id, name, day) VALUES ($1, $2, $3)', [item.id, item.name, item.day]);
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

/** Walks a whole list page by page, as a client following endCursor does; returns the ids in the order served. */
async function walk(keyOf: (item: Item) => SortKey, fetch: (page: Page<SortKey>) => Promise<Item[]>, limit = 2): Promise<string[]> {
  const seen: string[] = [];
  let after: SortKey | null = null;
  for (;;) {
    const rows = await fetch({ limit, after });
    seen.push(...rows.slice(0, limit).map((r) => r.id));
    if (rows.length <= limit) return seen;
    after = keyOf(rows[limit - 1]);
  }
}

const everything = (order: Keyset): Promise<{ id: string }[]> => db.dataSource.query(`SELECT id FROM item i ORDER BY ${order.orderBy}`);

describe('keyset pages against Postgres', () => {
  const byName = keyset({ sort: 'i.name', type: 'text', id: 'i.id' });
  const newestDayFirst = keyset({ sort: 'i.day', type: 'date', id: 'i.id', direction: 'DESC' });

  it.each([
    ['by name', byName, (i: Item): SortKey => [i.name, i.id]],
    ['newest day first', newestDayFirst, (i: Item): SortKey => [i.day, i.id]],
  ])('serves every row once, in order, %s, in raw SQL', async (_, order, keyOf) => {
    const served = await walk(keyOf, async (page) => {
      const params: unknown[] = [page.limit + 1];
      return db.dataSource.query(
        `SELECT id, name, day::text AS day FROM item i WHERE true${order.after(page, params)} ORDER BY ${order.orderBy} LIMIT $1`,
        params,
      );
    });
    expect(served).toEqual((await everything(order)).map((r) => r.id));
    expect(new Set(served).size).toBe(NAMES.length);
  });

  it.each([
    ['by name', byName, (i: Item): SortKey => [i.name, i.id]],
    ['newest day first', newestDayFirst, (i: Item): SortKey => [i.day, i.id]],
  ])('serves every row once, in order, %s, through TypeORM, with the filter total counted only when asked', async (_, order, keyOf) => {
    const query = () => db.dataSource.getRepository(ItemEntity).createQueryBuilder('i').where("i.name <> 'ab'");
    const served = await walk(keyOf, (page) => order.rows(query(), page), 3);
    expect(served).toEqual((await everything(order)).map((r) => r.id).filter((id) => items.find((i) => i.id === id)!.name !== 'ab'));
    const before = db.statementCount();
    const { rows, total } = await order.page(query(), { limit: 3, after: null });
    // The page is one statement; the count runs on the first call of `total`, once.
    expect(db.statementCount() - before).toBe(1);
    expect({ rows: rows.length, total: await total(), again: await total() }).toEqual({
      rows: 4,
      total: NAMES.length - 1,
      again: NAMES.length - 1,
    });
    expect(db.statementCount() - before).toBe(2);
  });
});

describe('likeContains against Postgres', () => {
  const matching = async (text: string) =>
    ((await db.dataSource.query('SELECT name FROM item WHERE name LIKE $1 ORDER BY name', [likeContains(text)])) as { name: string }[]).map(
      (r) => r.name,
    );

  it('matches %, _ and \\ literally, not as wildcards or an escape', async () => {
    expect(await matching('%')).toEqual(['a%b', 'a%b']);
    expect(await matching('_')).toEqual(['a_b']);
    expect(await matching('\\')).toEqual(['a\\b']);
    expect(await matching('a%b')).toEqual(['a%b', 'a%b']);
  });

  it('still finds plain fragments anywhere in the text', async () => {
    expect(await matching('王')).toEqual(['王伟', '王伟', '王伟']);
    expect(await matching('b')).toEqual(['a%b', 'a%b', 'a\\b', 'a_b', 'ab', 'axb']);
  });
});

describe('whereEquals against Postgres', () => {
  const names = async (conditions: Record<string, unknown>) =>
    (
      await whereEquals(db.dataSource.getRepository(ItemEntity).createQueryBuilder('i'), conditions)
        .orderBy('i.name')
        .addOrderBy('i.day')
        .getMany()
    ).map((i) => `${i.name} ${i.day}`);

  it('narrows by every value that is set, and leaves out null, undefined and empty ones', async () => {
    expect(await names({ 'i.name': '王伟', 'i.day': '2026-05-01' })).toEqual(['王伟 2026-05-01']);
    expect(await names({ 'i.name': '李娜', 'i.day': null })).toEqual(['李娜 2026-05-01', '李娜 2026-05-03']);
    expect((await names({ 'i.name': undefined, 'i.day': '' })).length).toBe(NAMES.length);
  });
});
