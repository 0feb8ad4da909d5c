/**
 * The tracing-overhead variants (`--tracing 0.1,1`): one more stack per sampling ratio, identical to
 * the main one (same databases, same production settings) but with OpenTelemetry on, exporting OTLP
 * to the benchmark's sink. Each becomes a target, `ours traced 10%`, measured in the same rotation as
 * the untraced `ours`, so a shared machine's changing load does not land on one variant.
 */
import { startStack, type Stack, type StackOptions } from '../lib/stack';
import type { OtlpSink } from './otlp-sink';
import type { TracedTarget } from './report';

export interface TracedStack {
  ratio: number;
  target: TracedTarget;
  stack: Stack;
}

export function tracedTarget(ratio: number): TracedTarget {
  return `ours traced ${Number((ratio * 100).toFixed(1))}%`;
}

/** The standard OTEL_* settings a deployment would use to sample `ratio` of the dashboards' requests. */
export function tracingEnv(ratio: number, sink: OtlpSink): NodeJS.ProcessEnv {
  return {
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_EXPORTER_OTLP_ENDPOINT: sink.url,
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: String(ratio),
  };
}

export async function startTracedStacks(ratios: number[], sink: OtlpSink, options: StackOptions): Promise<TracedStack[]> {
  const started: TracedStack[] = [];
  try {
    for (const ratio of ratios) {
      const stack = await startStack({ ...options, env: { ...options.env, ...tracingEnv(ratio, sink) } });
      started.push({ ratio, target: tracedTarget(ratio), stack });
    }
    return started;
  } catch (error) {
    await Promise.all(started.map((s) => s.stack.stop()));
    throw error;
  }
}
