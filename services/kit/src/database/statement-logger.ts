import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../logger';

/** How much of a statement's text a log line carries: enough to recognise it, never a seed's megabytes. */
export const LOGGED_QUERY_CHARS = 1_000;

/** A statement as a log line shows it: its start, its full length and how many parameters it bound. */
export interface LoggedStatement {
  query: string;
  queryLength: number;
  parameterCount?: number;
}

/**
 * A seed's multi-row INSERT is megabytes of text with tens of thousands of placeholders: a log line
 * keeps its first LOGGED_QUERY_CHARS characters, and says how long it was and how many parameters it had.
 */
export function loggedStatement(query: string, parameters?: readonly unknown[]): LoggedStatement {
  const shown = query.length > LOGGED_QUERY_CHARS ? `${query.slice(0, LOGGED_QUERY_CHARS)}…` : query;
  return { query: shown, queryLength: query.length, ...(parameters ? { parameterCount: parameters.length } : {}) };
}

/**
 * TypeORM calls `logQuery` for every statement it sends, so counting here gives the exact number
 * of SQL statements a request caused: the figure that proves there is no N+1.
 */
export class StatementLogger implements TypeOrmLogger {
  statements = 0;
  constructor(
    private readonly logger: Logger,
    private readonly onStatement: () => void = () => {},
  ) {}
  logQuery(query: string, parameters?: unknown[]): void {
    this.statements += 1;
    this.onStatement();
    if (this.logger.isLevelEnabled('trace')) this.logger.trace(loggedStatement(query, parameters), 'sql');
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    this.logger.debug({ err: error, ...loggedStatement(query, parameters) }, 'sql failed');
  }
  logQuerySlow(time: number, query: string, parameters?: unknown[]): void {
    this.logger.warn({ time, ...loggedStatement(query, parameters) }, 'slow sql');
  }
  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }
  logMigration(message: string): void {
    this.logger.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ message }, 'typeorm');
    else this.logger.debug({ message }, 'typeorm');
  }
}
