import type { DataSource, EntityManager } from 'typeorm';
import { insertRows, isEmpty, Outbox, today, type DomainEvent, type Logger } from '@cpb/kit';
import { applicants, membershipOf, type MemberMembership, type World } from '@cpb/demo-world';
import { probationEndsOn } from './domain/membership-rules';
import type { Applicant, CommunityRegistration, Member, MigrantCheckIn, RegistrationFeedback, Transfer } from './entities';
import { applicantEvents, memberEvents, registrationEvents, transferEvents } from './events';
import { insertDues } from './seed-dues';

const memberColumns = [
  'id',
  'name',
  'gender',
  'birth_date',
  'ethnicity',
  'education',
  'phone',
  'id_number',
  'joined_on',
  'status',
  'probation_ends_on',
  'category',
  'organization_id',
  'work_unit_id',
  'residence_community_id',
  'skills',
  'responsibility_area',
  'home_address',
];
const applicantColumns = [
  'id',
  'name',
  'gender',
  'birth_date',
  'ethnicity',
  'education',
  'phone',
  'id_number',
  'category',
  'organization_id',
  'residence_community_id',
  'stage',
  'applied_on',
  'activist_on',
  'candidate_on',
];

/** A plausible flat in the member's community, derived from the id so every service run agrees. */
function homeAddressOf(id: string): string {
  const n = parseInt(id.slice(0, 6), 16);
  return `城东区${1 + (n % 30)}号楼${1 + (n % 4)}单元${100 * (1 + (n % 18)) + 1 + (n % 4)}室`;
}

/** Writes this service's slice of the demo district; skips a non-empty database. */
export async function seedWorld(db: DataSource, world: World, logger: Logger): Promise<void> {
  if (!(await isEmpty(db.manager, 'member'))) {
    logger.info('members already has data; seed skipped');
    return;
  }
  const counts = { registrations: 0, transfers: 0, checkIns: 0, applicants: 0, duesPayments: 0 };
  const lifeOf = membershipOf(world);
  await db.transaction(async (tx) => {
    // The history the rows stand for, through the outbox in order (docs/events.md); dues payments are
    // left out (several per member and month: their totals are a query, not a consumer's count).
    const outbox = new Outbox(tx);
    let m = 0;
    for (const chunk of world.memberChunks()) {
      const recorded = chunk.map((member) =>
        memberEvents.recorded({
          ...member,
          probationEndsOn: member.status === 'PROBATIONARY' ? probationEndsOn(member.joinedOn) : null,
        } as Member),
      );
      const rows = chunk.map((member) => [
        member.id,
        member.name,
        member.gender,
        member.birthDate,
        member.ethnicity,
        member.education,
        member.phone,
        member.idNumber,
        member.joinedOn,
        member.status,
        member.status === 'PROBATIONARY' ? probationEndsOn(member.joinedOn) : null,
        member.category,
        member.organizationId,
        member.workUnitId,
        member.residenceCommunityId,
        member.skills,
        member.responsibilityArea,
        homeAddressOf(member.id),
      ]);
      await insertRows(tx, 'member', memberColumns, rows);
      counts.duesPayments += await insertDues(tx, m, chunk, today());
      const lives = chunk.map((member) => lifeOf(m++, member));
      await insertMembership(tx, lives, counts);
      await outbox.emitBulk([...recorded, ...lives.flatMap(membershipHistory)]);
    }
    const applicantRows = [...applicants(world)].map((a) => [
      a.id,
      a.name,
      a.gender,
      a.birthDate,
      a.ethnicity,
      a.education,
      a.phone,
      a.idNumber,
      a.category,
      a.organizationId,
      a.residenceCommunityId,
      a.stage,
      a.appliedOn,
      a.activistOn,
      a.candidateOn,
    ]);
    await insertRows(tx, 'applicant', applicantColumns, applicantRows);
    await outbox.emitBulk([...applicants(world)].map((a) => applicantEvents.recorded(a as Applicant)));
    counts.applicants = applicantRows.length;
  });
  logger.info({ members: world.shape.members, ...counts }, 'members seeded');
}

/** The events of one member's registration, feedback, transfer and check-ins, as the mutations write them. */
function membershipHistory(life: MemberMembership): DomainEvent[] {
  const events: DomainEvent[] = [];
  const r = life.registration;
  if (r) {
    const registration = { ...r, status: 'ACTIVE' } as unknown as CommunityRegistration;
    events.push(registrationEvents.registered(registration));
    for (const f of r.feedback) events.push(registrationEvents.feedbackRecorded(registration, f as RegistrationFeedback));
  }
  const t = life.transfer as Transfer | null;
  if (t) {
    events.push(transferEvents.requested(t));
    if (t.decidedOn) events.push(transferEvents.approved(t, t.decidedOn));
  }
  for (const c of life.checkIns) events.push(registrationEvents.migrantCheckedIn(c as MigrantCheckIn));
  return events;
}

/** Registrations with their feedback, open transfers and migrant check-ins of one chunk of members. */
async function insertMembership(tx: EntityManager, lives: MemberMembership[], counts: Record<string, number>): Promise<void> {
  const registrations = lives.flatMap((l) => (l.registration ? [l.registration] : []));
  await insertRows(
    tx,
    'community_registration',
    ['id', 'member_id', 'community_id', 'work_unit_id', 'status', 'registered_on'],
    registrations.map((r) => [r.id, r.memberId, r.communityId, r.workUnitId, 'ACTIVE', r.registeredOn]),
  );
  const feedback = registrations.flatMap((r) => r.feedback.map((f) => [f.id, r.id, f.rating, f.comment, f.recordedOn]));
  await insertRows(tx, 'registration_feedback', ['id', 'registration_id', 'rating', 'comment', 'recorded_on'], feedback);
  const transfers = lives.flatMap((l) => (l.transfer ? [l.transfer] : []));
  await insertRows(
    tx,
    'transfer',
    [
      'id',
      'member_id',
      'from_organization_id',
      'to_organization_id',
      'reason',
      'status',
      'requested_on',
      'decided_on',
      'letter_reach',
      'letter_issued_on',
      'letter_valid_until',
    ],
    transfers.map((t) => [
      t.id,
      t.memberId,
      t.fromOrganizationId,
      t.toOrganizationId,
      t.reason,
      t.status,
      t.requestedOn,
      t.decidedOn,
      t.decidedOn && 'WITHIN_CITY',
      t.decidedOn,
      t.letterValidUntil,
    ]),
  );
  const checkIns = lives.flatMap((l) => l.checkIns);
  await insertRows(
    tx,
    'migrant_check_in',
    ['id', 'member_id', 'organization_id', 'checked_in_on'],
    checkIns.map((c) => [c.id, c.memberId, c.organizationId, c.checkedInOn]),
  );
  counts.registrations += registrations.length;
  counts.transfers += transfers.length;
  counts.checkIns += checkIns.length;
}
