import { CursorSeal, decodeCursor, encodeCursor, keyset, readPage, ValidationError, type SortKey } from '../src';

const ID = '0b6c3f0e-8f5e-4a55-9d1c-2f0f1e7a9b10';
const byName = keyset({ sort: 'm.name', type: 'text', id: 'm.id' });
const newestFirst = keyset({ sort: 'a.starts_at', type: 'timestamptz', id: 'a.id', direction: 'DESC' });

describe('keyset', () => {
  it('orders by the sort column, then the id, in one direction', () => {
    expect(byName.orderBy).toBe('m.name ASC, m.id ASC');
    expect(newestFirst.orderBy).toBe('a.starts_at DESC, a.id DESC');
  });

  it('adds no condition on the first page', () => {
    const params: unknown[] = ['x'];
    expect(byName.after({ limit: 20, after: null }, params)).toBe('');
    expect(byName.condition({ limit: 20, after: null }, params)).toBeNull();
    expect(params).toEqual(['x']);
  });

  it('continues strictly after the cursor, its values appended as numbered, typed parameters', () => {
    const params: unknown[] = [['parent'], 21];
    expect(byName.after({ limit: 20, after: ['王伟', ID] }, params)).toBe(' AND (m.name, m.id) > ($3::text, $4::uuid)');
    expect(params).toEqual([['parent'], 21, '王伟', ID]);
    const descending: unknown[] = [];
    expect(newestFirst.condition({ limit: 5, after: ['2026-05-01T01:00:00.000Z', ID] }, descending)).toBe(
      '(a.starts_at, a.id) < ($1::timestamptz, $2::uuid)',
    );
  });

  it('casts a bigint tie-breaker as such', () => {
    const audit = keyset({ sort: 'at', type: 'timestamptz', id: 'seq', idType: 'bigint', direction: 'DESC' });
    expect(audit.condition({ limit: 5, after: ['2026-05-01T01:00:00.000Z', '42'] }, [])).toBe('(at, seq) < ($1::timestamptz, $2::bigint)');
  });

  // The seal already refuses a cursor the list did not return; a position of the wrong shape is refused
  // here too, so it can never reach SQL as a cast error (INTERNAL_SERVER_ERROR).
  it.each<[string, unknown]>([
    ['one value', ['王伟']],
    ['three values', ['王伟', ID, 'x']],
    ['an id that is no uuid', ['王伟', "1' OR '1'='1"]],
    ['a number for text', [7, ID]],
    ['an object', { 0: '王伟', 1: ID }],
  ])('refuses a position with %s, naming after', (_, position) => {
    expect(() => byName.after({ limit: 20, after: position as SortKey }, [])).toThrow(
      new ValidationError('after', 'after is not a cursor this list returned'),
    );
  });

  it('refuses a sort value that is not of the list’s type', () => {
    const byDay = keyset({ sort: 'n.raised_on', type: 'date', id: 'n.id', direction: 'DESC' });
    expect(() => byDay.after({ limit: 20, after: ['yesterday', ID] }, [])).toThrow(/after is not a cursor this list returned/);
    expect(() => newestFirst.after({ limit: 20, after: ['2026-13-45Tnoon', ID] }, [])).toThrow(/after is not a cursor this list returned/);
  });
});

describe('cursor tampering', () => {
  const seal = new CursorSeal('a-service-secret-of-some-length');
  const position = encodeCursor(['春晖社区', ID]);
  const cursor = seal.seal('Query.communities', position);

  it('gives back the position a list sealed, and the page continues from it', () => {
    const opened = seal.open('Query.communities', cursor);
    expect(readPage<SortKey>({ first: 5, after: opened })).toEqual({ limit: 5, after: ['春晖社区', ID] });
  });

  it.each([
    [
      'an altered position under the original seal',
      `${encodeCursor(['春晖社区', ID.replace('0b6c', '0b6d')])}${cursor.slice(cursor.lastIndexOf('.'))}`,
    ],
    ['a truncated seal', cursor.slice(0, -1)],
    ['no seal', position],
    ['another list’s cursor', seal.seal('Query.members', position)],
    ['a cursor sealed with another key', new CursorSeal('another-service-secret-of-length').seal('Query.communities', position)],
  ])('refuses %s, naming after', (_, tampered) => {
    expect(() => seal.open('Query.communities', tampered)).toThrow(
      new ValidationError('after', 'after is not a cursor this list returned'),
    );
  });

  it('refuses a position that is no JSON array even where the seal holds', () => {
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toThrow(/after is not a cursor/);
  });
});
