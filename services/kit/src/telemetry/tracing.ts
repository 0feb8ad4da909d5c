import { ConfigError } from '../config';
import type * as Sdk from './tracing-sdk';

export interface Tracing {
  /** Exports what is buffered and stops; a process calls it last on shutdown. */
  shutdown(): Promise<void>;
}

export type ExporterKind = 'otlp-protobuf' | 'otlp-json' | 'console';

/** Which exporter the standard variables ask for; undefined means tracing stays off. */
export function tracingExporter(env: NodeJS.ProcessEnv = process.env): ExporterKind | undefined {
  if (env.OTEL_SDK_DISABLED === 'true') return undefined;
  const named = env.OTEL_TRACES_EXPORTER?.split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
  // Off unless an exporter is named or an OTLP endpoint is given: a service never sends spans by surprise.
  const exporters = named ?? (endpoint ? ['otlp'] : []);
  if (exporters.length === 0 || exporters.includes('none')) return undefined;
  if (exporters.length > 1)
    throw new ConfigError(
      `Invalid configuration:\n  OTEL_TRACES_EXPORTER: one exporter only (otlp or console), got ${env.OTEL_TRACES_EXPORTER}`,
    );
  if (exporters[0] === 'console') return 'console';
  if (exporters[0] !== 'otlp')
    throw new ConfigError(`Invalid configuration:\n  OTEL_TRACES_EXPORTER: otlp, console or none, got ${exporters[0]}`);
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf';
  if (protocol === 'http/protobuf') return 'otlp-protobuf';
  if (protocol === 'http/json') return 'otlp-json';
  throw new ConfigError(
    `Invalid configuration:\n  OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf or http/json (grpc is not bundled), got ${protocol}`,
  );
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
  const kind = tracingExporter(env);
  if (!kind) return (started = { shutdown: async () => undefined });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./tracing-sdk') as typeof Sdk;
  return (started = startSdk(service, kind));
}

/** Exports the spans still buffered and stops tracing (runProcess calls it on the way out); never throws. */
export async function stopTracing(): Promise<void> {
  await started?.shutdown().catch(() => undefined);
}
