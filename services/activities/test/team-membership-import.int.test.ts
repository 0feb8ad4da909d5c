import { expectImportAccess, filledTemplate, sheetRows, template, upload, type ImportReport } from '../../../test/import-files';
import { worldId } from '@cpb/demo-world';
import { idNumberFor } from '@cpb/demo-world/testing';
import { daysAgo, onBroker, outboxRows, startOnBroker, type OnBroker } from '@cpb/kit/testing';

/**
 * Issue 18: volunteer team memberships imported through the gateway's /imports/team-memberships to
 * the activities service (docs/decisions/0021): joinVolunteerTeam's rules for every row, members
 * named by ID number (asked of members once per thousand numbers), all or none,
 * team.member-joined per membership on the broker, one audit entry, idempotent.
 */

interface Person {
  id: string;
  name: string;
  idNumber: string;
}

let stack: OnBroker;
let templateFile: Buffer;
let people: Person[];
let teamCount = 0;

const query = async <T>(text: string, variables: Record<string, unknown> = {}): Promise<T> => {
  const result = await stack.federation.query<T>(text, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
};

/** A team of community `community`'s organisation, founded 100 days ago, led by `leader`. */
async function team(community = 0, leader = people[0]): Promise<{ id: string; name: string }> {
  const name = `导入服务队${++teamCount}`;
  const created = await query<{ createVolunteerTeam: { id: string } }>(
    'mutation($i: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }',
    { i: { name, specialty: 'PATROL', organizationId: worldId('org-community', community), leaderId: leader.id, foundedOn: daysAgo(100) } },
  );
  return { id: created.createVolunteerTeam.id, name };
}

beforeAll(async () => {
  stack = await startOnBroker('activities');
  templateFile = (await template(stack.federation, 'team-memberships')).file;
  const found = await query<{ members: { edges: { node: Person }[] } }>(
    'query($c: ID!) { members(filter: { communityId: $c }, first: 12) { edges { node { id name idNumber } } } }',
    { c: worldId('community', 0) },
  );
  people = found.members.edges.map((e) => e.node).filter((p) => p.idNumber);
});
afterAll(() => stack?.stop());

const db = () => stack.federation.subgraphs.activities.running.database.dataSource;
const membershipCount = async (): Promise<number> => (await db().query(`SELECT count(*)::int AS n FROM team_membership`))[0].n;
const row = (teamName: string, person: Person, overrides: Record<string, string> = {}) => ({
  服务队名称: teamName,
  姓名: person.name,
  公民身份号码: person.idNumber,
  加入日期: daysAgo(10),
  ...overrides,
});

describe('the team memberships template', () => {
  it('has the Chinese headers and an explanation row', async () => {
    const rows = await sheetRows(templateFile);
    expect(rows[0]).toEqual(['服务队名称', '姓名', '公民身份号码', '加入日期']);
    expect(rows[1][0]).toMatch(/^【填写说明】必填。/);
  });
});

describe('importing team memberships', () => {
  it('creates every row in one transaction, each with team.member-joined on the broker, and one audit entry', async () => {
    const { id, name } = await team();
    const rows = [row(name, people[1]), row(id, people[2], { 姓名: '', 加入日期: '' }), row(name, people[3])];
    const before = await membershipCount();
    const answer = await upload<ImportReport>(stack.federation, 'team-memberships', await filledTemplate(templateFile, rows));
    expect(answer.data).toMatchObject({ committed: true, rowCount: 3, createdCount: 3, errorCount: 0 });
    expect(await membershipCount()).toBe(before + 3);
    const joined = (await outboxRows(stack.federation, 'activities', 'team.member-joined')).filter((e) => e.aggregate_id === id);
    // The leader's (createVolunteerTeam), then the file's in its order, as joinVolunteerTeam writes them.
    expect(joined.map((e) => [e.payload.memberId, e.payload.joinedOn])).toEqual([
      [people[0].id, daysAgo(100)],
      [people[1].id, daysAgo(10)],
      [people[2].id, daysAgo(0)],
      [people[3].id, daysAgo(10)],
    ]);
    await onBroker(stack.reader, 'team.member-joined', id, 4);
    const audit = await db().query(
      `SELECT a.action, o.payload FROM audit_log a JOIN outbox o ON o.id = a.event_id WHERE a.target_id = $1`,
      [answer.data!.importId],
    );
    expect(audit).toEqual([
      { action: 'team-membership-import.committed', payload: expect.objectContaining({ rowCount: 3, createdCount: 3, skippedCount: 0 }) },
    ]);
    const members = await stack.federation.query<{ volunteerTeam: { memberCount: number } }>(
      'query($id: ID!) { volunteerTeam(id: $id) { memberCount } }',
      { id },
    );
    expect(members.data!.volunteerTeam.memberCount).toBe(4);
  });

  it('validates only on a dry run', async () => {
    const { name } = await team();
    const before = await membershipCount();
    const answer = await upload<ImportReport>(
      stack.federation,
      'team-memberships',
      await filledTemplate(templateFile, [row(name, people[1])]),
      {
        dryRun: true,
      },
    );
    expect(answer.data).toMatchObject({ committed: false, dryRun: true, rowCount: 1, createdCount: 0, errorCount: 0, importId: null });
    expect(await membershipCount()).toBe(before);
  });

  it("reports every row refused by joinVolunteerTeam's rules, and writes nothing", async () => {
    const { name } = await team();
    const disbanded = await team();
    await query('mutation($t: ID!) { disbandVolunteerTeam(teamId: $t) { id } }', { t: disbanded.id });
    const rows = [
      row(name, people[1]),
      row(name, people[0]),
      row(name, people[2], { 加入日期: daysAgo(200) }),
      row('不存在的服务队', people[3]),
      row(name, people[3], { 公民身份号码: '110101199003071234' }),
      row(name, people[4], { 姓名: '别人' }),
      row(disbanded.name, people[5]),
      row(name, people[1]),
      row(name, people[6], { 加入日期: '2024-02-30' }),
      row(name, people[7], { 公民身份号码: idNumberFor('1970-01-01') }),
    ];
    const before = await membershipCount();
    const answer = await upload<ImportReport>(stack.federation, 'team-memberships', await filledTemplate(templateFile, rows));
    expect(answer.data!.committed).toBe(false);
    expect(answer.data!.errors.map((e) => [e.row, e.column, e.messageKey])).toEqual([
      [4, '公民身份号码', 'team.alreadyMember'],
      [5, '加入日期', 'team.joinedBeforeFounded'],
      [6, '服务队名称', 'import.teamUnknown'],
      [7, '公民身份号码', 'member.idNumberCheckCharacter'],
      [8, '姓名', 'import.memberNameMismatch'],
      [9, '服务队名称', 'team.disbanded'],
      [10, '公民身份号码', 'import.duplicateInFile'],
      [11, '加入日期', 'import.date'],
      [12, '公民身份号码', 'import.memberUnknown'],
    ]);
    expect(await membershipCount()).toBe(before);
  });

  it('creates nothing new from the same file again, and skips the memberships an earlier import brought in', async () => {
    const { name } = await team();
    const rows = [row(name, people[1]), row(name, people[2])];
    const file = await filledTemplate(templateFile, rows);
    const first = await upload<ImportReport>(stack.federation, 'team-memberships', file);
    expect(first.data).toMatchObject({ committed: true, createdCount: 2 });
    const before = await membershipCount();
    const again = await upload<ImportReport>(stack.federation, 'team-memberships', file);
    expect(again.data).toMatchObject({ committed: false, alreadyImported: true, importId: first.data!.importId, createdCount: 0 });
    const third = await upload<ImportReport>(
      stack.federation,
      'team-memberships',
      await filledTemplate(templateFile, [...rows, row(name, people[3])]),
    );
    expect(third.data).toMatchObject({ committed: true, createdCount: 1, skippedRows: [3, 4] });
    expect(await membershipCount()).toBe(before + 1);
  });

  it("lets the team's managers import, refuses others' teams as not found, and refuses other roles", async () => {
    const { name } = await team();
    const own = await filledTemplate(templateFile, [row(name, people[1])]);
    await expectImportAccess(stack.federation, 'team-memberships', own, 'import.teamUnknown');
  });

  it("refuses a bad file whole with its coded reason (the kit's checks), writing nothing", async () => {
    const before = await membershipCount();
    const notASheet = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200)]);
    const refused = await upload(stack.federation, 'team-memberships', notASheet);
    expect([refused.status, refused.errors?.[0].extensions.code, refused.errors?.[0].extensions.reason]).toEqual([
      400,
      'BAD_USER_INPUT',
      'NOT_A_SPREADSHEET',
    ]);
    const wrong = await upload(
      stack.federation,
      'team-memberships',
      await filledTemplate((await template(stack.federation, 'resident-units')).file, [{ 单位名称: '某' }]),
    );
    expect(wrong.errors?.[0].extensions.reason).toBe('WRONG_HEADERS');
    expect(await membershipCount()).toBe(before);
  });
});
