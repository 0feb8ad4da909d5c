import type { DataSource, EntityManager } from 'typeorm';

/** An extension of a member's probation (延长预备期): at most one per member. */
export interface ProbationExtension {
  memberId: string;
  months: number;
  /** YYYY-MM-DD the branch decided it. */
  extendedOn: string;
  /** The end of the year of probation before the extension. */
  previousEndsOn: string;
  /** The new end of probation. */
  probationEndsOn: string;
  reason: string;
}

const COLUMNS = `member_id AS "memberId", months, extended_on::text AS "extendedOn", previous_ends_on::text AS "previousEndsOn",
  probation_ends_on::text AS "probationEndsOn", reason`;

/** Extensions of the given members, in one query (a page of members asks once). */
export async function probationExtensionsOf(
  dataSource: Pick<DataSource, 'query'>,
  memberIds: readonly string[],
): Promise<ProbationExtension[]> {
  return dataSource.query(`SELECT ${COLUMNS} FROM probation_extension WHERE member_id = ANY($1::uuid[])`, [memberIds]);
}

/** Within the change's transaction: the member's extension, if any (the member's row is already locked). */
export async function probationExtensionOf(tx: EntityManager, memberId: string): Promise<ProbationExtension | null> {
  const [found]: ProbationExtension[] = await tx.query(`SELECT ${COLUMNS} FROM probation_extension WHERE member_id = $1`, [memberId]);
  return found ?? null;
}

/** Records the extension and moves the member's end of probation; the key refuses a second one (`probation_extension_pkey`). */
export async function recordProbationExtension(tx: EntityManager, e: ProbationExtension): Promise<void> {
  await tx.query(
    `INSERT INTO probation_extension (member_id, months, extended_on, previous_ends_on, probation_ends_on, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.memberId, e.months, e.extendedOn, e.previousEndsOn, e.probationEndsOn, e.reason],
  );
  await tx.query(`UPDATE member SET probation_ends_on = $2, updated_at = now() WHERE id = $1`, [e.memberId, e.probationEndsOn]);
}
