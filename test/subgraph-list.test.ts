import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { eventTopic } from '@cpb/kit';
import { subgraph, subgraphNames, subgraphs } from '@cpb/subgraphs';
import { streams } from '../scripts/events/catalogue';
import { subgraphDefinitions } from '../scripts/lib/subgraph-definitions';

// Issue 12, item 5: one list of the subgraphs (services/subgraphs/src/subgraphs.json) that the gateway,
// the services, scripts, ESLint and the tests read. These checks keep it true to the repository.
const root = join(__dirname, '..');

describe('the list of subgraphs', () => {
  it('names every folder under services/ that holds a subgraph schema, and nothing else', () => {
    const withSchema = readdirSync(join(root, 'services')).filter((dir) => existsSync(join(root, 'services', dir, 'schema.graphql')));
    expect([...subgraphNames].sort()).toEqual(withSchema.sort());
  });

  it('gives each subgraph its own port, its <NAME>_URL variable and the topic its outbox relay publishes to', () => {
    expect(new Set(subgraphs.map((s) => s.port)).size).toBe(subgraphs.length);
    for (const s of subgraphs) {
      expect({ name: s.name, urlVariable: s.urlVariable, topic: s.topic }).toEqual({
        name: s.name,
        urlVariable: `${s.name.toUpperCase()}_URL`,
        topic: eventTopic(s.name),
      });
    }
  });

  it('is what each service is defined from: its name, port and peers', async () => {
    const definitions = await subgraphDefinitions();
    expect(definitions.map((d) => ({ name: d.name, port: d.port, peers: d.peers.map((p) => p.name) }))).toEqual(
      subgraphs.map((s) => ({ name: s.name, port: s.port, peers: subgraphNames })),
    );
  });

  it('holds every producer the event catalogue names', () => {
    for (const stream of streams) expect(subgraph(stream.service).name).toBe(stream.service);
  });

  it('refuses a name it does not hold', () => {
    expect(() => subgraph('dues')).toThrow('No subgraph is named dues: the subgraphs are organizations, members, resources, activities');
  });
});
