import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { check, checkIdNumber, DomainError, msg, today, useCase, type Peers } from '@cpb/kit';
import {
  checkSheet,
  codesAndNames,
  dateOf,
  duplicatesInFile,
  ImportLedger,
  refusalOf,
  resolveReferences,
  RowReader,
  sortAgainstRecorded,
  toCommit,
  uncommitted,
  type CheckedFile,
  type ReadRow,
  type SheetRow,
} from '@cpb/kit/spreadsheets';
import { TeamMembershipImportStore } from '../data/team-membership-import-store';
import type { TeamMembership, VolunteerTeam } from '../entities';
import { membershipImportEvents, teamEvents } from '../events';
import type { Policy } from './policy';
import type { Services } from './services';
import { membershipHeaderOf, teamMembershipColumns, type TeamMembershipColumn } from './team-membership-import-columns';
import { checkJoining } from './teams';

export const MAX_MEMBERSHIP_ROWS = 20_000;
/** What members' membersWithIdNumbers takes per call. */
const ID_NUMBERS_PER_CALL = 1_000;

interface MembershipRow {
  row: number;
  teamRef: string;
  name: string | null;
  idNumber: string;
  joinedOn: string;
  team?: VolunteerTeam;
  memberId?: string;
}
type Checked = CheckedFile<MembershipRow, TeamMembershipColumn>;
type Located = MembershipRow & { team: VolunteerTeam; memberId: string };

function readMembershipRow(sheetRow: SheetRow, on: string): ReadRow<MembershipRow, TeamMembershipColumn> {
  const reader = new RowReader<TeamMembershipColumn>(sheetRow, membershipHeaderOf);
  const teamRef = reader.read('team', true, (h, c) => check.name(h, c.text, 50));
  const name = reader.read('name', false, (h, c) => check.name(h, c.text, 50));
  // The members service's own rule (GB 11643): a mistyped number is said so, not merely not found.
  const idNumber = reader.read('idNumber', true, (h, c) => {
    if (c.number !== undefined) throw new DomainError('BAD_USER_INPUT', msg('import.idNumberAsNumber', { field: h }), h);
    return checkIdNumber(h, c.text);
  });
  const joinedOn = reader.read('joinedOn', false, (h, c) => dateOf(h, c)) ?? on;
  if (reader.findings.length > 0) return { findings: reader.findings };
  return { findings: [], value: { row: sheetRow.row, teamRef: teamRef!, name: name ?? null, idNumber: idNumber!, joinedOn } };
}

/** The one team in the caller's scope by each code or name (out of scope reads as not found), or why not. */
async function resolveTeams(store: TeamMembershipImportStore, policy: Policy, refs: string[]) {
  const { codes, names } = codesAndNames(refs);
  const inScope: VolunteerTeam[] = [];
  for (const t of await store.teams(codes, names)) if (await policy.manages(t.organizationId)) inScope.push(t);
  return resolveReferences(refs, inScope, {
    unknown: (value) => msg('import.teamUnknown', { value }),
    ambiguous: (value, count) => msg('import.teamAmbiguous', { value, count }),
  });
}

/** The members recorded with the file's ID numbers: members' service-only lookup, a thousand numbers a call. */
async function membersByIdNumber(peers: Peers, idNumbers: string[]) {
  const found = new Map<string, { id: string; name: string }>();
  for (let start = 0; start < idNumbers.length; start += ID_NUMBERS_PER_CALL) {
    const answer = await peers.operation<{ membersWithIdNumbers: { id: string; idNumber: string; name: string }[] }>(
      'members',
      `query($idNumbers: [String!]!) { membersWithIdNumbers(idNumbers: $idNumbers) { id idNumber name } }`,
      { idNumbers: idNumbers.slice(start, start + ID_NUMBERS_PER_CALL) },
    );
    for (const m of answer.membersWithIdNumbers) found.set(m.idNumber, m);
  }
  return found;
}

const keyOf = (m: { teamId: string; memberId: string }) => `${m.teamId}:${m.memberId}`;

/** Each row against its team as locked now: joinVolunteerTeam's rule (serving, founded by the day). */
function joinable(rows: Located[], teams: Map<string, VolunteerTeam>, checked: Checked): Located[] {
  return rows.filter((r) => {
    try {
      checkJoining(teams.get(r.team.id) ?? r.team, r.joinedOn, membershipHeaderOf.joinedOn);
      return true;
    } catch (error) {
      const message = refusalOf(error);
      const onDate = message.key === 'team.joinedBeforeFounded';
      checked.findings.push({ row: r.row, column: onDate ? 'joinedOn' : 'team', value: onDate ? r.joinedOn : r.teamRef, message });
      return false;
    }
  });
}

