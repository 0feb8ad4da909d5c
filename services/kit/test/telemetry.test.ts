import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, trace } from '@opentelemetry/api';
import pino from 'pino';
import {
  ConfigError,
  createLogger,
  errorCodeLabel,
  operationLabeler,
  registeredOperationNames,
  traceLogFields,
  tracingExporter,
} from '../src';
import { createExporter } from '../src/telemetry/tracing-sdk';
import { startTestTracing } from '../src/testing';

describe('operation labels', () => {
  it('reads every named operation of the registry, in nested folders too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'operations-'));
    mkdirSync(join(dir, 'dashboards'));
    writeFileSync(join(dir, 'dashboards', 'a.graphql'), 'query CommunityOverview { a } query Second { b }');
    writeFileSync(join(dir, 'b.graphql'), 'mutation SignUp { c } { anonymous }');
    writeFileSync(join(dir, 'notes.txt'), 'query NotRead { x }');
    expect([...registeredOperationNames([dir, join(dir, 'missing')])].sort()).toEqual(['CommunityOverview', 'Second', 'SignUp']);
  });

  it('labels registered names as themselves, a subgraph fetch by the operation it serves, anything else as other', () => {
    const label = operationLabeler(new Set(['CommunityOverview']));
    expect(label('CommunityOverview')).toBe('CommunityOverview');
    expect(label('CommunityOverview__members__1')).toBe('CommunityOverview');
    expect(label('MadeUp')).toBe('other');
    expect(label('MadeUp__members__1')).toBe('other');
    expect(label(undefined)).toBe('other');
  });

  it('knows the benchmark operations (the registry until schemas/operations exists)', () => {
    expect([...registeredOperationNames()]).toEqual(
      expect.arrayContaining(['CommunityOverview', 'MemberListPage', 'OrganizationSubtree', 'ResourceUtilization', 'VolunteerStatsYear']),
    );
  });

  it('keeps error codes bounded: known ones as themselves, anything else as other', () => {
    expect(errorCodeLabel('FORBIDDEN')).toBe('FORBIDDEN');
    expect(errorCodeLabel('GRAPHQL_VALIDATION_FAILED')).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorCodeLabel('SOMETHING_A_SUBGRAPH_INVENTED')).toBe('other');
    expect(errorCodeLabel(undefined)).toBe('other');
  });
});

describe('tracing configuration', () => {
  it('stays off unless an exporter is named or an OTLP endpoint given', () => {
    expect(tracingExporter({})).toBeUndefined();
    expect(tracingExporter({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBeUndefined();
    expect(tracingExporter({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBeUndefined();
    expect(tracingExporter({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe('otlp-protobuf');
    expect(tracingExporter({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' })).toBe('otlp-json');
    expect(tracingExporter({ OTEL_TRACES_EXPORTER: 'console' })).toBe('console');
    expect(createExporter('otlp-protobuf').constructor.name).toBe('OTLPTraceExporter');
    expect(createExporter('console').constructor.name).toBe('ConsoleSpanExporter');
  });

  it('refuses what it cannot do with a clear message', () => {
    expect(() => tracingExporter({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(ConfigError);
    expect(() => tracingExporter({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /http\/protobuf or http\/json/,
    );
  });
});

it('puts trace_id and span_id on log lines written inside a span, and nothing outside one', async () => {
  const tracing = startTestTracing();
  try {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ mixin: traceLogFields }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    expect(createLogger('x', 'silent')).toBeDefined();
    logger.info('outside');
    const span = trace.getTracer('test').startSpan('work');
    context.with(trace.setSpan(context.active(), span), () => logger.info('inside'));
    span.end();
    expect(lines[0]).not.toHaveProperty('trace_id');
    expect(lines[1]).toMatchObject({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId });
  } finally {
    await tracing.stop();
  }
});
