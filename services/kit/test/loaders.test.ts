import { groupedLoader, keyedLoader } from '../src';

describe('batching loaders', () => {
  it('fetches all keys asked in one tick with one call, in key order, null where missing', async () => {
    const calls: (readonly string[])[] = [];
    const loader = keyedLoader(
      async (keys: readonly string[]) => {
        calls.push(keys);
        return keys
          .filter((k) => k !== 'missing')
          .map((id) => ({ id }))
          .reverse();
      },
      (v) => v.id,
    );
    const results = await Promise.all(['a', 'missing', 'b'].map((k) => loader.load(k)));
    expect(results).toEqual([{ id: 'a' }, null, { id: 'b' }]);
    expect(calls).toEqual([['a', 'missing', 'b']]);
  });

  it('groups one-to-many rows under their key, empty where none', async () => {
    const loader = groupedLoader(
      async () => [
        { g: 'x', n: 1 },
        { g: 'x', n: 2 },
      ],
      (v) => v.g,
    );
    expect(await Promise.all([loader.load('x'), loader.load('y')])).toEqual([
      [
        { g: 'x', n: 1 },
        { g: 'x', n: 2 },
      ],
      [],
    ]);
  });
});
