import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

interface ComposeService {
  image?: string;
  build?: { dockerfile: string; args?: Record<string, string> };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string | number>;
  entrypoint?: string[];
  command?: string[];
  restart?: string;
}

/** No Docker engine runs here, so the file is checked with a real Compose parser (Debian's docker-compose). */
describe('docker-compose.yml', () => {
  const config = (env: NodeJS.ProcessEnv = {}) =>
    execFileSync('docker-compose', ['-f', join(root, 'docker-compose.yml'), 'config'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  // docker-compose v1 prints YAML only; its own YAML library (python3-yaml, which it depends on) turns it into JSON.
  const parse = (env: NodeJS.ProcessEnv): Record<string, ComposeService> =>
    JSON.parse(execFileSync('python3', ['-c', 'import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], { input: config(env), encoding: 'utf8' })).services;
  let defaults: Record<string, ComposeService> | undefined;
  // Each docker-compose run takes about a second: the default configuration is parsed once.
  const services = (env?: NodeJS.ProcessEnv) => (env ? parse(env) : (defaults ??= parse({})));

  it('is a valid Compose file', () => {
    expect(config).not.toThrow();
  });

  it('runs Postgres, Kafka in KRaft mode, the four services and the gateway, each its own image of the production Dockerfile', () => {
    const text = config();
    for (const service of ['postgres:', 'kafka:', 'organizations:', 'members:', 'resources:', 'activities:', 'gateway:']) expect(text).toContain(`  ${service}`);
    expect(text).toContain('image: apache/kafka');
    expect(text).toContain('KAFKA_PROCESS_ROLES: broker,controller');
    const all = services();
    const builds = Object.fromEntries(['gateway', 'organizations', 'members', 'resources', 'activities', 'analytics'].map((name) => [name, all[name].build]));
    expect(builds).toEqual({
      gateway: { context: root, dockerfile: 'infra/docker/Dockerfile', args: { WORKSPACE: 'gateway', PORT: '4000' } },
      organizations: { context: root, dockerfile: 'infra/docker/Dockerfile', args: { WORKSPACE: 'services/organizations', PORT: '4001' } },
      members: { context: root, dockerfile: 'infra/docker/Dockerfile', args: { WORKSPACE: 'services/members', PORT: '4002' } },
      resources: { context: root, dockerfile: 'infra/docker/Dockerfile', args: { WORKSPACE: 'services/resources', PORT: '4003' } },
      activities: { context: root, dockerfile: 'infra/docker/Dockerfile', args: { WORKSPACE: 'services/activities', PORT: '4004' } },
      analytics: { context: root, dockerfile: 'infra/docker/Dockerfile', args: { WORKSPACE: 'services/analytics', PORT: '4005' } },
    });
  });

  it('creates the four event topics once Kafka is healthy, with a configurable partition count (default 6)', () => {
    const init = services()['kafka-init'];
    expect(init.image).toMatch(/^apache\/kafka:/);
    expect(init.restart).toBe('no');
    expect(init.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
    const script = [...(init.entrypoint ?? []), ...(init.command ?? [])].join(' ');
    expect(script).toContain('for service in organizations members resources activities');
    expect(script).toMatch(/kafka-topics\.sh .*--create --if-not-exists/s);
    expect(script).toContain('--topic "$$service.events.v1" --partitions "$$KAFKA_TOPIC_PARTITIONS"');
    expect(init.environment).toEqual({ KAFKA_TOPIC_PARTITIONS: '6' });
    expect(services({ KAFKA_TOPIC_PARTITIONS: '12' })['kafka-init'].environment).toEqual({ KAFKA_TOPIC_PARTITIONS: '12' });
    expect(services().kafka.environment).toMatchObject({ KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false' });
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

  it('runs the analytics consumer from its Dockerfile, on its own database, in its own consumer group', () => {
    const analytics = services().analytics;
    expect(analytics.build?.args?.WORKSPACE).toBe('services/analytics');
    expect(analytics.environment).toMatchObject({
      PORT: 4005,
      KAFKA_BROKERS: 'kafka:9092',
      KAFKA_GROUP_ID: 'cpb-analytics',
      DATABASE_URL: 'postgres://postgres:postgres@postgres:5432/cpb_analytics',
    });
  });
});
