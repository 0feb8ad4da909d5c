import { join } from 'node:path';
import { World } from '@cpb/demo-world';
import { loadTypeDefs, type SubgraphDefinition } from '@cpb/kit';
import { subgraph, subgraphs } from '@cpb/subgraphs';
import { createContext, type Context } from './context';
import { entities } from './entities';
import { imports } from './imports';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { seedWorld } from './seed';

/** The activities subgraph, assembled without side effects (tests start it in-process). */
export const activities: SubgraphDefinition<Context, World> = {
  ...subgraph('activities'),
  peers: subgraphs,
  typeDefs: loadTypeDefs(join(__dirname, '..', 'schema.graphql')),
  resolvers,
  entities,
  migrations,
  createContext,
  imports,
  demo: { world: () => new World(), seed: seedWorld },
};
