import { pick, random, worldId } from './ids';
import * as words from './names';
import { idCheckDigit, type MemberRecord, type World } from './world';

/**
 * What happens around membership in the demo district: applicants on their way in, employed
 * members registered with their community (with the community's feedback), a few open transfers,
 * and migrant members' check-ins. Everything is derived from an index, like the rest of the world.
 */

export interface ApplicantRecord {
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  ethnicity: string;
  education: string;
  phone: string;
  idNumber: string;
  category: string;
  organizationId: string;
  residenceCommunityId: string;
  stage: 'APPLICANT' | 'ACTIVIST' | 'CANDIDATE';
  appliedOn: string;
  activistOn: string | null;
  candidateOn: string | null;
}
export interface FeedbackRecord {
  id: string;
  rating: string;
  comment: string;
  recordedOn: string;
}
export interface RegistrationRecord {
  id: string;
  memberId: string;
  communityId: string;
  workUnitId: string | null;
  registeredOn: string;
  feedback: FeedbackRecord[];
}
export interface TransferRecord {
  id: string;
  memberId: string;
  fromOrganizationId: string;
  toOrganizationId: string;
  reason: string;
  status: 'REQUESTED' | 'APPROVED';
  requestedOn: string;
  decidedOn: string | null;
  /** An approved one's introduction letter (within the city: 10 days from the decision). */
  letterValidUntil: string | null;
}
export interface MigrantCheckInRecord {
  id: string;
  memberId: string;
  organizationId: string;
  checkedInOn: string;
}
export interface MemberMembership {
  registration: RegistrationRecord | null;
  transfer: TransferRecord | null;
  checkIns: MigrantCheckInRecord[];
}

const DAY = 86_400_000;
const feedbackComments = [
  '按时参加社区活动，表现积极',
  '主动认领楼道服务岗位',
  '参与志愿服务，群众评价良好',
  '参加社区议事，建言献策',
  '服务时长未达要求',
];
const ratings = ['EXCELLENT', 'QUALIFIED', 'QUALIFIED', 'QUALIFIED', 'BASICALLY_QUALIFIED'];
const transferReasons = ['迁居到其他社区', '工作调动', '毕业离校', '随子女迁居'];
/** Members with an open transfer: one in this many. */
const TRANSFER_EVERY = 150;

