export {
  tracer,
  activeTraceContext,
  injectTraceContext,
  extractTraceContext,
  traceLogFields,
  requestScope,
  type TraceContextCarrier,
} from './trace-context';
export { serverSpans } from './http-server-span';
export { startTracing, stopTracing, tracingExporter, type Tracing, type ExporterKind } from './tracing';
export { registeredOperationNames, operationLabeler, operationLabel, OPERATION_REGISTRY_DIRS } from './operations';
export { observeConnectionPool, observeOutbox } from './database-metrics';
export { relayMetrics, consumerMetrics, type RelayMetrics, type ConsumerMetrics } from './event-metrics';
export { sharedCounter, sharedGauge, sharedHistogram } from './registry';
