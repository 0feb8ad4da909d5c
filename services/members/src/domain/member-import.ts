import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ConflictError, msg, render, today, translateConstraint, useCase, type OrganizationFacts } from '@cpb/kit';
import { annotatedFile, readSheet, type RowError, type SheetTable } from '@cpb/kit/spreadsheets';
import { MemberImportReads, MemberImportStore } from '../data/member-import-store';
import { OrganizationGate } from '../data/organization-gate';
import type { Member } from '../entities';
import { importEvents, memberEvents } from '../events';
import { idNumberTaken } from './member-records';
import { headerOf, memberColumns } from './member-import-columns';
import { duplicatesInFile, readMemberRow, type Finding, type MemberRow } from './member-import-rows';
import { resolveOrganizations } from './member-import-organizations';
import type { Services } from './services';

/** One import takes at most this many rows (the target is 10,000 in under 30 s). */
export const MAX_IMPORT_ROWS = 20_000;

/** What an import answers, as data (the annotated file is built from it on request). */
export interface MemberImportReport {
  importId: string | null;
  fingerprint: string;
  format: 'xlsx' | 'csv';
  dryRun: boolean;
  /** Whether this call wrote the rows (never on a dry run, never with errors). */
  committed: boolean;
  /** The same file was imported before: nothing new was created. */
  alreadyImported: boolean;
  rowCount: number;
  createdCount: number;
  /** Rows whose ID number an earlier import already brought in (re-importing creates nothing new). */
  skippedRows: number[];
  errorCount: number;
  errors: RowError[];
}

interface Checked {
  table: SheetTable;
  dryRun: boolean;
  rows: MemberRow[];
  skipped: MemberRow[];
  findings: Finding[];
  previous: { id: string } | null;
}

const asRowError = (f: Finding): RowError => ({
  row: f.row,
  column: headerOf[f.column],
  value: f.value,
  message: render(f.message),
  messageKey: f.message.key,
});

function report(checked: Checked, outcome: { importId: string | null; committed: boolean; createdCount: number }): MemberImportReport {
  const errors = checked.findings.sort((a, b) => a.row - b.row).map(asRowError);
  return {
    ...outcome,
    fingerprint: checked.table.fingerprint,
    format: checked.table.format,
    dryRun: checked.dryRun,
    alreadyImported: checked.previous !== null,
    rowCount: checked.table.rows.length,
    skippedRows: checked.skipped.map((r) => r.row),
    errorCount: errors.length,
    errors,
  };
}

/**
 * Imports a member roster (.xlsx or CSV): every row checked by createMember's rules before any is
 * written, then all rows in one transaction or none, each member with its member.recorded event and
 * the import with one audit entry (member-import.committed). A file imported before creates nothing;
 * a row whose ID number an earlier import brought in is skipped; any other repeat is an error.
 */
export const importMembers = useCase({
  async authorize({ policy, dataSource }: Services & { dataSource: DataSource }, args: { file: Buffer; dryRun: boolean }) {
    policy.permitRole('importMembers');
    const table = await readSheet(args.file, { columns: memberColumns, maxRows: MAX_IMPORT_ROWS });
    const on = today();
    const findings: Finding[] = [];
    const valid: MemberRow[] = [];
    for (const row of table.rows) {
      const { member, findings: found } = readMemberRow(row, on);
      findings.push(...found);
      if (member) valid.push(member);
    }
    const repeats = duplicatesInFile(valid);
    findings.push(...repeats);
    const repeated = new Set(repeats.map((f) => f.row));
    const reads = new MemberImportReads(dataSource);
    const previous = await reads.importOf(table.fingerprint);
    const recorded = await reads.recorded(valid.map((r) => r.idNumber));
    const rows: MemberRow[] = [];
    const skipped: MemberRow[] = [];
    for (const r of valid.filter((v) => !repeated.has(v.row))) {
      const existing = recorded.get(r.idNumber);
      if (!existing) rows.push(r);
      else if (existing.imported) skipped.push(r);
      else
        findings.push({
          row: r.row,
          column: 'idNumber',
          value: r.idNumber,
          message: msg('import.duplicateInDatabase', { field: headerOf.idNumber }),
        });
    }
    return { table, dryRun: args.dryRun, rows, skipped, findings, previous };
  },
  async gather({ peers, policy }: Services, checked: Checked) {
    const organizations = await resolveOrganizations(peers, policy, checked.rows);
    for (const r of checked.rows) {
      const found = organizations.get(r.organizationRef);
      if (found && 'finding' in found)
        checked.findings.push({ row: r.row, column: 'organization', value: r.organizationRef, message: found.finding });
    }
    return { checked, organizations };
  },
  async change({ tx, outbox, actor }, { checked, organizations }) {
    if (checked.previous) return report(checked, { importId: checked.previous.id, committed: false, createdCount: 0 });
    if (checked.dryRun || checked.findings.length > 0) return report(checked, { importId: null, committed: false, createdCount: 0 });
    const members: Member[] = checked.rows.map(({ row: _row, organizationRef, ...person }) => ({
      ...person,
      id: randomUUID(),
      organizationId: (organizations.get(organizationRef) as OrganizationFacts).id,
      applicantId: null,
      workUnitId: null,
      residenceCommunityId: null,
    }));
    const gate = new OrganizationGate(tx);
    for (const organization of new Set([...organizations.values()].filter((o): o is OrganizationFacts => 'id' in o)))
      await gate.holdOpen(organization.id, organization.name);
    const store = new MemberImportStore(tx);
    await store.insertMembers(members).catch((error: unknown) => translateConstraint(error, idNumberTaken));
    const importId = randomUUID();
    await store
      .recordImport(
        {
          id: importId,
          fingerprint: checked.table.fingerprint,
          actorSub: actor.sub,
          rowCount: checked.table.rows.length,
          createdCount: members.length,
        },
        members.map((m, i) => ({ memberId: m.id, row: checked.rows[i].row })),
      )
      .catch((error: unknown) =>
        translateConstraint(error, { member_import_fingerprint_key: () => new ConflictError(msg('import.alreadyRunning')) }),
      );
    const summary = importEvents.committed({
      id: importId,
      fingerprint: checked.table.fingerprint,
      rowCount: checked.table.rows.length,
      createdCount: members.length,
      skippedCount: checked.skipped.length,
    });
    await outbox.emitBulk(members.map(memberEvents.recorded), summary);
    return report(checked, { importId, committed: true, createdCount: members.length });
  },
});

/** The user's own file with the report's findings in an added error column. */
export function annotatedReport(file: Buffer, result: MemberImportReport): Promise<Buffer> {
  return annotatedFile(file, result.format, result.errors);
}
