/** Per-operation latencies and errors of one load run, summarised the same way for every target. */

export interface LatencySummary {
  requests: number;
  /** Completed requests per second over the measured window. */
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** HTTP errors, timeouts, and 200 answers that carry GraphQL errors. */
  errors: number;
}

function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summarise(latenciesMs: number[], errors: number, seconds: number): LatencySummary {
  const sorted = Float64Array.from(latenciesMs).sort();
  const values = Array.from(sorted);
  return {
    requests: values.length,
    rps: values.length / seconds,
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    p99: percentile(values, 0.99),
    errors,
  };
}

export class Recorder {
  private readonly latencies = new Map<string, number[]>();
  private readonly errors = new Map<string, number>();
  /** A sample of error bodies, to say why a target failed. */
  readonly errorSamples: string[] = [];

  record(op: string, ms: number, failure?: string): void {
    let list = this.latencies.get(op);
    if (!list) this.latencies.set(op, (list = []));
    list.push(ms);
    if (failure !== undefined) {
      this.errors.set(op, (this.errors.get(op) ?? 0) + 1);
      if (this.errorSamples.length < 5) this.errorSamples.push(`${op}: ${failure.slice(0, 300)}`);
    }
  }

  /** Counts a request that never completed (connection error, timeout). */
  fail(op: string, reason: string): void {
    this.errors.set(op, (this.errors.get(op) ?? 0) + 1);
    if (this.errorSamples.length < 5) this.errorSamples.push(`${op}: ${reason.slice(0, 300)}`);
  }

  summary(op: string, seconds: number): LatencySummary {
    return summarise(this.latencies.get(op) ?? [], this.errors.get(op) ?? 0, seconds);
  }

  overall(seconds: number): LatencySummary {
    return summarise(
      [...this.latencies.values()].flat(),
      [...this.errors.values()].reduce((a, b) => a + b, 0),
      seconds,
    );
  }
}
