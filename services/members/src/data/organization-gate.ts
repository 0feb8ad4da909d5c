import type { EntityManager } from 'typeorm';
import { ConflictError, msg } from '@cpb/kit';

/** What closing an organisation's gate found: closed (now or before) only when it held nobody. */
export interface GateClosure {
  closed: boolean;
  memberCount: number;
}

/**
 * The per-organisation gate row (docs/decisions/0010), inside the caller's transaction. The row is
 * created on first use, so both sides always have a row to lock, whatever touched it first.
 */
export class OrganizationGate {
  constructor(private readonly tx: EntityManager) {}

  private async ensure(organizationId: string): Promise<void> {
    await this.tx.query(`INSERT INTO organization_gate (organization_id) VALUES ($1) ON CONFLICT (organization_id) DO NOTHING`, [
      organizationId,
    ]);
  }

  /**
   * Holds the gate open (FOR SHARE) until the transaction ends, so placements into one organisation
   * run side by side but never beside its closing; refuses (CONFLICT) once it is closed.
   */
  async holdOpen(organizationId: string, name: string): Promise<void> {
    await this.ensure(organizationId);
    const [gate]: { closed_at: Date | null }[] = await this.tx.query(
      `SELECT closed_at FROM organization_gate WHERE organization_id = $1 FOR SHARE`,
      [organizationId],
    );
    if (gate.closed_at) throw new ConflictError(msg('organization.dissolvedReceivesNoMembers', { name }));
  }

  /**
   * Closes the gate if the organisation holds no member, in one transaction: FOR UPDATE waits for
   * every placement holding it open, and the count (a statement after the lock) sees what they wrote.
   * Closing again is a no-op that reports closed.
   */
  async closeIfEmpty(organizationId: string): Promise<GateClosure> {
    await this.ensure(organizationId);
    const [gate]: { closed_at: Date | null }[] = await this.tx.query(
      `SELECT closed_at FROM organization_gate WHERE organization_id = $1 FOR UPDATE`,
      [organizationId],
    );
    const [{ n }]: { n: number }[] = await this.tx.query(`SELECT count(*)::int AS n FROM member WHERE organization_id = $1`, [
      organizationId,
    ]);
    if (gate.closed_at) return { closed: true, memberCount: n };
    if (n > 0) return { closed: false, memberCount: n };
    await this.tx.query(`UPDATE organization_gate SET closed_at = now() WHERE organization_id = $1`, [organizationId]);
    return { closed: true, memberCount: 0 };
  }
}
