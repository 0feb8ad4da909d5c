import express, { type Express } from 'express';
import { sharedGauge } from '../telemetry/registry';
import type { Metrics } from './metrics';

/** The plain HTTP side every process shares: liveness, readiness and Prometheus metrics. */
export function createHttpApp(isReady: () => Promise<boolean>, metrics: Metrics, draining?: () => boolean): Express {
  const app = express();
  app.disable('x-powered-by');
  sharedGauge(metrics.registry, {
    name: 'service_ready',
    help: '1 when the process would answer /ready with 200 (database reachable and migrated; gateway: supergraph loaded)',
    async collect() {
      this.set((await isReady().catch(() => false)) ? 1 : 0);
    },
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ready = await isReady();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : draining?.() ? 'draining' : 'not ready' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return app;
}