function isoDay(d: Date | number): string {
  return new Date(d).toISOString().slice(0, 10);
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** Applicants per community: one per 40 members living there, at least 4, through all three stages. */
export function* applicants(world: World): Generator<ApplicantRecord> {
  const perCommunity = Math.max(4, Math.round(world.shape.members / world.shape.communities / 40));
  const today = world.today.getTime();
  let i = 0;
  for (const community of world.communities()) {
    for (let k = 0; k < perCommunity; k++, i++) {
      const r = random(5_000_011 + i);
      const birth = new Date(
        Date.UTC(world.today.getUTCFullYear() - 22 - Math.floor(r() * 15), Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
      );
      const stage = k % 5 < 2 ? 'APPLICANT' : k % 5 < 4 ? 'ACTIVIST' : 'CANDIDATE';
      // Dates fit the rules: an activist after applying, a candidate after a year as activist, none in the future.
      const days =
        stage === 'APPLICANT'
          ? 10 + Math.floor(r() * 390)
          : stage === 'ACTIVIST'
            ? 60 + Math.floor(r() * 640)
            : 520 + Math.floor(r() * 580);
      const applied = today - days * DAY;
      const activist = stage === 'APPLICANT' ? null : stage === 'ACTIVIST' ? today - Math.floor(days / 2) * DAY : applied + 60 * DAY;
      const candidate = stage === 'CANDIDATE' && activist ? activist + (366 + Math.floor(r() * (days - 426))) * DAY : null;
      // An area code of their own (51…) keeps applicants' ID numbers apart from members' (11…).
      const first17 = `5101${10 + (Math.floor(i / 1000) % 90)}${isoDay(birth).replace(/-/g, '')}${String(i % 1000).padStart(3, '0')}`;
      yield {
        id: worldId('applicant', i),
        name: pick(words.surnames, r()) + pick(words.givenNames, r()),
        gender: r() < 0.5 ? 'MALE' : 'FEMALE',
        birthDate: isoDay(birth),
        ethnicity: pick(words.ethnicities, r()),
        education: pick(words.educations, r()),
        phone: `15${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
        idNumber: first17 + idCheckDigit(first17),
        category: r() < 0.7 ? 'EMPLOYED' : 'STUDENT',
        organizationId: community.organizationId,
        residenceCommunityId: community.id,
        stage,
        appliedOn: isoDay(applied),
        activistOn: activist === null ? null : isoDay(activist),
        candidateOn: candidate === null ? null : isoDay(candidate),
      };
    }
  }
}

/**
 * A function giving member m's life around membership: seven in ten employed members registered
 * with their residence community (some with feedback), one member in 150 with an open transfer to
 * the next community's organisation, and each migrant member's last three monthly check-ins.
 */
export function membershipOf(world: World): (m: number, member: MemberRecord) => MemberMembership {
  const communities = [...world.communities()];
  const communityIndex = new Map(communities.map((c, i) => [c.id, i]));
  const daysAgo = (n: number) => isoDay(world.today.getTime() - n * DAY);
  return (m, member) => {
    const r = random(7_000_003 + m);
    let registration: RegistrationRecord | null = null;
    if (member.category === 'EMPLOYED' && r() < 0.7) {
      const registeredOn = later(member.joinedOn, daysAgo(30 + Math.floor(r() * 700)));
      const feedback: FeedbackRecord[] = [];
      for (let f = 0; f < Math.floor(r() * 3); f++) {
        feedback.push({
          id: worldId('feedback', m * 3 + f),
          rating: pick(ratings, r()),
          comment: pick(feedbackComments, r()),
          recordedOn: later(registeredOn, daysAgo(Math.floor(r() * 300))),
        });
      }
      registration = {
        id: worldId('registration', m),
        memberId: member.id,
        communityId: member.residenceCommunityId,
        workUnitId: member.workUnitId,
        registeredOn,
        feedback,
      };
    }
    let transfer: TransferRecord | null = null;
    if (m % TRANSFER_EVERY === 7) {
      const next = communities[((communityIndex.get(member.residenceCommunityId) ?? 0) + 1) % communities.length];
      const requestedOn = later(member.joinedOn, daysAgo(1 + Math.floor(r() * 20)));
      const approved = m % (2 * TRANSFER_EVERY) === 7;
      // Approved ones decided 1 to 9 days ago: their letters still valid, some lapsing within 3 days (the to-do list shows them).
      const decidedOn = approved ? later(requestedOn, daysAgo(1 + Math.floor(r() * 9))) : null;
      transfer = {
        id: worldId('transfer', m),
        memberId: member.id,
        fromOrganizationId: member.organizationId,
        toOrganizationId: next.organizationId,
        reason: pick(transferReasons, r()),
        status: approved ? 'APPROVED' : 'REQUESTED',
        requestedOn,
        decidedOn,
        letterValidUntil: decidedOn && isoDay(Date.parse(decidedOn) + 10 * DAY),
      };
    }
    const checkIns: MigrantCheckInRecord[] = [];
    if (member.category === 'MIGRANT') {
      for (let k = 0; k < 3; k++) {
        const checkedInOn = daysAgo(k * 30 + Math.floor(r() * 10));
        if (checkedInOn >= member.joinedOn)
          checkIns.push({ id: worldId('check-in', m * 3 + k), memberId: member.id, organizationId: member.organizationId, checkedInOn });
      }
    }
    return { registration, transfer, checkIns };
  };
}
