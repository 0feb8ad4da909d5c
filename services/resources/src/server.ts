import { join } from 'node:path';
import { World } from '@cpb/demo-world';
import { loadTypeDefs, type SubgraphDefinition } from '@cpb/kit';
import { subgraph, subgraphs } from '@cpb/subgraphs';
import { createContext, type Context } from './context';
import { entities } from './entities';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { reactions } from './reactions';
import { agreementExpiry } from './domain';
import { seedWorld } from './seed';

/** The resources subgraph, assembled without side effects (tests start it in-process). */
export const resources: SubgraphDefinition<Context, World> = {
  ...subgraph('resources'),
  peers: subgraphs,
  typeDefs: loadTypeDefs(join(__dirname, '..', 'schema.graphql')),
  resolvers,
  entities,
  migrations,
  createContext,
  demo: { world: () => new World(), seed: seedWorld },
  reactions,
  scheduledSteps: [agreementExpiry],
};
