import { z } from 'zod';

/**
 * How long a key is remembered. A day covers any client's retries after a timeout or a lost answer
 * (minutes), a browser tab reopened the next morning excepted; after it the key may be used afresh.
 */
export const idempotencyEnvSchema = z.object({
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
});

let ttlHours = 24;

/** Sets how long keys are remembered (once, at start-up, from the validated config). */
export function useIdempotencyTtl(hours: number): void {
  ttlHours = hours;
}

export function idempotencyTtlHours(): number {
  return ttlHours;
}
