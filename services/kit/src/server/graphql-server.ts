import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { UnauthenticatedError, type Actor } from '../auth';
import { DomainError, errorFormatter, requestRefusal } from '../errors';
import { currentLocale, inRequestLocale, preferCallerLocale, type Locale } from '../messages';
import type { Logger } from '../logger';
import { graphqlSpanPlugin } from '../telemetry/graphql-span-plugin';
import { serverSpans } from '../telemetry/http-server-span';
import { operationLabel } from '../telemetry/operations';
import { createDrain } from './drain';
import { createHttpApp } from './http-app';
import { errorCodeLabel, type Metrics } from './metrics';
import { requestIdOf } from './request-id';
import { StartupClock } from './startup-clock';
import { notFoundHandler, requestErrorHandler, requireJsonPost } from './request-errors';

export interface RequestInfo {
  requestId: string;
  logger: Logger;
  headers: http.IncomingHttpHeaders;
  /** Who is asking, as verified by `authenticate`. */
  actor: Actor;
  /** The language messages are written in for this request (forwarded to subgraphs as Accept-Language). */
  locale: Locale;
}

/** A verified caller: the actor, and the language the caller's token asks for by default, if any. */
export type Caller = Actor & { locale?: Locale };

export interface GraphQLServerOptions<C extends BaseContext> {
  name: string;
  schema?: GraphQLSchema;
  gateway?: GatewayInterface;
  port: number;
  host?: string;
  logger: Logger;
  metrics: Metrics;
  production: boolean;
  isReady: () => Promise<boolean>;
  context: (request: RequestInfo) => Promise<C> | C;
  /** Establishes the actor from the request headers; throwing (an UnauthenticatedError) refuses the request with 401 UNAUTHENTICATED. */
  authenticate: (headers: http.IncomingHttpHeaders) => Promise<Caller>;
  plugins?: ApolloServerPlugin<C>[];
  validationRules?: ValidationRule[];
  /** Largest accepted request body; larger ones are refused before parsing. */
  bodyLimit?: string;
  /** Introspection; default: on except in production (the gateway decides per caller instead). */
  introspection?: boolean;
  /** What a browser gets at GET /graphql; default none (Apollo's landing page loads Apollo's CDN). */
  landingPage?: ApolloServerPlugin<C>;
  /** More HTTP routes (pages, static files), mounted before /graphql. */
  routes?: (app: Express) => void;
  /** Express handlers run on /graphql after the body is parsed, before Apollo (e.g. resolving trusted-document hashes). */
  requestHandlers?: express.RequestHandler[];
  /** Parsing stops past this many tokens (refused as QUERY_LIMIT_EXCEEDED), before any validation rule runs. */
  maxTokens?: number;
  /** How long `/ready` answers 503 while requests are still served, before the listener closes (SHUTDOWN_DELAY_MS). */
  shutdownDelayMs?: number;
  /** The process's start-up phases so far; the server adds its own (`server`) and serves them on /metrics. */
  startup?: StartupClock;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Answers `/ready` 503 for the shutdown delay, then stops accepting, drains in-flight requests, and resolves. */
  stop(): Promise<void>;
}

/** One line per request at info, with its request id, operation and duration; the request and error metrics. */
function requestLogPlugin<C extends BaseContext>(metrics: Metrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, errors, response }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.requests.observe({ operation: operationLabel(operationName) }, seconds);
          // The errors as the client sees them (after masking), by their code.
          const sent = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of sent ?? []) metrics.errors.inc({ code: errorCodeLabel(error.extensions?.code) });
          const { logger } = contextValue as unknown as RequestInfo;
          logger?.info({ operation: operationName, ms: Math.round(seconds * 1000), errors: errors?.length ?? 0 }, 'graphql');
        },
      };
    },
  };
}

/** Starts a GraphQL HTTP server (subgraph or gateway) with health, readiness, metrics and draining. */
export async function startGraphQLServer<C extends BaseContext>(options: GraphQLServerOptions<C>): Promise<RunningServer> {
  const startup = options.startup ?? new StartupClock();
  startup.register(options.metrics.registry);
  const drain = createDrain(options.isReady, options.shutdownDelayMs ?? 0);
  const app = createHttpApp(drain.isReady, options.metrics, () => drain.draining);
  const httpServer = http.createServer(app);
  // Keep-alive sockets stay open longer than the gateway keeps them idle (30 s), so it is the client that
  // closes an idle one, never the server just as a request goes out on it (Node's default is 5 s).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const apollo = new ApolloServer<C>({
    ...(options.gateway ? { gateway: options.gateway } : { schema: options.schema as GraphQLSchema }),
    formatError: errorFormatter(options.logger),
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection ?? !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    csrfPrevention: true,
    // runProcess owns SIGTERM/SIGINT: it drains, stops relays and closes the database in order. Apollo's own
    // handler would run a second stop() alongside, and a stop() that meets one under way never returns.
    stopOnTerminationSignals: false,
    validationRules: options.validationRules,
    parseOptions: options.maxTokens ? { maxTokens: options.maxTokens } : {},
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Traces would only feed Apollo's hosted reporting, which we never send to.
      ...(options.gateway ? [] : [ApolloServerPluginInlineTraceDisabled()]),
      requestLogPlugin<C>(options.metrics),
      graphqlSpanPlugin<C>(),
      options.landingPage ?? ApolloServerPluginLandingPageDisabled(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();
  options.routes?.(app);
  app.use(
    '/graphql',
    requireJsonPost,
    express.json({ limit: options.bodyLimit ?? '256kb' }),
    // After the body parser: its stream callbacks would run outside the span's context.
    serverSpans(options.name),
    // Messages follow the request: Accept-Language, else (once known) the caller's default, else Chinese.
    (req, res, next) =>
      inRequestLocale(req.headers['accept-language'], () => {
        res.setHeader('content-language', currentLocale());
        next();
      }),
    ...(options.requestHandlers ?? []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req.headers);
        let caller: Caller;
        try {
          caller = await options.authenticate(req.headers);
        } catch (error) {
          options.logger.child({ requestId }).info({ reason: (error as Error).message }, 'unauthenticated request refused');
          options.metrics.errors.inc({ code: 'UNAUTHENTICATED' });
          throw requestRefusal(error instanceof DomainError ? error : new UnauthenticatedError(), 401);
        }
        const { locale: preferred, ...actor } = caller;
        const locale = preferCallerLocale(preferred);
        res.setHeader('content-language', locale);
        return options.context({
          requestId,
          // One child logger per request (pino's child() is a measurable share of the per-request CPU).
          logger: options.logger.child({ requestId, actor: actor.sub, role: actor.role }),
          headers: req.headers,
          actor,
          locale,
        });
      },
    }),
  );
  app.use(notFoundHandler, requestErrorHandler(options.logger));
  // A port already taken rejects the start (an unhandled 'error' event would leave it waiting for ever).
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '0.0.0.0', () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await apollo.stop();
    throw error;
  });
  const port = (httpServer.address() as AddressInfo).port;
  startup.mark('server');
  options.logger.info({ port, startup: startup.phases }, `${options.name} listening`);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    stop: async () => {
      await drain.begin();
      await apollo.stop();
    },
  };
}
