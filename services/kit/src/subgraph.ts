import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import {
  INTERNAL_IDENTITY_HEADER,
  serviceActor,
  UnauthenticatedError,
  verifyIdentity,
  type Actor,
  type IdentityKeys,
  type VerifiedWith,
} from './auth';
import {
  acceptedKeysOf,
  assertProductionSecrets,
  secretOf,
  loadConfig,
  subgraphEnvSchema,
  urlOf,
  type SubgraphAddress,
  type SubgraphConfig,
} from './config';
import { openDatabase, scheduleStep, type Database, type ScheduledStep } from './database';
import { useTimeZone } from './clock';
import { createLogger, type Logger } from './logger';
import { msg } from './messages';
import {
  CreateAuditLog1764000000003,
  CreateOutbox1764000000001,
  CreateProcessedEvents1766000000000,
  IndexOutboxArchive1767000000000,
  AddOutboxTraceContext1767000000014,
  kafkaEnvSchema,
  outboxArchiveEnvSchema,
  startConsumer,
  startOutboxPruner,
  startRelay,
  type EventHandler,
  type Relay,
} from './events';
// The setting alone (zod), not the spreadsheets entry point, which loads exceljs.
import { importEnvSchema, useImportSliceRows } from './spreadsheets/import-settings';
import { CreateIdempotencyKeys1768000000000, idempotencyEnvSchema, startIdempotencyPruner, useIdempotencyTtl } from './idempotency';
import { createPeers, type Peers } from './peers';
import { transactor, type Transact } from './transact';
import { CursorSeal, guardArguments } from './input';
import {
  createMetrics,
  fileRoutes,
  IMPORT_MAX_BYTES,
  startGraphQLServer,
  StartupClock,
  type FileImport,
  type RequestInfo,
  type RunningServer,
} from './server';
import { observeConnectionPool, observeOutbox } from './telemetry';

/**
 * Everything that makes one subgraph service; built without side effects so tests compose it in-process.
 * Its name, default port and URL variable are its entry in the federation's list of subgraphs.
 */
export interface SubgraphDefinition<C extends object, W = unknown> extends SubgraphAddress {
  /** The subgraphs it may call (the federation's list): each becomes a client in `peers`. */
  peers: readonly SubgraphAddress[];
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  /** Per-request context: fresh DataLoaders, the request's logger, and clients of the other subgraphs. */
  createContext(runtime: ServiceRuntime, request: RequestInfo): C;
  /** Reactions to other services' events (applied once per event id); started when KAFKA_BROKERS is set. */
  reactions?: { groupId: string; topics: string[]; handle: EventHandler };
  /** Files it imports (issue 18), served at /imports/:kind behind the same identity check as /graphql (docs/decisions/0021). */
  imports?: Record<string, FileImport<C>>;
  /** The demo district this service writes its slice of when the database is empty (SEED_DEMO=true, scripts/seed). */
  demo?: DemoSeed<W>;
  /**
   * Steps the service runs on a schedule in every replica (e.g. expiring lapsed agreements or transfer
   * letters): each must make its effect once per row however many run at once, a conditional
   * `UPDATE … RETURNING` or `FOR UPDATE SKIP LOCKED` in one transaction with its outbox events.
   */
  scheduledSteps?: readonly ScheduledStepDefinition[];
}

/** A step run at start and then every `intervalMs` (default hourly), e.g. expiring transfers whose letters lapsed. */
export interface ScheduledStepDefinition {
  /** Names it in logs and in `RunningSubgraph.steps`. */
  component: string;
  /** Words the log line of a run that changed something. */
  describe: string;
  intervalMs?: number;
  /** One run; returns how many rows it changed. `transact` records the service itself as the author of its events. */
  run(runtime: Pick<ServiceRuntime, 'dataSource' | 'transact'>): Promise<number>;
}

/**
 * A demo data set, injected by the service (the kit knows no demo district): how to make the
 * default one, and how this service writes its slice of one (scripts/seed passes a larger world).
 */
export interface DemoSeed<W> {
  world(): W;
  seed(dataSource: DataSource, world: W, logger: Logger): Promise<void>;
}

/** What a service's context is built from: its database and its peers. */
export interface ServiceRuntime {
  dataSource: DataSource;
  peers: Peers;
  /** Runs a change and its outbox events in one transaction. */
  transact: Transact;
}

export interface RunningSubgraph {
  config: SubgraphConfig & { KAFKA_BROKERS?: string[] };
  database: Database;
  server: RunningServer;
  logger: Logger;
  /** Publishes the outbox to Kafka; absent without KAFKA_BROKERS. */
  relay?: Relay;
  /** The service's scheduled steps by component (tests run one now with `runNow`). */
  steps: Record<string, ScheduledStep>;
  stop(): Promise<void>;
}

/** The tables every service has (outbox, audit log, processed events, idempotency keys), added once here rather than listed by each service. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function withKitMigrations(migrations: MixedList<Function>): Function[] {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  const listed = Object.values(migrations) as Function[];
  const names = new Set(listed.map((m) => m.name));
  const kit = [
    CreateOutbox1764000000001,
    CreateAuditLog1764000000003,
    CreateProcessedEvents1766000000000,
    IndexOutboxArchive1767000000000,
    AddOutboxTraceContext1767000000014,
    CreateIdempotencyKeys1768000000000,
  ];
  return [...listed, ...kit.filter((m) => !names.has(m.name))];
}

/** Subgraphs answer only callers holding a valid identity signed with one of their accepted keys: the gateway and peers. */
function internalAuthenticator(keys: IdentityKeys, audience: string, verified: (key: VerifiedWith) => void) {
  return async (headers: NodeJS.Dict<string | string[]>): Promise<Actor> => {
    const token = headers[INTERNAL_IDENTITY_HEADER];
    if (typeof token !== 'string') throw new UnauthenticatedError(msg('auth.gatewayOnly'));
    try {
      const { actor, key } = await verifyIdentity(token, keys, audience);
      verified(key);
      return actor;
    } catch {
      throw new UnauthenticatedError(msg('auth.identityRefused'));
    }
  };
}

