/**
 * Replicas that start together on an empty database (a new deployment scaled to three) migrate it
 * once: the migrations run under an advisory lock, so none fails on a table another just created.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dropDatabase, startSubgraph, withKitMigrations, type RunningSubgraph } from '@cpb/kit';
import { TEST_SERVER_URL } from '@cpb/kit/testing';
import { members } from '@cpb/members';

describe('three instances of one service starting at once on an empty database', () => {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/t_race_${randomBytes(4).toString('hex')}`;
  let instances: RunningSubgraph[] = [];

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await dropDatabase(url.toString());
  });

  it('apply every migration exactly once and all three become ready', async () => {
    const env = { NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url.toString() } as const;
    // The database does not exist yet either: creating it races too.
    const started = await Promise.allSettled([startSubgraph(members, env), startSubgraph(members, env), startSubgraph(members, env)]);
    instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started']);

    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; times: number }>(
        'SELECT name, count(*)::int AS times FROM migrations GROUP BY name ORDER BY name',
      );
      const expected = withKitMigrations(members.migrations)
        .map((m) => m.name)
        .sort();
      expect(rows.map((r) => r.name)).toEqual(expected);
      expect(rows.filter((r) => r.times !== 1)).toEqual([]);
    } finally {
      await client.end();
    }
    for (const instance of instances) {
      const ready = await fetch(instance.server.url.replace(/\/graphql$/, '/ready'));
      expect(ready.status).toBe(200);
    }
  });
});
