import { ConfigError, kafkaEnvSchema, loadConfig, subgraphEnvSchema } from '../src';

describe('loadConfig', () => {
  it('applies the embedded-mode defaults', () => {
    const config = loadConfig(subgraphEnvSchema(4001), {});
    expect(config).toMatchObject({ PORT: 4001, DATABASE_POOL_MAX: 10, SEED_DEMO: false, NODE_ENV: 'development' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every wrong value in one message', () => {
    expect(() => loadConfig(subgraphEnvSchema(4001), { PORT: 'x', DATABASE_URL: 'not a url', SEED_DEMO: 'yes' })).toThrow(ConfigError);
    try {
      loadConfig(subgraphEnvSchema(4001), { PORT: 'x', DATABASE_URL: 'not a url', SEED_DEMO: 'yes' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('SEED_DEMO');
    }
  });

  it("reads the relay's batch size, 500 unless set, and refuses one it cannot use", () => {
    expect(loadConfig(kafkaEnvSchema, {}).OUTBOX_RELAY_BATCH_SIZE).toBe(500);
    expect(loadConfig(kafkaEnvSchema, { OUTBOX_RELAY_BATCH_SIZE: '10' }).OUTBOX_RELAY_BATCH_SIZE).toBe(10);
    for (const wrong of ['0', '-5', '2.5', 'many', '10001'])
      expect(() => loadConfig(kafkaEnvSchema, { OUTBOX_RELAY_BATCH_SIZE: wrong })).toThrow(/OUTBOX_RELAY_BATCH_SIZE/);
  });
});
