import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model. Needs and registrations are kept one row per need / registration rather than as
 * counters, so a second completed project of one need, or an end of a registration whose start was
 * never published (data seeded before the events existed), cannot push a count wrong or below zero.
 * Volunteering is a counter per community and month: the activities service credits each
 * participation once (and the consumer applies each event once).
 */
export class CreateReadModel1766000000001 implements MigrationInterface {
  name = 'CreateReadModel1766000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE community (
        community_id uuid PRIMARY KEY,
        name text,
        street_id uuid
      )`);
    await q.query(`
      CREATE TABLE community_month (
        community_id uuid NOT NULL REFERENCES community,
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
        volunteer_hours numeric NOT NULL DEFAULT 0 CHECK (volunteer_hours >= 0),
        participations integer NOT NULL DEFAULT 0 CHECK (participations >= 0),
        PRIMARY KEY (community_id, month)
      )`);
    await q.query(`
      CREATE TABLE registration (
        registration_id uuid PRIMARY KEY,
        community_id uuid NOT NULL REFERENCES community,
        registered boolean NOT NULL DEFAULT false,
        ended boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX registration_community_idx ON registration (community_id)`);
    await q.query(`
      CREATE TABLE need (
        need_id uuid PRIMARY KEY,
        community_id uuid NOT NULL REFERENCES community,
        raised boolean NOT NULL DEFAULT false,
        resolved boolean NOT NULL DEFAULT false
      )`);
    await q.query(`CREATE INDEX need_community_idx ON need (community_id)`);
    // One row: how far the read model has got, for dashboards to show how fresh it is.
    await q.query(`
      CREATE TABLE read_model_state (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        events_applied bigint NOT NULL DEFAULT 0,
        last_event_time timestamptz
      )`);
    await q.query(`INSERT INTO read_model_state DEFAULT VALUES`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_model_state, need, registration, community_month, community`);
  }
}
