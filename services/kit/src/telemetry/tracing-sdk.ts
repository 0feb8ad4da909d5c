/**
 * The OpenTelemetry SDK: loaded only when tracing is on (it takes a while to load, which every test
 * file and every untraced process would otherwise pay).
 */
import type { Sampler, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { BatchSpanProcessor, ConsoleSpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import type { ExporterKind } from './tracing';

/**
 * Postgres statement spans: only inside a trace (the relay's and consumers' polling would otherwise
 * start a trace per statement), without bind values (they may hold personal data).
 */
export function postgresInstrumentation(): PgInstrumentation {
  return new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false });
}

/** Registers a tracer provider for this process: W3C trace context, async-local context, Postgres spans. */
export function registerTracing(options: { service: string; spanProcessors: SpanProcessor[]; sampler?: Sampler }): {
  provider: NodeTracerProvider;
  postgres: PgInstrumentation;
} {
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': options.service, 'service.namespace': 'cpb' }))
    // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES win over the defaults above.
    .merge(detectResources({ detectors: [envDetector] }));
  // Without a sampler the SDK reads OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG.
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: options.spanProcessors,
    ...(options.sampler ? { sampler: options.sampler } : {}),
  });
  provider.register();
  const postgres = postgresInstrumentation();
  registerInstrumentations({ tracerProvider: provider, instrumentations: [postgres] });
  return { provider, postgres };
}

/** The exporter of that kind; the OTLP ones read OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT, _HEADERS, _TIMEOUT, _COMPRESSION. */
export function createExporter(kind: ExporterKind): SpanExporter {
  if (kind === 'console') return new ConsoleSpanExporter();
  return kind === 'otlp-json' ? new JsonExporter() : new ProtobufExporter();
}

/** The production setup: batched export (OTEL_BSP_*) of what the sampler keeps. */
export function startSdk(service: string, kind: ExporterKind): { shutdown(): Promise<void> } {
  const { provider } = registerTracing({ service, spanProcessors: [new BatchSpanProcessor(createExporter(kind))] });
  return { shutdown: () => provider.shutdown() };
}
