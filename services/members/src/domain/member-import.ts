import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { msg, today, translateConstraint, useCase } from '@cpb/kit';
import {
  checkSheet,
  ImportLedger,
  sortAgainstRecorded,
  toCommit,
  uncommitted,
  type CheckedFile,
  type ImportReport,
} from '@cpb/kit/spreadsheets';
import { insertImportedMembers, recordedIdNumbers } from '../data/member-import-store';
import { OrganizationGate } from '../data/organization-gate';
import type { Member } from '../entities';
import { importEvents, memberEvents } from '../events';
import { idNumberTaken } from './member-records';
import { headerOf, memberColumns, type MemberColumn } from './member-import-columns';
import { duplicateIdNumbers, readMemberRow, type MemberRow } from './member-import-rows';
import { resolveOrganizations, type ImportOrganization } from './member-import-organizations';
import type { Services } from './services';

/** One import takes at most this many rows (the target is 10,000 in under 30 s). */
export const MAX_IMPORT_ROWS = 20_000;

export type MemberImportReport = ImportReport;
type Checked = CheckedFile<MemberRow, MemberColumn>;

/**
 * Imports a member roster (.xlsx or CSV): every row checked by createMember's rules before any is
 * written, then all rows in one transaction or none, each member with its member.recorded event and
 * the import with one audit entry (member-import.committed). A file imported before creates nothing;
 * a row whose ID number an earlier import brought in is skipped; any other repeat is an error.
 * Each row is checked as it comes off the sheet (its cells are not kept); the transaction writes the
 * checked rows a slice at a time (the kit's ImportLedger.commit), so memory holds one slice's members,
 * events and JSON, not the file's.
 */
export const importMembers = useCase({
  async authorize({ policy, dataSource }: Services & { dataSource: DataSource }, args: { file: Buffer; dryRun: boolean }) {
    policy.permitRole('importMembers');
    const on = today();
    const { checked, valid } = await checkSheet<MemberRow, MemberColumn>(
      args,
      { columns: memberColumns, maxRows: MAX_IMPORT_ROWS },
      (row) => readMemberRow(row, on),
    );
    const repeats = duplicateIdNumbers(valid);
    checked.findings.push(...repeats);
    const repeated = new Set(repeats.map((f) => f.row));
    const ledger = new ImportLedger('member', dataSource);
    checked.previous = await ledger.importOf(checked.file.fingerprint);
    const recorded = await recordedIdNumbers(
      dataSource,
      valid.map((r) => r.idNumber),
    );
    const imported = await ledger.importedAmong([...recorded.values()]);
    sortAgainstRecorded(
      checked,
      valid.filter((v) => !repeated.has(v.row)),
      (r) => recorded.get(r.idNumber),
      imported,
      (r) => ({ column: 'idNumber', value: r.idNumber, message: msg('import.duplicateInDatabase', { field: headerOf.idNumber }) }),
    );
    return checked;
  },
  async gather({ peers, policy }: Services, checked: Checked) {
    // All the file's organisations in two calls, whatever the row count.
    const organizations = await resolveOrganizations(peers, policy, checked.rows);
    for (const r of checked.rows) {
      const found = organizations.get(r.organizationRef);
      if (found && 'finding' in found)
        checked.findings.push({ row: r.row, column: 'organization', value: r.organizationRef, message: found.finding });
    }
    return { checked, organizations };
  },
  async change({ tx, outbox, actor }, { checked, organizations }) {
    if (!toCommit(checked)) return uncommitted(checked, headerOf);
    const gate = new OrganizationGate(tx);
    for (const organization of new Set([...organizations.values()].filter((o): o is ImportOrganization => 'id' in o)))
      await gate.holdOpen(organization.id, organization.name);
    return new ImportLedger('member', tx).commit(outbox, actor, checked, headerOf, {
      entityOf: ({ row: _row, organizationRef, ...person }): Member => ({
        ...person,
        id: randomUUID(),
        organizationId: (organizations.get(organizationRef) as ImportOrganization).id,
        applicantId: null,
        workUnitId: null,
        residenceCommunityId: null,
      }),
      insert: (members) => insertImportedMembers(tx, members).catch((error: unknown) => translateConstraint(error, idNumberTaken)),
      eventOf: memberEvents.recorded,
      summary: importEvents.committed,
    });
  },
});
