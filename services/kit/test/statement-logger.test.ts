import pino from 'pino';
import { LOGGED_QUERY_CHARS, StatementLogger } from '../src/database/statement-logger';

/** A seed's multi-row INSERT: one placeholder per column of each row, as bulk inserts write it. */
function multiRowInsert(rows: number, columns: number): { query: string; parameters: number[] } {
  const values = Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`,
  );
  return { query: `INSERT INTO "member" VALUES ${values.join(', ')}`, parameters: Array.from({ length: rows * columns }, (_, i) => i) };
}

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { lines, statementLogger: new StatementLogger(logger) };
}

describe('statement logger', () => {
  const { query, parameters } = multiRowInsert(5_000, 13); // 65,000 parameters, as a seed's chunk

  it('logs a slow statement by its first characters, its length and its parameter count, not its megabytes', () => {
    const { lines, statementLogger } = capture();
    statementLogger.logQuerySlow(1_500, query, parameters);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ msg: 'slow sql', time: expect.any(Number), queryLength: query.length, parameterCount: 65_000 });
    expect(line.query).toBe(`${query.slice(0, LOGGED_QUERY_CHARS)}…`);
    expect(JSON.stringify(line).length).toBeLessThan(LOGGED_QUERY_CHARS + 300);
    expect(query.length).toBeGreaterThan(500_000);
  });

  it('logs a short statement whole', () => {
    const { lines, statementLogger } = capture();
    statementLogger.logQuerySlow(1_200, 'SELECT 1', []);
    expect(lines[0]).toMatchObject({ query: 'SELECT 1', queryLength: 8, parameterCount: 0 });
  });

  it('bounds a failed statement and a traced one the same way', () => {
    const { lines, statementLogger } = capture('trace');
    statementLogger.logQueryError(new Error('duplicate key'), query, parameters);
    statementLogger.logQuery(query, parameters);
    expect(lines.map((l) => [l.msg, (l.query as string).length, l.queryLength, l.parameterCount])).toEqual([
      ['sql failed', LOGGED_QUERY_CHARS + 1, query.length, 65_000],
      ['sql', LOGGED_QUERY_CHARS + 1, query.length, 65_000],
    ]);
    expect(statementLogger.statements).toBe(1);
  });

  it('counts every statement even when trace lines are off', () => {
    const { lines, statementLogger } = capture('info');
    statementLogger.logQuery('SELECT 1');
    statementLogger.logQuery('SELECT 2');
    expect(statementLogger.statements).toBe(2);
    expect(lines).toEqual([]);
  });
});
