import { trace } from '@opentelemetry/api';
import type * as SdkTraceBase from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type * as Sdk from '../telemetry/tracing-sdk';

export type { ReadableSpan };

export interface TestTracing {
  /** Every span ended so far, in the order they ended. */
  spans(): ReadableSpan[];
  /** Waits until `done(spans)` holds (spans end asynchronously, e.g. after a response is sent). */
  waitFor(done: (spans: ReadableSpan[]) => boolean, timeoutMs?: number): Promise<ReadableSpan[]>;
  stop(): Promise<void>;
}

/**
 * Tracing for an in-process test: every span kept in memory, all sampled. Jest loads modules
 * through its own registry, where the require hooks of OpenTelemetry's instrumentations never fire,
 * so the Postgres instrumentation patches the `pg` this registry loaded directly.
 */
export function startTestTracing(): TestTracing {
  // Loaded here, not on import: the SDK is slow to load and most tests never trace.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { AlwaysOnSampler, InMemorySpanExporter, SimpleSpanProcessor } = require('@opentelemetry/sdk-trace-base') as typeof SdkTraceBase;
  const { registerTracing } = require('../telemetry/tracing-sdk') as typeof Sdk;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const exporter = new InMemorySpanExporter();
  const { provider, postgres } = registerTracing({
    service: 'test',
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    sampler: new AlwaysOnSampler(),
  });
  /* eslint-disable @typescript-eslint/no-require-imports */
  const pg = require('pg') as object;
  const version = (require('pg/package.json') as { version: string }).version;
  /* eslint-enable @typescript-eslint/no-require-imports */
  for (const definition of postgres.getModuleDefinitions()) if (definition.name === 'pg') definition.patch?.(pg, version);
  return {
    spans: () => exporter.getFinishedSpans(),
    async waitFor(done, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done(exporter.getFinishedSpans())) {
        if (Date.now() > deadline)
          throw new Error(
            `spans not as expected after ${timeoutMs} ms: ${exporter
              .getFinishedSpans()
              .map((s) => s.name)
              .join(', ')}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return exporter.getFinishedSpans();
    },
    async stop() {
      postgres.disable();
      await provider.shutdown();
      trace.disable();
    },
  };
}
