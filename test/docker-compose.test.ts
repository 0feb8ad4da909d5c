import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subgraphs } from '@cpb/subgraphs';
import { checkComposeFile, checkComposeText, type ComposeService } from './compose/compose-file';

const root = join(__dirname, '..');
const file = join(root, 'docker-compose.yml');
const text = readFileSync(file, 'utf8');

/**
 * No Docker engine and no Compose binary are needed: the file is checked against the Compose
 * Specification's JSON Schema and Compose's own consistency rules (test/compose/README.md).
 */
describe('docker-compose.yml', () => {
  const check = (env: NodeJS.ProcessEnv = {}) => checkComposeFile(file, env);
  const services = (env?: NodeJS.ProcessEnv): Record<string, ComposeService> => check(env).config.services;
  const environment = (service: ComposeService) => service.environment as Record<string, unknown>;
  const script = (service: ComposeService) => [service.entrypoint ?? [], service.command ?? []].flat().join(' ');

  it('is a valid Compose file, with every variable defaulted', () => {
    expect(check().problems).toEqual([]);
  });

  it('runs Postgres, Kafka in KRaft mode, the four services and the gateway, each its own image of the production Dockerfile', () => {
    const all = services();
    expect(Object.keys(all).sort()).toEqual([
      'activities',
      'analytics',
      'gateway',
      'kafka',
      'kafka-init',
      'members',
      'organizations',
      'postgres',
      'resources',
    ]);
    expect(all.postgres.image).toMatch(/^postgres:/);
    expect(all.kafka.image).toMatch(/^apache\/kafka:/);
    expect(environment(all.kafka).KAFKA_PROCESS_ROLES).toBe('broker,controller');
    const builds = Object.fromEntries(
      ['gateway', 'organizations', 'members', 'resources', 'activities', 'analytics'].map((name) => [name, all[name].build]),
    );
    const image = (workspace: string, port: string) => ({
      context: '.',
      dockerfile: 'infra/docker/Dockerfile',
      args: { WORKSPACE: workspace, PORT: port },
    });
    expect(builds).toEqual({
      gateway: image('gateway', '4000'),
      organizations: image('services/organizations', '4001'),
      members: image('services/members', '4002'),
      resources: image('services/resources', '4003'),
      activities: image('services/activities', '4004'),
      analytics: image('services/analytics', '4005'),
    });
  });

  it('creates the four event topics and their replay topics once Kafka is healthy, with a configurable partition count (default 6) and retention (default 400 days, never compacted)', () => {
    const init = services()['kafka-init'];
    expect(init.image).toMatch(/^apache\/kafka:/);
    expect(init.restart).toBe('no');
    expect(init.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
    expect(script(init)).toContain('for service in organizations members resources activities');
    expect(script(init)).toMatch(/kafka-topics\.sh .*--create --if-not-exists/s);
    // `$$` is Compose's escape for a `$` the container's shell sees.
    expect(script(init)).toContain('for topic in "$service.events.v1" "$service.events.v1.replay"');
    expect(script(init)).toContain('--topic "$topic" --partitions "$KAFKA_TOPIC_PARTITIONS"');
    expect(script(init)).toContain(
      '--config cleanup.policy=delete --config retention.ms="$KAFKA_TOPIC_RETENTION_MS" --config retention.bytes=-1',
    );
    expect(init.environment).toEqual({ KAFKA_TOPIC_PARTITIONS: '6', KAFKA_TOPIC_RETENTION_MS: String(400 * 24 * 3600 * 1000) });
    expect(services({ KAFKA_TOPIC_PARTITIONS: '12', KAFKA_TOPIC_RETENTION_MS: '-1' })['kafka-init'].environment).toEqual({
      KAFKA_TOPIC_PARTITIONS: '12',
      KAFKA_TOPIC_RETENTION_MS: '-1',
    });
    expect(environment(services().kafka)).toMatchObject({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' });
  });

  it('starts every service and analytics only after the topics exist and Postgres is healthy', () => {
    const all = services();
    for (const name of ['organizations', 'members', 'resources', 'activities', 'analytics']) {
      expect({ name, depends_on: all[name].depends_on }).toEqual({
        name,
        depends_on: { postgres: { condition: 'service_healthy' }, 'kafka-init': { condition: 'service_completed_successfully' } },
      });
    }
  });

  // The file is YAML and cannot import the list of subgraphs (@cpb/subgraphs): this keeps it in step.
  it('runs every subgraph of the list on its port and database, tells the gateway and every subgraph where each answers, and creates its topic', () => {
    const all = services();
    const urls = Object.fromEntries(subgraphs.map((s) => [s.urlVariable, `http://${s.name}:${s.port}/graphql`]));
    for (const s of subgraphs) {
      expect({ name: s.name, build: all[s.name].build }).toEqual({
        name: s.name,
        build: { context: '.', dockerfile: 'infra/docker/Dockerfile', args: { WORKSPACE: `services/${s.name}`, PORT: String(s.port) } },
      });
      expect(environment(all[s.name])).toMatchObject({
        PORT: s.port,
        DATABASE_URL: `postgres://postgres:postgres@postgres:5432/cpb_${s.name}`,
        ...urls,
      });
      expect(s.topic).toBe(`${s.name}.events.v1`);
    }
    expect(environment(all.gateway)).toMatchObject(urls);
    expect(script(all['kafka-init'])).toContain(`for service in ${subgraphs.map((s) => s.name).join(' ')};`);
  });

  it('runs the analytics consumer from its Dockerfile, on its own database, in its own consumer group', () => {
    const analytics = services().analytics;
    expect(analytics.build).toMatchObject({ args: { WORKSPACE: 'services/analytics' } });
    expect(analytics.environment).toMatchObject({
      PORT: 4005,
      KAFKA_BROKERS: 'kafka:9092',
      KAFKA_GROUP_ID: 'cpb-analytics',
      DATABASE_URL: 'postgres://postgres:postgres@postgres:5432/cpb_analytics',
    });
  });
});

/** The checks must fail on a broken file: each case breaks the real file in one way. */
describe('a broken Compose file fails the check', () => {
  const change = (before: string, from: string | RegExp, to: string) => {
    const after = before.replace(from, to);
    expect(after).not.toBe(before);
    return after;
  };
  const broken = (from: string | RegExp, to: string, env: NodeJS.ProcessEnv = {}) =>
    checkComposeText(change(text, from, to), root, env).problems;
  const brokenTwice = (first: [string, string], second: [string, string]) =>
    checkComposeText(change(change(text, ...first), ...second), root, {}).problems;

  it('a misspelt service key', () => {
    expect(broken('    restart: "no"', '    restrat: "no"')).toContain(
      'services.kafka-init: must NOT have additional properties ("restrat")',
    );
  });

  it('an unknown depends_on condition', () => {
    expect(broken('condition: service_completed_successfully', 'condition: service_finished')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^services\.[a-z]+\.depends_on\.kafka-init\.condition: must be equal to one of the allowed values/),
      ]),
    );
  });

  it('a value of the wrong type', () => {
    expect(broken('    ports:\n      - "4000:4000"', '    ports: "4000:4000"')).toContain(
      'services.gateway.ports: must be array ("array")',
    );
  });

  it('a top-level key the specification does not have', () => {
    expect(broken(/^volumes:/m, 'volume:')).toContain('(top level): must NOT have additional properties ("volume")');
  });

  it('a dependency on a service that does not exist', () => {
    expect(
      broken(
        '      kafka:\n        condition: service_healthy\n    environment:\n      KAFKA_TOPIC',
        '      kafka-broker:\n        condition: service_healthy\n    environment:\n      KAFKA_TOPIC',
      ),
    ).toEqual(['services.kafka-init.depends_on: undefined service "kafka-broker"']);
  });

  it('a named volume that is not declared', () => {
    expect(broken('      - kafka-data:/var/lib/kafka/data', '      - kafka-logs:/var/lib/kafka/data')).toEqual([
      'services.kafka.volumes: undefined volume "kafka-logs"',
    ]);
  });

  it('a Dockerfile that does not exist', () => {
    expect(
      broken(
        'dockerfile: infra/docker/Dockerfile, args: { WORKSPACE: gateway',
        'dockerfile: infra/docker/Dockerfile.prod, args: { WORKSPACE: gateway',
      ),
    ).toEqual(['services.gateway.build.dockerfile: no file infra/docker/Dockerfile.prod in .']);
  });

  it('a dependency cycle', () => {
    const gatewayWaitsForAnalytics: [string, string] = ['  gateway:\n    build:', '  gateway:\n    depends_on: [analytics]\n    build:'];
    const analyticsBuild =
      '    build: { context: ., dockerfile: infra/docker/Dockerfile, args: { WORKSPACE: services/analytics, PORT: "4005" } }';
    expect(broken(...gatewayWaitsForAnalytics)).toEqual([]);
    const analyticsWaitsForGateway: [string, string] = [analyticsBuild, `    depends_on: [gateway]\n${analyticsBuild}`];
    expect(brokenTwice(gatewayWaitsForAnalytics, analyticsWaitsForGateway)).toEqual([
      'depends_on: a cycle gateway -> analytics -> gateway',
    ]);
  });

  it('a required variable without a value, a variable without a default, and a lone $', () => {
    expect(broken('${JWT_SECRET:-compose-jwt-secret-replace-me}', '${JWT_SECRET:?set JWT_SECRET}')).toEqual([
      'services.gateway.environment.JWT_SECRET: required variable JWT_SECRET is missing a value: set JWT_SECRET',
    ]);
    expect(broken('${JWT_SECRET:-compose-jwt-secret-replace-me}', '${JWT_SECRET:?set JWT_SECRET}', { JWT_SECRET: 's3cret' })).toEqual([]);
    expect(broken('${JWT_SECRET:-compose-jwt-secret-replace-me}', '${JWT_SECRET}')).toEqual([
      'services.gateway.environment.JWT_SECRET: variable JWT_SECRET is used without a default (${JWT_SECRET:-…}) and is not set',
    ]);
    expect(broken('"$$service.events.v1"', '"$service.events.v1"')[0]).toMatch(
      /^services\.kafka-init\.command\[0\]: variable service is used without a default/,
    );
    expect(broken('KAFKA_NUM_PARTITIONS: 6', 'KAFKA_NUM_PARTITIONS: "6$"')).toEqual([
      'services.kafka.environment.KAFKA_NUM_PARTITIONS: invalid interpolation format "6$": a lone $ (write $$ for a literal one)',
    ]);
  });

  it('text that is not YAML', () => {
    expect(broken('services:', 'services: [')[0]).toMatch(/^not YAML: /);
  });
});
