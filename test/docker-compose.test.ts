import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** No Docker engine runs here, so the file is checked with a real Compose parser (Debian's docker-compose). */
describe('docker-compose.yml', () => {
  const config = () => execFileSync('docker-compose', ['-f', join(root, 'docker-compose.yml'), 'config'], { cwd: root, encoding: 'utf8' });

  it('is a valid Compose file', () => {
    expect(config).not.toThrow();
  });

  it('runs Postgres, Kafka in KRaft mode, the four services and the gateway, each built from its own Dockerfile', () => {
    const text = config();
    for (const service of ['postgres:', 'kafka:', 'organizations:', 'members:', 'resources:', 'activities:', 'gateway:']) expect(text).toContain(`  ${service}`);
    expect(text).toContain('image: apache/kafka');
    expect(text).toContain('KAFKA_PROCESS_ROLES: broker,controller');
    for (const dockerfile of ['services/organizations/Dockerfile', 'services/members/Dockerfile', 'services/resources/Dockerfile', 'services/activities/Dockerfile', 'gateway/Dockerfile']) {
      expect(text).toContain(`dockerfile: ${dockerfile}`);
    }
  });
});