/**
 * The subgraph's executable schema, every argument checked by the kit before its resolver runs
 * (text, ids, cursors: see `guardArguments`). `secret` is the service's own; cursors are sealed with a key derived from it.
 */
export function subgraphSchema<C extends object>(definition: SubgraphDefinition<C>, secret: string) {
  const schema = buildSubgraphSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers as GraphQLResolverMap<unknown> });
  return guardArguments(schema, new CursorSeal(secret));
}

/** Starts a subgraph: validated config, its own database with migrations, then the HTTP server. */
export async function startSubgraph<C extends object>(
  definition: SubgraphDefinition<C>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningSubgraph> {
  const startup = new StartupClock();
  const config = loadConfig(
    subgraphEnvSchema(definition.port, definition.peers)
      .extend(kafkaEnvSchema.shape)
      .extend(outboxArchiveEnvSchema.shape)
      .extend(idempotencyEnvSchema.shape)
      .extend(importEnvSchema.shape),
    env,
  );
  assertProductionSecrets(config, [definition.name]);
  useTimeZone(config.TIME_ZONE);
  useIdempotencyTtl(config.IDEMPOTENCY_KEY_TTL_HOURS);
  useImportSliceRows(config.IMPORT_SLICE_ROWS);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const metrics = createMetrics(definition.name, config.NODE_ENV !== 'test');
  const database = await openDatabase({
    serviceName: definition.name,
    url: config.DATABASE_URL,
    poolMax: config.DATABASE_POOL_MAX,
    embeddedDataDir: config.EMBEDDED_DATA_DIR,
    entities: definition.entities,
    migrations: withKitMigrations(definition.migrations),
    logger,
    onStatement: () => metrics.statements.inc(),
    startup,
  });
  observeConnectionPool(metrics.registry, database.dataSource);
  observeOutbox(metrics.registry, database.dataSource, logger);
  try {
    if (config.SEED_DEMO && definition.demo) await definition.demo.seed(database.dataSource, definition.demo.world(), logger);
    startup.mark('seed');
    const schema = subgraphSchema(definition, secretOf(config, definition.name));
    const runtime: ServiceRuntime = {
      dataSource: database.dataSource,
      peers: createPeers(
        definition.peers.map((peer) => ({ name: peer.name, url: urlOf(config, peer), owns: peer.owns ?? [] })),
        config,
        logger,
        definition.name,
      ),
      transact: transactor(database.dataSource),
    };
    // Each request's changes are recorded as its actor's (audit trail); its peer calls carry its request id.
    const context = (request: RequestInfo) =>
      definition.createContext(
        { ...runtime, peers: runtime.peers.forRequest(request.requestId), transact: transactor(database.dataSource, request.actor) },
        request,
      );
    const authenticate = internalAuthenticator(acceptedKeysOf(config, definition.name), definition.name, (key) =>
      metrics.identities.inc({ key }),
    );
    const server = await startGraphQLServer<C>({
      name: definition.name,
      schema,
      port: config.PORT,
      host: config.HOST,
      logger,
      metrics,
      production: config.NODE_ENV === 'production',
      isReady: () => database.isReady(),
      shutdownDelayMs: config.SHUTDOWN_DELAY_MS,
      startup,
      context,
      authenticate,
      routes: definition.imports
        ? fileRoutes({ imports: definition.imports, authenticate, context, logger, maxBytes: IMPORT_MAX_BYTES })
        : undefined,
    });
    // Without KAFKA_BROKERS events wait in the outbox until a relay with a broker runs.
    const relay = config.KAFKA_BROKERS
      ? startRelay({
          dataSource: database.dataSource,
          service: definition.name,
          brokers: config.KAFKA_BROKERS,
          logger,
          leaderLock: !database.embedded,
          idempotent: config.KAFKA_IDEMPOTENT,
          batchSize: config.OUTBOX_RELAY_BATCH_SIZE,
          metrics: metrics.registry,
        })
      : undefined;
    // Published rows are the archive events:republish replays from; only those older than OUTBOX_ARCHIVE_DAYS go.
    const pruner = config.KAFKA_BROKERS
      ? startOutboxPruner({ dataSource: database.dataSource, keepDays: config.OUTBOX_ARCHIVE_DAYS, logger })
      : undefined;
    // Expired keys are ignored when met; the pruner only keeps the table small.
    const keys = startIdempotencyPruner({ dataSource: database.dataSource, logger });
    const stepRuntime = { dataSource: database.dataSource, transact: transactor(database.dataSource, serviceActor(definition.name)) };
    const steps = Object.fromEntries(
      (definition.scheduledSteps ?? []).map((step) => [
        step.component,
        scheduleStep({
          run: () => step.run(stepRuntime),
          logger,
          component: step.component,
          describe: step.describe,
          intervalMs: step.intervalMs,
        }),
      ]),
    );
    const reactions =
      config.KAFKA_BROKERS && definition.reactions
        ? startConsumer({
            dataSource: database.dataSource,
            brokers: config.KAFKA_BROKERS,
            logger,
            metrics: metrics.registry,
            ...definition.reactions,
          })
        : undefined;
    return {
      config,
      database,
      server,
      logger,
      relay,
      steps,
      async stop() {
        await server.stop();
        await Promise.all(Object.values(steps).map((step) => step.stop()));
        await reactions?.stop();
        await relay?.stop();
        await pruner?.stop();
        await keys.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