/**
 * Imports volunteer team memberships (志愿服务队队员) from .xlsx or CSV: each row with
 * joinVolunteerTeam's rules (the team serves and was founded by the joining day; the member is
 * recorded; not a current member already) and a manager's scope over the team, repeats refused
 * within the file, then all rows in one transaction or none, each with team.member-joined as
 * joinVolunteerTeam emits it, and one audit entry (team-membership-import.committed). The same file
 * again creates nothing; a membership an earlier import created is skipped.
 */
export const importTeamMemberships = useCase({
  async authorize({ policy, dataSource }: Services & { dataSource: DataSource }, args: { file: Buffer; dryRun: boolean }) {
    policy.permitImport('importTeamMemberships');
    const on = today();
    const { checked, valid } = await checkSheet(args, { columns: teamMembershipColumns, maxRows: MAX_MEMBERSHIP_ROWS }, (row) =>
      readMembershipRow(row, on),
    );
    const teams = await resolveTeams(new TeamMembershipImportStore(dataSource), policy, [...new Set(valid.map((r) => r.teamRef))]);
    for (const r of valid) {
      const team = teams.get(r.teamRef)!;
      if ('finding' in team) checked.findings.push({ row: r.row, column: 'team', value: r.teamRef, message: team.finding });
      else checked.rows.push({ ...r, team: team.found });
    }
    checked.previous = await new ImportLedger('team_membership', dataSource).importOf(checked.file.fingerprint);
    return checked;
  },
  async gather({ peers }: Services, checked: Checked) {
    const members = await membersByIdNumber(peers, [...new Set(checked.rows.map((r) => r.idNumber))]);
    const located: Located[] = [];
    for (const r of checked.rows) {
      const member = members.get(r.idNumber);
      const field = membershipHeaderOf.idNumber;
      if (!member)
        checked.findings.push({ row: r.row, column: 'idNumber', value: r.idNumber, message: msg('import.memberUnknown', { field }) });
      else if (r.name !== null && r.name !== member.name)
        checked.findings.push({
          row: r.row,
          column: 'name',
          value: r.name,
          message: msg('import.memberNameMismatch', { field, recorded: member.name, value: r.name }),
        });
      else located.push({ ...r, team: r.team!, memberId: member.id });
    }
    const repeats = duplicatesInFile(
      located,
      (r) => keyOf({ teamId: r.team.id, memberId: r.memberId }),
      'idNumber',
      (r) => r.idNumber,
      membershipHeaderOf.idNumber,
    );
    checked.findings.push(...repeats);
    const repeated = new Set(repeats.map((f) => f.row));
    return { checked, located: located.filter((r) => !repeated.has(r.row)) };
  },
  async change({ tx, outbox, actor }, { checked, located }) {
    const store = new TeamMembershipImportStore(tx);
    // The teams locked (as joinVolunteerTeam locks its one), then checked and compared with the memberships as they are now.
    const teams = new Map((await store.teams([...new Set(located.map((r) => r.team.id))], [], true)).map((t) => [t.id, t]));
    const ledger = new ImportLedger('team_membership', tx);
    const current = new Map(
      (await store.currentMemberships(located.map((r) => ({ teamId: r.team.id, memberId: r.memberId })))).map((m) => [keyOf(m), m.id]),
    );
    const imported = await ledger.importedAmong([...current.values()]);
    checked.rows = [];
    sortAgainstRecorded(
      checked,
      joinable(located, teams, checked),
      (r) => current.get(keyOf({ teamId: r.team.id, memberId: r.memberId })),
      imported,
      (r) => ({ column: 'idNumber', value: r.idNumber, message: msg('team.alreadyMember') }),
    );
    if (!toCommit(checked)) return uncommitted(checked, membershipHeaderOf);
    return ledger.commit(outbox, actor, checked, membershipHeaderOf, {
      entityOf: (r): TeamMembership => ({
        id: randomUUID(),
        teamId: r.team!.id,
        memberId: r.memberId!,
        joinedOn: r.joinedOn,
        leftOn: null,
      }),
      insert: (memberships) => store.insert(memberships),
      changedMeanwhile: 'team_membership_current_idx',
      eventOf: teamEvents.memberJoined,
      summary: membershipImportEvents.committed,
    });
  },
});
