import { INTERNAL_IDENTITY_HEADER, serviceActor, signInternal } from '../auth';
import { secretOf } from '../config';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '../subgraph';
import { createTestDatabase, type TestDatabase } from './test-database';
import { graphql, type GraphQLResponse } from '../graphql/client';

export interface TestSubgraph {
  running: RunningSubgraph;
  url: string;
  /** Sends an operation over HTTP, as the gateway would. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** SQL statements the service sent while `work` ran. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  stop(): Promise<void>;
}

/** Starts one subgraph in-process on a free port with its own fresh database on the real server. */
export async function startTestSubgraph<C extends object>(
  definition: SubgraphDefinition<C>,
  options: { seedDemo?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<TestSubgraph> {
  const database: TestDatabase = await createTestDatabase(definition.name);
  try {
    const running = await startSubgraph(definition, {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      DATABASE_POOL_MAX: '20',
      SEED_DEMO: options.seedDemo ? 'true' : 'false',
      ...options.env,
    });
    const url = running.server.url;
    return {
      running,
      url,
      // Signed as a trusted service, as the gateway or a peer would call it.
      query: async (query, variables) =>
        graphql(url, query, variables, {
          [INTERNAL_IDENTITY_HEADER]: await signInternal(serviceActor('test'), secretOf(running.config, definition.name), definition.name),
        }),
      async countStatements(work) {
        const before = running.database.statementCount();
        await work();
        return running.database.statementCount() - before;
      },
      async stop() {
        await running.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
