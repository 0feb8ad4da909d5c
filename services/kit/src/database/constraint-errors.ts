import type { DomainError } from '../errors';

/**
 * Turns a Postgres constraint violation into the domain refusal it stands for, by constraint name.
 * Constraints are the last word on invariants under concurrency; this gives their refusals words.
 */
export function translateConstraint(error: unknown, refusals: Record<string, () => DomainError>): never {
  const constraint =
    (error as { constraint?: string; driverError?: { constraint?: string } }).constraint ??
    (error as { driverError?: { constraint?: string } }).driverError?.constraint;
  const refusal = constraint ? refusals[constraint] : undefined;
  throw refusal ? refusal() : error;
}
