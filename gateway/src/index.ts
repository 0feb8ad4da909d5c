import cluster from 'node:cluster';
import { createLogger, loadConfig, runProcess, startTracing } from '@cpb/kit/core';
import { gatewayEnvSchema } from './config';
import { runPrimary } from './primary';
import { startGateway } from './server';

process.env.APOLLO_TELEMETRY_DISABLED ??= '1';

const config = loadConfig(gatewayEnvSchema);

// One Node process plans and merges on one core; with GATEWAY_WORKERS > 1 a primary forks that many
// workers that share the port (the gateway holds no state between requests, so any worker will do).
if (config.GATEWAY_WORKERS > 1 && cluster.isPrimary) {
  runPrimary(createLogger('gateway', config.LOG_LEVEL), config.GATEWAY_WORKERS);
} else {
  // Each worker traces on its own; off unless the OTEL_* variables name an exporter.
  startTracing('gateway');
  runProcess(createLogger('gateway', config.LOG_LEVEL), async () => (await startGateway(config)).stop);
}
