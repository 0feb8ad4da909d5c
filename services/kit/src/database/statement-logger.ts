import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../logger';

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
  logQuery(query: string): void {
    this.statements += 1;
    this.onStatement();
    this.logger.trace({ query }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    this.logger.debug({ err: error, query }, 'sql failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ time, query }, 'slow sql');
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
