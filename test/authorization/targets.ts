import { worldId } from '@cpb/demo-world';
import type { Federation } from '@cpb/kit/testing';
import { daysAgo, yearsAgo } from '@cpb/kit/testing';
import { person } from '@cpb/demo-world/testing';
import type { Targets } from './change-rules';

type Service = keyof Federation['subgraphs'];

/**
 * Finds the probes' targets in the seeded district (community 0, street 0, never unit 0 or member 12)
 * straight from the databases, and makes the few that the demo lacks (a draft, a transfer).
 */
export async function findTargets(federation: Federation): Promise<Targets> {
  const one = async <T = { id: string }>(service: Service, sql: string, params: unknown[] = []): Promise<T> => {
    const [row] = await federation.subgraphs[service].running.database.dataSource.query(sql, params);
    if (!row) throw new Error(`no target for ${sql}`);
    return row as T;
  };
  const ok = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const result = await federation.query<T>(query, variables);
    if (result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
    return result.data!;
  };
  const community = worldId('community', 0);
  const organization = worldId('org-community', 0);
  const liaisonUnit = worldId('unit', 0);
  const demoMember = worldId('member', 12);
  const branches: { id: string; scope: string }[] = await federation.subgraphs.organizations.running.database.dataSource.query(
    `SELECT id, scope FROM organization WHERE parent_id = $1 AND kind = 'BRANCH' ORDER BY id`,
    [organization],
  );
  const [branch, otherBranch] = branches.filter((b) => b.scope === 'COMMUNITY').map((b) => b.id);
  const migrantBranch = branches.find((b) => b.scope === 'MIGRANT')!.id;
  const inBranch = (sql: string) => one('members', sql, [branch, demoMember]);
  const member = (
    await inBranch(`SELECT id FROM member WHERE organization_id = $1 AND id <> $2 AND category = 'EMPLOYED' ORDER BY id LIMIT 1`)
  ).id;
  const otherMember = (
    await inBranch(`SELECT id FROM member WHERE organization_id = $1 AND id <> $2 AND category <> 'EMPLOYED' ORDER BY id LIMIT 1`)
  ).id;
  const transfer = await ok<{ requestTransfer: { id: string } }>(
    'mutation($m: ID!, $to: ID!) { requestTransfer(memberId: $m, toOrganizationId: $to, reason: "探针") { id } }',
    { m: member, to: otherBranch },
  );
  // A registration with community 0 of a member community 0's organisation holds (a registration is the member's record).
  const subtree = (
    await federation.query<{ organization: { subtreeIds: string[] } }>('query($id: ID!) { organization(id: $id) { subtreeIds } }', {
      id: organization,
    })
  ).data!.organization.subtreeIds;
  const registration = await one<{ id: string; member_id: string }>(
    'members',
    `SELECT r.id, r.member_id FROM community_registration r JOIN member m ON m.id = r.member_id
      WHERE r.community_id = $1 AND r.status = 'ACTIVE' AND m.organization_id = ANY($3::uuid[]) AND r.member_id <> $2 ORDER BY r.id LIMIT 1`,
    [community, demoMember, subtree],
  );
  const team = await one<{ id: string }>('activities', 'SELECT id FROM volunteer_team WHERE organization_id = $1 ORDER BY id LIMIT 1', [
    organization,
  ]);
  const teamMember = await one<{ member_id: string }>(
    'activities',
    'SELECT m.member_id FROM team_membership m JOIN volunteer_team t ON t.id = m.team_id WHERE t.id = $1 AND m.left_on IS NULL AND m.member_id <> t.leader_id AND m.member_id <> $2 LIMIT 1',
    [team.id, demoMember],
  );
  const activity = await one(
    'activities',
    `SELECT id FROM activity WHERE organizer_id = $1 AND status = 'PUBLISHED' AND starts_at > now() + interval '1 day' ORDER BY starts_at LIMIT 1`,
    [organization],
  );
  const signedUp = await one<{ member_id: string }>(
    'activities',
    `SELECT member_id FROM participation WHERE activity_id = $1 AND status = 'SIGNED_UP' AND member_id <> $2 LIMIT 1`,
    [activity.id, demoMember],
  );
  const starts = new Date(Date.now() + 30 * 86_400_000);
  const draft = await ok<{ createActivity: { id: string } }>('mutation($i: CreateActivityInput!) { createActivity(input: $i) { id } }', {
    i: {
      title: '探针草稿',
      kind: 'MEETING',
      organizerId: organization,
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
      capacity: 20,
    },
  });
  const notLiaisons = [community, liaisonUnit];
  const resource = await one(
    'resources',
    `SELECT id FROM resource WHERE community_id = $1 AND provider_id <> $2 AND kind = 'SERVICE' AND status = 'AVAILABLE' ORDER BY id LIMIT 1`,
    notLiaisons,
  );
  const venue = await one<{ id: string; provider_id: string }>(
    'resources',
    `SELECT id, provider_id FROM resource WHERE community_id = $1 AND provider_id <> $2 AND kind = 'VENUE' ORDER BY id LIMIT 1`,
    notLiaisons,
  );
  const booking = await one(
    'resources',
    `SELECT b.id FROM booking b JOIN resource r ON r.id = b.resource_id WHERE r.community_id = $1 AND r.provider_id <> $2 AND b.status = 'CONFIRMED' AND b.starts_at > now() ORDER BY b.starts_at LIMIT 1`,
    notLiaisons,
  );
  const agreement = await one<{ id: string }>(
    'resources',
    `SELECT id FROM agreement WHERE community_id = $1 AND partner_unit_id <> $2 AND status = 'ACTIVE' AND valid_to >= current_date ORDER BY id LIMIT 1`,
    notLiaisons,
  );
  const commitment = await one(
    'resources',
    `SELECT id FROM commitment WHERE agreement_id = $1 AND status <> 'DONE' ORDER BY position LIMIT 1`,
    [agreement.id],
  );
  const need = await one('resources', `SELECT id FROM need WHERE community_id = $1 AND status = 'OPEN' ORDER BY id LIMIT 1`, [community]);
  const planned = await one('resources', `SELECT id FROM project WHERE community_id = $1 AND status = 'PLANNED' ORDER BY id LIMIT 1`, [
    community,
  ]);
  const active = await one('resources', `SELECT id FROM project WHERE community_id = $1 AND status = 'ACTIVE' ORDER BY id LIMIT 1`, [
    community,
  ]);
  const meeting = await one('resources', 'SELECT id FROM joint_meeting WHERE convener_id = ANY($1::uuid[]) ORDER BY held_on DESC LIMIT 1', [
    [organization, worldId('org-street', 0)],
  ]);
  const lifeMeeting = await one(
    'organizations',
    `SELECT id FROM meeting WHERE organization_id = $1 AND status = 'HELD' ORDER BY starts_at DESC LIMIT 1`,
    [branch],
  );
  const position = await one(
    'organizations',
    'SELECT id FROM position WHERE organization_id = $1 AND ends_on IS NULL ORDER BY id LIMIT 1',
    [organization],
  );
  const unitWithoutOrganization = await one(
    'organizations',
    'SELECT id FROM resident_unit WHERE community_id = $1 AND organization_id IS NULL AND id <> $2 ORDER BY id LIMIT 1',
    notLiaisons,
  );
  const assignments: { id: string }[] = await federation.subgraphs.organizations.running.database.dataSource.query(
    'SELECT a.id FROM instructor_assignment a JOIN resident_unit u ON u.id = a.resident_unit_id WHERE u.community_id = $1 AND a.ends_on IS NULL AND u.id <> $2 LIMIT 1',
    notLiaisons,
  );
  const instructorAssignment =
    assignments[0]?.id ??
    (
      await ok<{ assignInstructor: { id: string } }>(
        'mutation($u: ID!, $m: ID!) { assignInstructor(residentUnitId: $u, memberId: $m) { id } }',
        { u: unitWithoutOrganization.id, m: otherMember },
      )
    ).assignInstructor.id;
  const probationer = await one(
    'members',
    `SELECT id FROM member WHERE organization_id IN ($1, $2) AND status = 'PROBATIONARY' AND id <> $3 LIMIT 1`,
    [branch, otherBranch, demoMember],
  );
  const applicant = await one(
    'members',
    `SELECT id FROM applicant WHERE organization_id = ANY($1::uuid[]) AND stage = 'APPLICANT' AND admitted_member_id IS NULL LIMIT 1`,
    [[organization, ...branches.map((b) => b.id)]],
  );
  const candidate = (
    await ok<{ recordApplicant: { id: string } }>('mutation($i: RecordApplicantInput!) { recordApplicant(input: $i) { id } }', {
      i: { ...person({ category: 'STUDENT' }), organizationId: branch, appliedOn: yearsAgo(3) },
    })
  ).recordApplicant;
  const advance = 'mutation($id: ID!, $stage: ApplicantStage!, $on: String) { advanceApplicant(id: $id, stage: $stage, on: $on) { id } }';
  await ok(advance, { id: candidate.id, stage: 'ACTIVIST', on: yearsAgo(2) });
  await ok(advance, { id: candidate.id, stage: 'CANDIDATE', on: daysAgo(100) });
  const year = new Date().getUTCFullYear();
  // A seeded payment of dues in the branch, not yet reversed (the reversal probe's target).
  const duesPayment = (
    await inBranch(`SELECT p.id FROM dues_payment p JOIN member m ON m.id = p.member_id
      WHERE m.organization_id = $1 AND p.member_id <> $2 AND p.kind = 'PAYMENT' AND NOT EXISTS (SELECT 1 FROM dues_payment r WHERE r.reverses_id = p.id) ORDER BY p.id LIMIT 1`)
  ).id;
  return {
    street: worldId('street', 0),
    community,
    organization,
    branch,
    otherBranch,
    migrantBranch,
    unit: venue.provider_id,
    unitWithoutOrganization: unitWithoutOrganization.id,
    member,
    otherMember,
    probationer: probationer.id,
    applicant: applicant.id,
    candidate: candidate.id,
    transfer: transfer.requestTransfer.id,
    registration: registration.id,
    registered: registration.member_id,
    position: position.id,
    instructorAssignment,
    duesPayment,
    team: team.id,
    teamMember: teamMember.member_id,
    activity: activity.id,
    draft: draft.createActivity.id,
    signedUp: signedUp.member_id,
    resource: resource.id,
    venue: venue.id,
    booking: booking.id,
    agreement: agreement.id,
    commitment: commitment.id,
    need: need.id,
    planned: planned.id,
    project: planned.id,
    active: active.id,
    meeting: meeting.id,
    lifeMeeting: lifeMeeting.id,
    year,
    month: new Date().getUTCMonth() + 1,
    from: `${year - 1}-01-01`,
    to: `${year}-12-31`,
  };
}
