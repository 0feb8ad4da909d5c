import { decodeCursor, encodeCursor, readPage, toConnection, ValidationError } from '../src';

describe('readPage', () => {
  it('defaults to 20 rows from the start', () => {
    expect(readPage({})).toEqual({ limit: 20, after: null });
  });

  it.each([0, -1, 101, 2.5])('refuses first = %p, naming the argument', (first) => {
    expect(() => readPage({ first })).toThrow(ValidationError);
    try {
      readPage({ first });
    } catch (error) {
      expect((error as ValidationError).field).toBe('first');
      expect((error as ValidationError).code).toBe('BAD_USER_INPUT');
    }
  });

  it('round-trips a cursor and refuses one it did not make', () => {
    const cursor = encodeCursor(['春晖社区', 'abc']);
    expect(readPage({ first: 5, after: cursor })).toEqual({ limit: 5, after: ['春晖社区', 'abc'] });
    expect(() => decodeCursor('not a cursor!')).toThrow(/after is not a cursor/);
  });
});

describe('toConnection', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('uses the extra row only to tell that a next page exists', () => {
    const connection = toConnection(rows, { limit: 2, after: null }, (r) => [r.id], 7);
    expect(connection.edges.map((e) => e.node.id)).toEqual(['a', 'b']);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(['a']),
      endCursor: encodeCursor(['b']),
    });
    expect(connection.totalCount).toBe(7);
  });

  it('reports the last page and an empty one', () => {
    expect(toConnection(rows, { limit: 3, after: ['x'] }, (r) => [r.id]).pageInfo.hasNextPage).toBe(false);
    expect(toConnection([], { limit: 3, after: null }, () => []).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
