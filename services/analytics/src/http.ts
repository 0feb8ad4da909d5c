import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { askedLocale, createDrain, createHttpApp, msg, render, type Logger, type Message, type Metrics } from '@cpb/kit';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { communityReport, districtSummary } from './reports';
import { readSkipped } from './skipped';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A refusal as JSON, its message in the language the request asks for (Chinese by default), with its key and parameters. */
function refuse(req: Request, res: Response, status: number, error: string, message: Message): void {
  const locale = askedLocale(req.headers['accept-language']);
  res.status(status).setHeader('content-language', locale);
  res.json({ error, message: render(message, locale), messageKey: message.key, messageParams: message.params });
}

export interface AnalyticsHttpOptions {
  dataSource: DataSource;
  isReady: () => Promise<boolean>;
  /** How long `/ready` answers 503 on shutdown before the listener closes. */
  shutdownDelayMs?: number;
  metrics: Metrics;
  logger: Logger;
  port: number;
  host: string;
}

export interface RunningHttp {
  /** `http://127.0.0.1:<port>`, the base of /read-model/…, /health, /ready and /metrics. */
  url: string;
  stop(): Promise<void>;
}

/** Serves the read model as JSON beside /health, /ready and /metrics (the same answers every service gives). */
export async function startAnalyticsHttp(options: AnalyticsHttpOptions): Promise<RunningHttp> {
  const { dataSource, logger, metrics } = options;
  const drain = createDrain(options.isReady, options.shutdownDelayMs ?? 0);
  const app = createHttpApp(drain.isReady, metrics, () => drain.draining);

  app.get('/read-model/summary', async (_req, res) => {
    res.json(await districtSummary(dataSource));
  });

  app.get('/read-model/skipped', async (_req, res) => {
    res.json({ skipped: await readSkipped(dataSource) });
  });

  app.get('/read-model/communities/:id', async (req, res) => {
    const { id } = req.params;
    if (!GUID.test(id)) {
      refuse(req, res, 400, 'BAD_REQUEST', msg('analytics.communityId'));
      return;
    }
    const report = await communityReport(dataSource, id);
    if (!report) {
      refuse(req, res, 404, 'NOT_FOUND', msg('analytics.communityUnknown', { id }));
      return;
    }
    res.json(report);
  });

  app.use((req: Request, res: Response) => {
    refuse(req, res, 404, 'NOT_FOUND', msg('analytics.noSuchPath'));
  });
  // Express 5 hands rejected handlers here; the caller gets a code, the log gets the cause.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error, path: req.path }, 'read model request failed');
    refuse(req, res, 500, 'INTERNAL_SERVER_ERROR', msg('analytics.unreadable'));
  });

  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  logger.info({ port }, 'analytics listening');
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await drain.begin();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections(); // keep-alive sockets would otherwise hold close() open
      });
    },
  };
}
