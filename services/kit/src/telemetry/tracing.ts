import type { Sampler, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { BatchSpanProcessor, ConsoleSpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ConfigError } from '../config';

export interface Tracing {
  /** Exports what is buffered and stops; a process calls it last on shutdown. */
  shutdown(): Promise<void>;
}

/**
 * Postgres statement spans: only inside a trace (the relay's and consumers' polling would otherwise
 * start a trace per statement), without bind values (they may hold personal data).
 */
export function postgresInstrumentation(): PgInstrumentation {
  return new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false });
}

/** Registers a tracer provider for this process: W3C trace context, async-local context, Postgres spans. */
export function registerTracing(options: { service: string; spanProcessors: SpanProcessor[]; sampler?: Sampler }): { provider: NodeTracerProvider; postgres: PgInstrumentation } {
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': options.service, 'service.namespace': 'cpb' }))
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over the defaults above.
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: options.spanProcessors, ...(options.sampler ? { sampler: options.sampler } : {}) });
  provider.register();
  const postgres = postgresInstrumentation();
  registerInstrumentations({ tracerProvider: provider, instrumentations: [postgres] });
  return { provider, postgres };
}

/** Where spans go, from the standard variables; undefined means tracing stays off. */
export function exporterFromEnv(env: NodeJS.ProcessEnv = process.env): SpanExporter | undefined {
  if (env.OTEL_SDK_DISABLED === 'true') return undefined;
  const named = env.OTEL_TRACES_EXPORTER?.split(',').map((e) => e.trim()).filter(Boolean);
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  // Off unless an exporter is named or an OTLP endpoint is given: a service never sends spans by surprise.
  const exporters = named ?? (endpoint ? ['otlp'] : []);
  if (exporters.length === 0 || exporters.includes('none')) return undefined;
  if (exporters.length > 1) throw new ConfigError(`Invalid configuration:\n  OTEL_TRACES_EXPORTER: one exporter only (otlp or console), got ${env.OTEL_TRACES_EXPORTER}`);
  if (exporters[0] === 'console') return new ConsoleSpanExporter();
  if (exporters[0] !== 'otlp') throw new ConfigError(`Invalid configuration:\n  OTEL_TRACES_EXPORTER: otlp, console or none, got ${exporters[0]}`);
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  // The exporters read OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS, _TIMEOUT and _COMPRESSION themselves.
  if (protocol === 'http/protobuf') return new ProtobufExporter();
  if (protocol === 'http/json') return new JsonExporter();
  throw new ConfigError(`Invalid configuration:\n  OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf or http/json (grpc is not bundled), got ${protocol}`);
}

let started: Tracing | undefined;

/**
 * Turns tracing on for this process when the standard OTEL_* variables name an exporter
 * (OTEL_TRACES_EXPORTER=otlp or OTEL_EXPORTER_OTLP_ENDPOINT); sampling follows OTEL_TRACES_SAMPLER and
 * OTEL_TRACES_SAMPLER_ARG (e.g. parentbased_traceidratio and 0.1), batching OTEL_BSP_*. Called once
 * by a process's entry point, before it serves; tests register their own provider instead.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): Tracing {
  if (started) return started;
  const exporter = exporterFromEnv(env);
  if (!exporter) return (started = { shutdown: async () => undefined });
  const { provider } = registerTracing({ service, spanProcessors: [new BatchSpanProcessor(exporter)] });
  return (started = { shutdown: () => provider.shutdown() });
}

/** Exports the spans still buffered and stops tracing (runProcess calls it on the way out); never throws. */
export async function stopTracing(): Promise<void> {
  await started?.shutdown().catch(() => undefined);
}
